"""Reports officials hand in: a city's yearly exchange report, an alliance's progress report.

Builders return a Report (plain tables); renderers turn it into HTML, PDF or XLSX,
so the three formats always carry the same figures.
"""

from amity.portfolio.reports.model import Report, Table

__all__ = ["Report", "Table"]
