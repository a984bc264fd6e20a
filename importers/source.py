"""One input file, read from disk once and shared by every step that looks at it.

Routing a file (is it a list, a law, a guide?) and then parsing it used to open the file again in
each step and to decode and json-parse the same text several times. `run.parse_file` now builds one
`Source` and hands it from the sniffers to the parser; the public readers still take a path too
(`as_source`), so a caller with a path needs no change.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
from collections.abc import Callable, Iterator
from functools import cached_property
from pathlib import Path
from typing import Any

HEAD_BYTES = 8192  # what the sniffers look at to tell a container by its first bytes
MB = 1024 * 1024
TOO_DEEP = "数组或对象嵌套太深，无法读取（约 1,000 层或更多）"


def env_limit(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value.isdecimal() and int(value) > 0 else default


def max_file_bytes() -> int:
    """The largest file an import reads (KB_IMPORT_MAX_BYTES, default 200 MB): a larger one is refused
    by its size on disk before a byte of it is read."""
    return env_limit("KB_IMPORT_MAX_BYTES", 200 * MB)


def check_size(path: str | Path) -> None:
    """FileRefused naming the file, its size and the limit when the file is over `max_file_bytes`."""
    from importers.records import FileRefused, RowError

    size, limit = os.stat(path).st_size, max_file_bytes()
    if size > limit:
        name = Path(path).name
        raise FileRefused(str(path), [RowError(
            f"文件过大：{name} 有 {size / MB:,.1f} MB，超过导入上限 {limit / MB:,.0f} MB"
            "（KB_IMPORT_MAX_BYTES）；未读取其中任何内容")])


def decode_text(data: bytes, *, strict: bool = True) -> str | None:
    """UTF-16 when it has a BOM; else UTF-8 (with or without BOM), then GB18030 (a superset of GBK)."""
    return _decode(data, strict=strict)[0]


def _decode(data: bytes, *, strict: bool) -> tuple[str | None, str | None]:
    """(text, encoding that read it); (None, None) when no encoding reads it."""
    encodings = ("utf-16",) if data.startswith((b"\xff\xfe", b"\xfe\xff")) else ("utf-8-sig", "gb18030")
    for enc in encodings:
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError as exc:
            # A sample cut in the middle of a multi-byte character is still text. (Not by position:
            # utf-8-sig counts after its BOM, so exc.start is three short of where the cut is.)
            if not strict and exc.reason in ("unexpected end of data", "incomplete multibyte sequence"):
                return data[: exc.start].decode(enc, errors="ignore"), enc
    return None, None


class Source:
    """A file's bytes, read on first use and kept, with what is derived from them computed once:
    the sha256, the decoded text, the parsed JSON (or the error parsing it gave) and what a reader `kept`."""

    def __init__(self, path: str | Path):
        self.path = str(path)  # as the caller gave it: messages and documents name the file this way
        self._json: tuple[Any, tuple[str, int] | None] | None = None
        self._kept: dict[str, Any] = {}
        self._lines: list[tuple[int, Any]] = []
        self._line_iter: Iterator[tuple[int, str]] | None = None

    def __repr__(self) -> str:
        return f"Source({self.path!r})"

    @property
    def name(self) -> str:
        return Path(self.path).name

    @property
    def stem(self) -> str:
        return Path(self.path).stem

    @property
    def suffix(self) -> str:
        return Path(self.path).suffix

    def is_file(self) -> bool:
        return Path(self.path).is_file()

    @cached_property
    def data(self) -> bytes:
        """The whole file: the one read from disk (refused by its size first, see `check_size`)."""
        check_size(self.path)
        return Path(self.path).read_bytes()

    @property
    def head(self) -> bytes:
        return self.data[:HEAD_BYTES]

    @cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @cached_property
    def _decoded(self) -> tuple[str | None, str | None]:
        return _decode(self.data, strict=True)

    @property
    def text(self) -> str | None:
        """The file as text by decode_text's rules; None when it is not text in any of them."""
        return self._decoded[0]

    @property
    def encoding(self) -> str | None:
        """The encoding that gave `text` (utf-16, utf-8-sig or gb18030)."""
        return self._decoded[1]

    def utf8_text(self) -> str:
        """The text when the file is UTF-8 (BOM or not); raises the UnicodeDecodeError that decoding
        it as UTF-8 gives otherwise, for readers that accept nothing else (laws, guides)."""
        if self.encoding == "utf-8-sig":
            return self.text  # type: ignore[return-value]
        return self.data.decode("utf-8-sig")  # raises: decode_text tried UTF-8 first and failed

    def kept(self, key: str, make: Callable[[], Any]) -> Any:
        """What a reader parses from the file (a Word document's body, a page's tables), made once: the sniffers ask
        whether it is a law, then a list, and the parser reads it again. An error is raised, not kept."""
        if key not in self._kept:
            self._kept[key] = make()
        return self._kept[key]

    def json(self) -> Any:
        """`text` parsed as one JSON value, parsed once: a JSONDecodeError is kept and raised again
        (a fresh one with the same message and position) to every later caller without re-parsing."""
        if self._json is None:
            try:
                self._json = (json.loads(self._json_text()), None)
            except json.JSONDecodeError as exc:
                self._json = (None, (exc.msg, exc.pos))
            except RecursionError:  # [[[[… thousands deep: the decoder's own limit, said as such
                self._json = (None, (TOO_DEEP, 0))
        value, error = self._json
        if error is not None:
            raise json.JSONDecodeError(error[0], self._json_text(), error[1])
        return value

    def _json_text(self) -> str:
        if self.text is None:
            raise ValueError(f"{self.name} 不是文本文件")
        return self.text

    def json_lines(self) -> Iterator[tuple[int, Any]]:
        """(1-based line number, value) of each non-blank line of `text` as JSON Lines, each line
        parsed once however many callers read them. The first line that is not JSON comes as
        (its number, the JSONDecodeError) and ends the lines."""
        i = 0
        while True:
            if i == len(self._lines) and not self._parse_next_line():
                return
            lineno, value = self._lines[i]
            yield lineno, value
            if isinstance(value, json.JSONDecodeError):
                return
            i += 1

    def _parse_next_line(self) -> bool:
        """Parse the next non-blank line into the cache; False when there is none (or one failed)."""
        if self._lines and isinstance(self._lines[-1][1], json.JSONDecodeError):
            return False
        if self._line_iter is None:
            self._line_iter = enumerate(self._json_text().splitlines(), start=1)
        for lineno, line in self._line_iter:
            if not line.strip():
                continue
            try:
                self._lines.append((lineno, json.loads(line)))
            except json.JSONDecodeError as exc:
                self._lines.append((lineno, exc.with_traceback(None)))
            except RecursionError:
                self._lines.append((lineno, json.JSONDecodeError(TOO_DEEP, line, 0)))
            return True
        return False

    def stream(self) -> io.BytesIO:
        """A fresh binary stream over the bytes, for zipfile and calamine (xlrd takes `data`)."""
        return io.BytesIO(self.data)

    def text_stream(self, encoding: str) -> io.TextIOWrapper:
        """The bytes through a text decoder, as open(path, encoding=…) would give them."""
        return io.TextIOWrapper(self.stream(), encoding=encoding)


def as_source(x: str | Path | Source) -> Source:
    """The Source a reader works on: the caller's own when given one (so its bytes are shared),
    else a new one for the path."""
    return x if isinstance(x, Source) else Source(x)
