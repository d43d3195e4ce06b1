"""Council-ready exports: PDF (ReportLab, Chinese-capable) and Excel (openpyxl).

A report is plain data — a title, and sections holding paragraphs, key/value
facts and tables — so every capability builds its report the same way and
the same content goes to PDF and to Excel.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
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


@dataclass
class Report:
    title: str
    subtitle: str = ""
    sections: list[Section] = field(default_factory=list)
    generated: date = field(default_factory=date.today)
    footer: str = "Circular Cities Platform"


def _cell(value: object) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.2f}" if abs(value) < 1000 else f"{value:,.0f}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


def to_pdf(report: Report) -> bytes:
    """Render ``report`` as an A4 PDF; Chinese text uses a CJK font (see pdf_fonts)."""
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, TableStyle
    from reportlab.platypus import Table as RLTable

    from circularcities.core.pdf_fonts import register_fonts

    font, bold = register_fonts()
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
    ws.append([report.title])
    ws["A1"].font = Font(bold=True, size=14)
    if report.subtitle:
        ws.append([report.subtitle])
    ws.append([f"{report.footer} · {report.generated.isoformat()}"])
    used: set[str] = {"Summary"}
    for section in report.sections:
        ws.append([])
        ws.append([section.heading])
        ws.cell(ws.max_row, 1).font = Font(bold=True)
        for text in section.paragraphs:
            ws.append([text])
        for k, v in section.facts:
            ws.append([k, v])
        for table in section.tables:
            name = _sheet_name(table.title or section.heading, used)
            sheet = wb.create_sheet(name)
            sheet.append(list(table.columns))
            for cell in sheet[1]:
                cell.font = Font(bold=True)
                cell.fill = PatternFill("solid", fgColor="EEF3F1")
            for row in table.rows:
                sheet.append([_excel_value(v) for v in row])
            for i, col in enumerate(table.columns, start=1):
                sheet.column_dimensions[get_column_letter(i)].width = max(10, min(50, len(str(col)) + 4))
            ws.append([f"→ sheet '{name}'"])
    ws.column_dimensions["A"].width = 60
    ws.column_dimensions["B"].width = 40
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _excel_value(v: object) -> object:
    if v is None or isinstance(v, (int, float, str, date)):
        return v
    return str(v)


def _sheet_name(title: str, used: set[str]) -> str:
    bad = '[]:*?/\\'
    base = "".join("_" if ch in bad else ch for ch in title)[:28] or "Table"
    name, n = base, 2
    while name in used:
        name = f"{base[:26]}-{n}"
        n += 1
    used.add(name)
    return name
