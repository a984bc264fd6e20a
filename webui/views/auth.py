"""Logging in and out (users are made with `kb user add NAME --role viewer|editor|admin`)."""
from __future__ import annotations

import os

from flask import (
    Blueprint,
    current_app,
    flash,
    g,
    make_response,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, PasswordField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length

from webui import store, users
from webui.entities import ROLE_NAMES
from webui.i18n import safe_next
from webui.jsondata import json_response
from webui.limits import Limiter, TooMany
from webui.pages import wants_json

bp = Blueprint("auth", __name__)


class LoginForm(FlaskForm):
    name = StringField(_l("User name"), validators=[DataRequired()])
    password = PasswordField(_l("Password"), validators=[DataRequired()])
    next = HiddenField()


class LogoutForm(FlaskForm):
    pass


# /login is registered first (decorators apply bottom-up), so url_for builds it, not the JSON twin.
@bp.route("/login.json", methods=["GET"])
@bp.route("/login", methods=["GET", "POST"])
def login():
    if wants_json():
        return json_response({"user": g.get("user")})
    form = LoginForm(next=request.args.get("next", ""))
    status = 200
    if form.validate_on_submit():
        name = form.name.data.strip()
        try:
            user = _checked(name, form.password.data)
        except TooMany as exc:
            flash(_("Too many login attempts; try again in %(seconds)d seconds.", seconds=exc.retry_after), "error")
            response = make_response(render_template("auth/login.html", _form=form), 429)
            response.headers["Retry-After"] = str(exc.retry_after)
            return response
        if user:
            session.clear()
            session["user"] = user
            flash(_("Logged in as %(name)s (%(role)s).", name=user["name"], role=user["role"]), "success")
            return redirect(safe_next(form.next.data))
        flash(_("Wrong user name or password."), "error")
        status = 401
    elif request.method == "POST":
        status = 400
    return render_template("auth/login.html", _form=form), status


def _checked(name: str, password: str) -> dict | None:
    """The password check under the failed-login limits (webui/limits.py): per account, per client."""
    per_account, per_client = current_app.extensions["kb_login_limits"]
    account, client = f"user:{name}", f"client:{request.remote_addr}"
    taken = per_account.take(account)
    try:
        per_client.take(client)
    except TooMany:
        per_account.give_back(taken, account)
        raise
    user = users.check_login(store.graph(), name, password)
    if user:
        per_account.give_back(taken, account)
        per_client.give_back(taken, client)
    return user


@bp.record_once
def _limits(state) -> None:
    def setting(name: str, default: int) -> int:  # the app's config, else the environment
        return int(state.app.config.setdefault(name, int(os.environ.get(name) or default)))

    window = setting("KB_LOGIN_WINDOW", 900)
    # `kb serve --processes N`: each process counts its own attempts, so each allows its share and the
    # processes together never more than the limit
    share = max(1, int(state.app.config.get("KB_PROCESSES") or 1))
    state.app.extensions["kb_login_limits"] = (
        Limiter(max(1, setting("KB_LOGIN_FAILURES_PER_ACCOUNT", 5) // share), window),
        Limiter(max(1, setting("KB_LOGIN_FAILURES_PER_CLIENT", 20) // share), window))


@bp.route("/logout", methods=["POST"])
def logout():
    form = LogoutForm()
    if form.validate_on_submit():
        if g.get("user"):
            users.end_sessions(store.graph(), g.user["name"])  # a copied cookie dies with this one
        session.clear()
        flash(_("Logged out."), "success")
    return redirect(url_for("dashboard.index"))


@bp.app_context_processor
def logout_form() -> dict:
    return {"logout_form": LogoutForm}


class UserForm(FlaskForm):
    name = StringField(_l("User name"), validators=[DataRequired(), Length(max=100)])
    password = PasswordField(_l("Password (at least 8 characters)"), validators=[DataRequired(), Length(min=8)])
    role = SelectField(_l("Role"), choices=[SelectChoice(r, ROLE_NAMES[r]) for r in users.ROLES], default="viewer")


@bp.route("/users", methods=["GET", "POST"])
@users.role_required("admin")
def user_admin():
    """Admins add users or change a user's password and role (as `kb user add` does)."""
    form = UserForm()
    status = 200
    if form.validate_on_submit():
        created, _role = users.add_user(store.graph(), form.name.data.strip(), form.password.data,
                                        form.role.data)
        flash((_("Created %(name)s.", name=form.name.data) if created else
               _("Updated %(name)s.", name=form.name.data)), "success")
        return redirect(url_for("auth.user_admin"))
    if request.method == "POST":
        status = 400
    return render_template("auth/users.html", users=users.list_users(store.graph()), _form=form), status
