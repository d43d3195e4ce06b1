"""Council-ready exports: PDF (ReportLab, Chinese-capable) and Excel (openpyxl).

A report is plain data — a title, and sections holding paragraphs, key/value
facts and tables — so every capability builds its report the same way and
the same content goes to PDF and to Excel.

Every Excel and CSV export of the platform writes its cells through
:func:`append_row` / :func:`set_cell` (workbooks) and :func:`csv_row` /
:func:`csv_dict` (CSV), so stored text can neither become a live formula in a
spreadsheet (OWASP "CSV injection") nor make an export fail (characters XML
cannot hold are dropped before openpyxl sees them).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date


@dataclass
class Table:
    """A table: ``columns`` are header labels, ``rows`` lists of cell values."""

    columns: Sequence[str]
    rows: Sequence[Sequence[object]]
    title: str = ""

    def __post_init__(self):
        for i, row in enumerate(self.rows, start=1):
            if len(row) != len(self.columns):
                raise ValueError(f"Expected {len(self.columns)} cells in table row {i}; got {len(row)}.")


@dataclass
class Section:
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    facts: list[tuple[str, str]] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    figures: list = field(default_factory=list)
    """Drawings for the PDF: objects with ``flowable(width, font)`` returning a ReportLab
    flowable (e.g. :class:`circularcities.core.mfa.sankey_pdf.SankeyFigure`); the
    workbook shows their data in the tables instead."""


@dataclass
class Report:
    title: str
    subtitle: str = ""
    sections: list[Section] = field(default_factory=list)
    generated: date = field(default_factory=date.today)
    footer: str = "Circular Cities Platform"


# What a spreadsheet may read as the start of a formula (OWASP's list, plus the
# full-width forms that East Asian input methods produce and Excel accepts).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
# Excel refuses a cell longer than this; the workbook would need "repairing".
MAX_CELL_CHARS = 32767
# XML 1.0 cannot hold C0 controls other than tab, LF and CR, lone surrogates
# (which cannot even be encoded as UTF-8) or U+FFFE/U+FFFF; openpyxl raises
# IllegalCharacterError on the first and the writer fails on the others.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean_text(text: str) -> str:
    """``text`` without the characters a workbook (XML) or UTF-8 file cannot hold."""
    return _NOT_XML.sub("", text)


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _plain(value: object) -> object:
    """A value openpyxl writes as itself: numbers, dates and booleans stay; the rest is clean text."""
    if value is None or isinstance(value, (bool, int, float, date)):
        return value
    if hasattr(value, "__float__") and not isinstance(value, str):  # Decimal and numpy numbers
        try:
            return float(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            pass
    return clean_text(str(value))[:MAX_CELL_CHARS]


def set_cell(cell, value: object) -> None:
    """Write ``value`` into an openpyxl ``cell``: text always as a text cell, never a formula.

    openpyxl turns any string starting with ``=`` into a formula and ``#N/A`` and the like
    into error values; a text cell is forced back to the string type. Text that a
    spreadsheet would read as a formula if retyped also gets Excel's quote prefix (the
    cell style Excel sets when a user types a leading apostrophe), so it stays text even
    when edited, while the stored value is the user's text unchanged (a re-import reads
    back exactly what was written).
    """
    value = _plain(value)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
        if value.startswith(FORMULA_TRIGGERS):
            cell.quotePrefix = True


def append_row(ws, values: Iterable[object]) -> None:
    """Append ``values`` as the next row of worksheet ``ws`` through :func:`set_cell`."""
    plain = [_plain(v) for v in values]
    ws.append(plain)
    row = ws._current_row  # the row ws.append just wrote (openpyxl keeps no public name for it)
    for col, value in enumerate(plain, start=1):
        if isinstance(value, str):
            set_cell(ws.cell(row=row, column=col), value)


def template_sheet(ws, columns: Sequence[str], examples: Iterable[Mapping[str, object]] = (), *,
                   lists: Mapping[str, Sequence[str]] | None = None,
                   bounds: Mapping[str, tuple[float | None, float | None]] | None = None,
                   last_row: int = 5000) -> None:
    """Fill ``ws`` as an import template: the header row, ``examples`` (column -> value),
    a drop-down list on every column of ``lists`` and a number check on every column of
    ``bounds`` (``(low, high)``, ``None`` for open), down to ``last_row``; readable column
    widths and a frozen header. The one way the platform writes template sheets.

    A list longer than Excel takes inline (255 characters) is written to a sheet named
    ``lists`` and the drop-down refers to it, so it stays complete.
    """
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    columns = list(columns)
    append_row(ws, columns)
    for e in examples:
        append_row(ws, [e.get(c, "") for c in columns])
    wb = ws.parent
    for i, col in enumerate(columns, start=1):
        letter = get_column_letter(i)
        ws.column_dimensions[letter].width = max(12, len(col) + 4)
        cells = f"{letter}2:{letter}{last_row}"
        allowed = [str(v) for v in (lists or {}).get(col, ())]
        if allowed:
            inline = '"' + ",".join(allowed) + '"'
            if len(inline) > 255 or any("," in v for v in allowed):
                sheet = wb["lists"] if "lists" in wb.sheetnames else wb.create_sheet("lists")
                at = sheet.max_column + 1 if sheet.max_row > 1 or sheet["A1"].value is not None else 1
                at_letter = get_column_letter(at)
                set_cell(sheet.cell(row=1, column=at), col)
                for r, v in enumerate(allowed, start=2):
                    set_cell(sheet.cell(row=r, column=at), v)
                sheet.column_dimensions[at_letter].width = max(14, max(len(v) for v in allowed) + 2)
                inline = f"lists!${at_letter}$2:${at_letter}${len(allowed) + 1}"
            dv = DataValidation(type="list", formula1=inline, allow_blank=True, showErrorMessage=True,
                                error="Pick a value from the list.")
            ws.add_data_validation(dv)
            dv.add(cells)
        elif bounds and col in bounds:
            low, high = bounds[col]
            if low is not None and high is not None:
                dv = DataValidation(type="decimal", operator="between", formula1=str(low), formula2=str(high),
                                    allow_blank=True, showErrorMessage=True, error=f"A number from {low} to {high}.")
            elif low is not None:
                dv = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1=str(low),
                                    allow_blank=True, showErrorMessage=True, error=f"A number of {low} or more.")
            elif high is not None:
                dv = DataValidation(type="decimal", operator="lessThanOrEqual", formula1=str(high),
                                    allow_blank=True, showErrorMessage=True, error=f"A number of {high} or less.")
            else:
                dv = DataValidation(type="decimal", operator="between", formula1="-1E+300", formula2="1E+300",
                                    allow_blank=True, showErrorMessage=True, error="A number.")
            ws.add_data_validation(dv)
            dv.add(cells)
    ws.freeze_panes = "A2"


def csv_value(value: object) -> object:
    """A CSV cell: numbers stay numbers; text is cleaned and, if a spreadsheet would run
    it as a formula, prefixed with a single quote as OWASP advises."""
    if value is None or _is_number(value):
        return value
    text = _plain(value)
    if not isinstance(text, str):
        return text
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def csv_row(values: Iterable[object]) -> list[object]:
    """``values`` made safe for ``csv.writer.writerow``."""
    return [csv_value(v) for v in values]


def csv_dict(row: Mapping[str, object]) -> dict[str, object]:
    """``row`` made safe for ``csv.DictWriter.writerow``."""
    return {k: csv_value(v) for k, v in row.items()}


def _cell(value: object) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.2f}" if abs(value) < 1000 else f"{value:,.0f}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return clean_text(str(value))


def _all_text(report: Report) -> str:
    parts = [report.title, report.subtitle, report.footer]
    for s in report.sections:
        parts += [s.heading, *s.paragraphs, *(f"{k} {v}" for k, v in s.facts)]
        for t in s.tables:
            parts += [t.title, *map(str, t.columns), *(str(v) for row in t.rows for v in row)]
    return " ".join(p for p in parts if p)


def to_pdf(report: Report, language: str | None = None) -> bytes:
    """Render ``report`` as an A4 PDF. Chinese, Japanese and Korean text use a CJK font
    with glyphs for ``language`` (None: from the report's script; see pdf_fonts)."""
    from xml.sax.saxutils import escape as xml_escape

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, TableStyle
    from reportlab.platypus import Table as RLTable

    from circularcities.core.pdf_fonts import register_fonts, script_language

    def escape(text: str) -> str:  # stored text may hold characters ReportLab cannot draw
        return xml_escape(clean_text(text))

    text_language = script_language(_all_text(report))
    font, bold = register_fonts(language if language and not language.startswith("en") else text_language)
    base = getSampleStyleSheet()
    styles = {
        "title": ParagraphStyle("t", parent=base["Title"], fontName=bold, fontSize=18, leading=24),
        "sub": ParagraphStyle("s", parent=base["Normal"], fontName=font, fontSize=10, textColor=colors.grey),
        "h": ParagraphStyle("h", parent=base["Heading2"], fontName=bold, fontSize=13, leading=18,
                            spaceBefore=10, textColor=colors.HexColor("#123d31")),
        "p": ParagraphStyle("p", parent=base["Normal"], fontName=font, fontSize=9.5, leading=14,
                            wordWrap="CJK"),
        "cell": ParagraphStyle("c", parent=base["Normal"], fontName=font, fontSize=8, leading=10,
                               wordWrap="CJK"),
    }
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=16 * mm, rightMargin=16 * mm,
                            topMargin=16 * mm, bottomMargin=16 * mm, title=report.title)
    story = [Paragraph(escape(report.title), styles["title"])]
    if report.subtitle:
        story.append(Paragraph(escape(report.subtitle), styles["sub"]))
    story.append(Paragraph(escape(f"{report.footer} · {report.generated.isoformat()}"), styles["sub"]))
    width = A4[0] - 32 * mm
    for section in report.sections:
        story.append(Paragraph(escape(section.heading), styles["h"]))
        for text in section.paragraphs:
            story.append(Paragraph(escape(text), styles["p"]))
        for figure in section.figures:
            if getattr(figure, "title", ""):
                story.append(Paragraph(escape(figure.title), styles["p"]))
            story += [Spacer(1, 4), figure.flowable(width, font), Spacer(1, 6)]
        if section.facts:
            data = [[Paragraph(escape(k), styles["cell"]), Paragraph(escape(v), styles["cell"])]
                    for k, v in section.facts]
            t = RLTable(data, colWidths=[width * 0.4, width * 0.6])
            t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.25, colors.lightgrey),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            story += [Spacer(1, 4), t]
        for table in section.tables:
            if table.title:
                story.append(Paragraph(escape(table.title), styles["p"]))
            data = [[Paragraph(escape(str(c)), styles["cell"]) for c in table.columns]]
            data += [[Paragraph(escape(_cell(v)), styles["cell"]) for v in row] for row in table.rows]
            t = RLTable(data, repeatRows=1, colWidths=[width / max(1, len(table.columns))] * len(table.columns))
            t.setStyle(TableStyle([
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eef3f1")),
                ("GRID", (0, 0), (-1, -1), 0.25, colors.lightgrey),
                ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            story += [Spacer(1, 4), t, Spacer(1, 6)]
    doc.build(story)
    return buf.getvalue()


def to_xlsx(report: Report) -> bytes:
    """Render ``report`` as a workbook: a summary sheet plus one sheet per table."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "Summary"
    append_row(ws, [report.title])
    ws["A1"].font = Font(bold=True, size=14)
    if report.subtitle:
        append_row(ws, [report.subtitle])
    append_row(ws, [f"{report.footer} · {report.generated.isoformat()}"])
    used: set[str] = {"summary"}
    for section in report.sections:
        append_row(ws, [])
        append_row(ws, [section.heading])
        ws.cell(ws.max_row, 1).font = Font(bold=True)
        for text in section.paragraphs:
            append_row(ws, [text])
        for k, v in section.facts:
            append_row(ws, [k, v])
        for table in section.tables:
            name = _sheet_name(table.title or section.heading, used)
            sheet = wb.create_sheet(name)
            append_row(sheet, table.columns)
            for cell in sheet[1]:
                cell.font = Font(bold=True)
                cell.fill = PatternFill("solid", fgColor="EEF3F1")
            for row in table.rows:
                append_row(sheet, row)
            for i, col in enumerate(table.columns, start=1):
                sheet.column_dimensions[get_column_letter(i)].width = max(10, min(50, len(str(col)) + 4))
            append_row(ws, [f"→ sheet '{name}'"])
    ws.column_dimensions["A"].width = 60
    ws.column_dimensions["B"].width = 40
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _sheet_name(title: str, used: set[str]) -> str:
    bad = '[]:*?/\\'
    # Excel also refuses a name that starts or ends with an apostrophe, and compares names
    # without regard to case.
    base = "".join("_" if ch in bad else ch for ch in clean_text(title))[:28].strip("'") or "Table"
    name, n = base, 2
    while name.casefold() in used:
        name = f"{base[:26]}-{n}"
        n += 1
    used.add(name.casefold())
    return name
