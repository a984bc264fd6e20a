"""Pages drawn once per change of the data and kept: a law of a province's lists is a thousand links
(its articles, the departments citing it), drawn by Jinja in 25 ms; the same page for the same data,
language and role is the same HTML, so it is kept in this process and drawn again only when an
import or an edit changes the data stamp (webui.stats.stamp).

Only a page's blocks are kept (its title, its body …), never the frame around them: the frame holds
the reader's name, their flashed messages and the language links, drawn for each request. A page
kept this way must draw nothing but the data (no form with a CSRF token, no flash, nothing kept in
memory beside the data such as the findings being computed)."""
from __future__ import annotations

import sys
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from typing import Any

from flask import current_app, g, render_template, request
from flask_babel import get_locale
from markupsafe import Markup

from webui import stats

KEPT_BYTES = 64 * 1024 * 1024  # per process: about a thousand pages of a province's laws and articles
FRAME = "kept.html"  # the frame drawn around kept blocks (base.html's, each block filled from the kept ones)


class Kept:
    """The pages one app keeps, the least recently asked for dropped first beyond ``limit`` bytes of text,
    all of them as soon as a page of another data stamp is kept."""

    def __init__(self, limit: int = KEPT_BYTES) -> None:
        self.limit = limit
        self.size = 0
        self._lock = threading.Lock()
        self._pages: OrderedDict[tuple, dict[str, Markup]] = OrderedDict()
        self._stamp: object = None  # the data stamp of the pages kept

    def __len__(self) -> int:
        return len(self._pages)

    def get(self, key: tuple) -> dict[str, Markup] | None:
        with self._lock:
            blocks = self._pages.get(key)
            if blocks is not None:
                self._pages.move_to_end(key)
            return blocks

    def put(self, key: tuple, blocks: dict[str, Markup]) -> None:
        with self._lock:
            if key in self._pages:
                return
            if key[0] != self._stamp:  # the data changed: the pages of the data before are never asked for again
                self._pages.clear()
                self.size, self._stamp = 0, key[0]
            self._pages[key] = blocks
            self.size += _bytes(blocks)
            while self.size > self.limit and len(self._pages) > 1:
                _, dropped = self._pages.popitem(last=False)
                self.size -= _bytes(dropped)


def _bytes(blocks: dict[str, Markup]) -> int:
    """What the page's text takes in memory (one, two or four bytes a character as Python keeps it)."""
    return sum(sys.getsizeof(b) for b in blocks.values())


def kept() -> Kept:
    """This app's kept pages."""
    return current_app.extensions.setdefault("kb_kept_pages", Kept())


ARGS = frozenset({"page"})  # the query arguments a kept page reads; a URL with any other is drawn, not kept


def keeps() -> bool:
    """Whether this request's page may be kept or taken from the kept ones: a GET or HEAD whose query asks for
    nothing but a page (any other argument would make a URL of its own, each drawn and kept, pushing out the rest)."""
    return request.method in ("GET", "HEAD") and set(request.args) <= ARGS


def key() -> tuple:
    """What a kept page is the same for: the data, the language, the reader's role and the URL."""
    user = g.get("user") or {}
    return (stats.stamp(), str(get_locale()), user.get("role") or "", request.path, request.args.get("page", ""))


def draw(template: str, context: dict[str, Any]) -> tuple[str, dict[str, Markup]]:
    """The page drawn as render_template draws it (the app's context processors, the template's imports),
    and the blocks of its own that the frame has (its title, its body …) as they were drawn in it."""
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    app.update_template_context(context)
    compiled = app.jinja_env.get_or_select_template(template)
    framed = app.jinja_env.get_template(FRAME).blocks  # one nested in the body is drawn in it
    ctx = compiled.new_context(context)
    blocks: dict[str, Markup] = {}

    def keep(name: str, block: Callable) -> Callable:
        def drawn(c: Any) -> Iterator[str]:
            text = "".join(block(c))
            blocks[name] = Markup(text)
            yield text
        return drawn

    for name in framed:
        if name in ctx.blocks:  # the template's own, first in its chain of blocks
            ctx.blocks[name][0] = keep(name, ctx.blocks[name][0])
    try:
        html = "".join(compiled.root_render_func(ctx))
    except Exception:  # noqa: BLE001 - Jinja's own traceback, as Template.render gives it
        compiled.environment.handle_exception()
    # (a template whose body another layout between it and the frame draws has no body of its own here: not kept)
    return html, blocks if "body" in blocks else {}


def render(blocks: dict[str, Markup]) -> str:
    return render_template(FRAME, kept=blocks)
