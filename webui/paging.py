"""Pages of long lists: `?page=N`, its offset, and the pager a template draws."""
from __future__ import annotations

import base64
import json
from typing import Any

from flask import request


def int_arg(name: str, default: int, lo: int = 1, hi: int = 10**6) -> int:
    try:
        value = int(request.args.get(name, default))
    except (TypeError, ValueError):
        value = default
    return max(lo, min(hi, value))


def requested_skip(page_size: int) -> int:
    """The offset of the page asked for, before the total is known (one query gives page and total)."""
    return (int_arg("page", 1, 1, 10**5) - 1) * page_size


FACET_LISTED = 200  # a filter with more values (a province's 8,000 departments) is typed, not chosen from a list


def pager(total: int, page_size: int) -> dict[str, int]:
    """The page asked for (`?page=`) among `total` rows: a page past the end is shown empty, as the
    query that fetched it (with requested_skip) found it."""
    pages = max(1, -(-total // page_size))
    current = int_arg("page", 1, 1, 10**5)
    return {"page": current, "pages": pages, "page_size": page_size, "total": total,
            "skip": (current - 1) * page_size}


def encode_key(values: list[Any]) -> str:
    """A keyset cursor (`?after=`): the sort values of a page's last row."""
    return base64.urlsafe_b64encode(json.dumps(values, ensure_ascii=False).encode()).decode().rstrip("=")


def decode_key(cursor: str | None, length: int) -> list[Any] | None:
    """The sort values of a cursor, or None (first page) for one that is missing or malformed."""
    if not cursor or len(cursor) > 2000:
        return None
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, TypeError):
        return None
    if not isinstance(values, list) or len(values) != length or \
            not all(isinstance(v, str | int | float) and not isinstance(v, bool) for v in values):
        return None
    return values
