"""One entry point for every format: report -> (bytes, content type, file extension)."""

from __future__ import annotations

from django.template.loader import render_to_string

from amity.portfolio.reports.model import Report

FORMATS = ("html", "pdf", "xlsx")
CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def render(report: Report, fmt: str) -> bytes:
    if fmt == "pdf":
        from amity.portfolio.reports.pdf import report_pdf

        return report_pdf(report)
    if fmt == "xlsx":
        from amity.portfolio.reports.xlsx import report_xlsx

        return report_xlsx(report)
    if fmt == "html":
        # A standalone page (for files and e-mail); the web page wraps the same tables in the site layout.
        return render_to_string("portfolio/report_standalone.html", {"report": report}).encode("utf-8")
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
