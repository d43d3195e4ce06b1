"""The file-level pieces of the table reader: what a file is, CSV text and
delimiters, scanning a workbook's XML, cell text and messages.

Used by :mod:`circularcities.core.tables` (the reader itself); pure Python.
"""

from __future__ import annotations

import csv
import os
import re
import zipfile
from typing import IO, Any
from xml.etree import ElementTree

from circularcities.core.errors import DataImportError, Problem
from circularcities.core.i18n import Message

MB = 1024 * 1024


CSV_FIELD_LIMIT = 131_072
_DELIMITERS = (",", ";", "\t", "|")
_SPLIT_HINT = Message("split it into several files or ask the platform's administrator to raise the limit")


def _fmt(n: int) -> str:
    return f"{n:,}"


def _size(n: int) -> str:
    return f"{n / MB:.3g} MB" if n >= MB else f"{n / 1024:.3g} KB"


def column_letter(index: int) -> str:
    """``0 -> 'A'``, ``26 -> 'AA'`` (the spreadsheet's own column names)."""
    letters = ""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _fail(message: Message, sheet: str | None = None, row: int | None = None) -> DataImportError:
    return DataImportError([Problem(message, sheet, row)])


def _where(sheet: str | None) -> Message:
    return Message("The sheet") if sheet else Message("The file")


# -- what the file is ---------------------------------------------------------------------
def _not_workbook(what: Message) -> Message:
    return Message("This file is not an Excel workbook (.xlsx): %(what)s. Open it in its program and save it "
                   "as an Excel workbook (.xlsx) or as CSV (UTF-8), then upload that file.", what=what)


def _not_csv(what: Message) -> Message:
    return Message("This file is not a CSV text file: %(what)s. Save the table as CSV (UTF-8) or as an Excel "
                   "workbook (.xlsx), then upload that file.", what=what)


def sniff_kind(data: bytes, filename: str = "") -> str:
    """``"xlsx"`` or ``"csv"`` from the file's first bytes, or raise with one sentence."""
    head = data[:8]
    name = filename.lower()
    if head.startswith(b"%PDF"):
        raise _fail(_not_workbook(Message("it is a PDF document")))
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise _fail(Message("This is an old Excel 97-2003 (.xls) file or a password-protected workbook, which "
                            "cannot be read. Open it in Excel, remove any password and save it as an Excel "
                            "workbook (.xlsx), then upload that file."))
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "xlsx"
    if name.endswith((".xlsx", ".xlsm", ".xls")):
        raise _fail(_not_workbook(Message("its name ends in .xlsx but its content is not a workbook")))
    return "csv"


# -- CSV ----------------------------------------------------------------------------------
def decode_text(data: bytes) -> str:
    """The text of a CSV file: UTF-8 (BOM or not), UTF-16 with BOM, or GB18030."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings: tuple[str, ...] = ("utf-16",)
    else:
        encodings = ("utf-8-sig", "gb18030")
    for encoding in encodings:
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise _fail(_not_csv(Message("its text is neither UTF-8, UTF-16 nor GB18030 (Chinese Windows)")))
    sample = text[:65536]
    if encodings == ("utf-16",) and sample and not any(ord(ch) < 128 for ch in sample):
        # A real table has digits, delimiters or line ends; junk after a BOM has none.
        raise _fail(_not_csv(Message("its text is neither UTF-8, UTF-16 nor GB18030 (Chinese Windows)")))
    control = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\r\n") or ch == "\x7f")
    if "\x00" in sample or control > max(2, len(sample) // 200):
        raise _fail(_not_csv(Message("it holds binary data")))
    return text


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first non-blank line into the most cells (``,`` on a tie)."""
    line = next((ln for ln in text[:65536].splitlines() if ln.strip()), "")
    best, best_count = ",", 0
    for d in _DELIMITERS:
        count = len(next(csv.reader([line], delimiter=d), [])) - 1 if line else 0
        if count > best_count:
            best, best_count = d, count
    return best


def _trim(cells: list | tuple) -> tuple:
    end = len(cells)
    while end and (cells[end - 1] is None or (isinstance(cells[end - 1], str) and not cells[end - 1].strip())):
        end -= 1
    return tuple(cells[:end])


# -- XLSX ---------------------------------------------------------------------------------
_TOKEN = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(row|c|si)(?=[\s/>])")
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _scan(stream, on_token) -> None:
    """Call ``on_token(b"row" | b"c" | b"si")`` for each such start tag in an XML stream."""
    tail = b""
    while True:
        chunk = stream.read(1 << 20)
        buf = tail + chunk
        keep = 0 if not chunk else 64  # a tag cut by the chunk boundary is seen next round
        limit = len(buf) - keep
        last = 0
        for m in _TOKEN.finditer(buf):
            if m.start() >= limit:
                break
            on_token(m.group(1))
            last = m.end()
        tail = buf[max(limit, last):]
        if not chunk:
            return


def _xml(zf: zipfile.ZipFile, name: str, max_size: int = 20 * MB):
    info = zf.getinfo(name)
    if info.file_size > max_size:
        raise ValueError(f"{name} is too large")
    return ElementTree.fromstring(zf.read(name))


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def source_bytes(source: str | os.PathLike | IO) -> bytes:
    """The bytes of a path or a (text or binary) stream; text is encoded as UTF-8."""
    if isinstance(source, str | os.PathLike):
        with open(source, "rb") as fh:
            return fh.read()
    raw = source.read()
    return raw.encode("utf-8") if isinstance(raw, str) else raw


def text(value: Any) -> str:
    """A cell as the user reads it: ``''`` for empty, ``3`` for 3.0, dates as ``YYYY-MM-DD``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    return str(value).strip()


def header_name(value: Any) -> str:
    """How a header cell is compared: trimmed, lower case, spaces read as ``_``."""
    return "_".join(text(value).replace("\ufeff", "").lower().split())
