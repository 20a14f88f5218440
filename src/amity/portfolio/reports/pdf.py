"""A report as a PDF (reportlab platypus: pure Python, renders offline)."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from django.utils.translation import gettext
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from amity.portfolio.reports.fonts import body_font, has_hangul
from amity.portfolio.reports.model import Report

HEADER_BG = colors.HexColor("#143a5e")
GRID = colors.HexColor("#d8dee6")


def _styles(font: str) -> dict[str, ParagraphStyle]:
    base = getSampleStyleSheet()
    return {
        "title": ParagraphStyle("title", parent=base["Title"], fontName=font, fontSize=18, leading=22),
        "h2": ParagraphStyle("h2", parent=base["Heading2"], fontName=font, fontSize=12, leading=15,
                             textColor=HEADER_BG, spaceBefore=8),
        "body": ParagraphStyle("body", parent=base["BodyText"], fontName=font, fontSize=8.5, leading=10.5),
        "head": ParagraphStyle("head", parent=base["BodyText"], fontName=font, fontSize=8, leading=10,
                               textColor=colors.white),
        "note": ParagraphStyle("note", parent=base["BodyText"], fontName=font, fontSize=8, leading=10,
                               textColor=colors.HexColor("#5b6775")),
    }


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    # Paragraph reads a little markup: every piece of article or user text is escaped.
    return Paragraph(escape(text), style)


def report_pdf(report: Report) -> bytes:
    font, font_note = body_font()
    styles = _styles(font)
    buffer = io.BytesIO()
    page = landscape(A4)
    doc = SimpleDocTemplate(buffer, pagesize=page, leftMargin=14 * mm, rightMargin=14 * mm,
                            topMargin=14 * mm, bottomMargin=14 * mm, title=report.title, author="Amity")
    story = [_p(report.title, styles["title"])]
    if report.subtitle:
        story.append(_p(report.subtitle, styles["note"]))
    story.append(_p(gettext("Generated %(time)s by Amity") % {"time": report.generated.isoformat()}, styles["note"]))
    notes = list(report.notes)
    texts = [report.title, report.subtitle, *(c for t in report.tables for r in t.text_rows() for c in r)]
    if font_note and any(has_hangul(text) for text in texts):
        notes.append(font_note)
    for note in notes:
        story.append(_p(note, styles["note"]))
    width = page[0] - 28 * mm
    for table in report.tables:
        story.append(_p(table.heading, styles["h2"]))
        rows = table.text_rows()
        if not rows:
            story.append(_p(table.empty, styles["note"]))
        else:
            data = [[_p(col, styles["head"]) for col in table.columns],
                    *[[_p(cell, styles["body"]) for cell in row] for row in rows]]
            flow = Table(data, colWidths=[width / len(table.columns)] * len(table.columns), repeatRows=1)
            flow.setStyle(TableStyle([
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
                ("GRID", (0, 0), (-1, -1), 0.4, GRID),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f5f7fa")]),
            ]))
            story.append(flow)
        if table.note:
            story.append(_p(table.note, styles["note"]))
        story.append(Spacer(1, 4 * mm))
    doc.build(story)
    return buffer.getvalue()
