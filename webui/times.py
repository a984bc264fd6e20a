"""Times as the office reads them: in its time zone (KB_TIMEZONE, Asia/Shanghai by default)."""
from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from flask import current_app

from kb.times import office_zone
from kb.times import shown_time as kb_shown_time


def zone_name() -> str:
    return current_app.config.get("KB_TIMEZONE") or office_zone()


def today() -> str:
    """The day in the office's time zone: a revision is in force from it."""
    return datetime.now(ZoneInfo(zone_name())).date().isoformat()


def local_time(value: Any) -> str | None:
    """A stored datetime in the office's time zone, ISO with its offset."""
    if value is None:
        return None
    native = value.to_native() if hasattr(value, "to_native") else value
    if not isinstance(native, datetime):
        return str(native)
    return native.astimezone(ZoneInfo(zone_name())).isoformat(timespec="seconds")


def shown_time(value: Any) -> str:
    """A stored time as a page shows it (kb.times.shown_time, in the app's zone)."""
    return kb_shown_time(value, zone_name())
