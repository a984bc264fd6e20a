"""Times as the office reads them: in its time zone (KB_TIMEZONE, Asia/Shanghai by default), to the second."""
from __future__ import annotations

import os
import re
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

DEFAULT_ZONE = "Asia/Shanghai"


def office_zone() -> str:
    return os.environ.get("KB_TIMEZONE") or DEFAULT_ZONE


def shown_time(value: Any, zone: str | None = None) -> str:
    """A stored time (a Neo4j DateTime, a datetime, an ISO text) as the office reads it: in its time zone, to the
    second, without its offset (2026-12-08 07:55:53); a day or a text that is no time as it is."""
    if value is None or value == "":
        return ""
    native = value.to_native() if hasattr(value, "to_native") else value
    if isinstance(native, str):
        if "T" not in native and ":" not in native:
            return native  # (a day: 2026-12-07)
        try:
            native = datetime.fromisoformat(re.sub(r"(\.\d{6})\d+", r"\1", native))  # (Neo4j's nanoseconds)
        except ValueError:
            return native
    if not isinstance(native, datetime):
        return str(native)
    if native.tzinfo is None:
        return native.isoformat(sep=" ", timespec="seconds")
    return native.astimezone(ZoneInfo(zone or office_zone())).isoformat(sep=" ", timespec="seconds")[:19]
