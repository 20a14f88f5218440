"""`amity report …` and `amity sheet …`: reports to files, spreadsheet imports with a preview.

Kept free of Django imports at module level: the parser is built before Django starts.
"""

from __future__ import annotations

import sys
from pathlib import Path

COMMANDS = ("report", "sheet")


def add_parser(sub) -> None:
    report = sub.add_parser("report", help="a city's yearly exchange report or an alliance's progress report")
    report.add_argument("kind", choices=["city", "alliance", "agreement"])
    report.add_argument("target", help="city or alliance name (or database id); agreement id")
    report.add_argument("--year", type=int, help="the year (city: default this year; alliance: all years)")
    report.add_argument("--format", choices=["html", "pdf", "xlsx"], default="html")
    report.add_argument("-o", "--output", help="file to write (default: standard output for html)")

    sheet = sub.add_parser("sheet", help="import or export a project list or partner list (CSV/XLSX)")
    sheet.add_argument("action", choices=["import", "export"])
    sheet.add_argument("kind", choices=["projects", "partners"])
    sheet.add_argument("file", help="the CSV/XLSX file to read (import) or write (export)")
    target = sheet.add_mutually_exclusive_group(required=True)
    target.add_argument("--alliance", help="projects of this alliance (name or id)")
    target.add_argument("--agreement", type=int, help="projects of this agreement (id)")
    target.add_argument("--city", help="partners of this city (name, 'Name (CC)' or id)")
    sheet.add_argument("--year", type=int, help="projects: keep the imported list as the list of this year")
    sheet.add_argument("--stated", type=int, help="projects: the count an article stated for that year")
    sheet.add_argument("--source", default="", help="projects: where the stated count comes from")
    sheet.add_argument("--yes", action="store_true", help="write after a clean preview (default: preview only)")
    sheet.add_argument("--actor", default="bot:sheet-import", help="who the change log names")


def _fail(message: str) -> int:
    print(f"amity: {message}", file=sys.stderr)
    return 1


def _find(model, text: str):
    from amity.portfolio.imports.common import RowFailed, find_place

    if text.isdigit():
        return model.objects.filter(pk=int(text)).first()
    if model.__name__ == "Place":
        try:
            return find_place(text, "city")
        except RowFailed:
            return None
    return model.objects.filter(name__iexact=text).first() or next(
        (row for row in model.objects.all() if text.lower() in (n.lower() for n in row.all_names)), None)


def run(args) -> int:
    return report(args) if args.command == "report" else sheet(args)


def report(args) -> int:
    import datetime as dt

    from amity.portfolio.reports.alliance import progress_report
    from amity.portfolio.reports.city import city_report
    from amity.portfolio.reports.render import render
    from amity.registry import models as m

    if args.kind == "city":
        place = _find(m.Place, args.target)
        if place is None:
            return _fail(f"no city called {args.target!r}")
        result = city_report(place, args.year or dt.date.today().year)
    else:
        model = m.Alliance if args.kind == "alliance" else m.Agreement
        owner = _find(model, args.target) if args.kind == "alliance" else (
            model.objects.filter(pk=int(args.target)).first() if args.target.isdigit() else None)
        if owner is None:
            return _fail(f"no {args.kind} {args.target!r}")
        result = progress_report(owner, args.year)
    body = render(result, args.format)
    if args.output:
        Path(args.output).write_bytes(body)
        print(f"Wrote {args.output}", file=sys.stderr)
    elif args.format == "html":
        sys.stdout.write(body.decode("utf-8"))
    else:
        return _fail(f"{args.format.upper()} is binary: give a file with -o")
    return 0


def _sheet_target(args):
    from amity.registry import models as m

    if args.kind == "partners":
        return _find(m.Place, args.city) if args.city else None
    if args.alliance:
        return _find(m.Alliance, args.alliance)
    if args.agreement:
        return m.Agreement.objects.filter(pk=args.agreement).first()
    return None


def sheet(args) -> int:
    from amity.portfolio.imports import files
    from amity.portfolio.imports.partners import apply_partners
    from amity.portfolio.imports.projects import apply_projects

    target = _sheet_target(args)
    if target is None:
        return _fail("say whose list it is: --alliance or --agreement for projects, --city for partners")
    path = Path(args.file)
    if args.action == "export":
        path.write_bytes(files.export(args.kind, target, "csv" if path.suffix.lower() == ".csv" else "xlsx"))
        print(f"Wrote {path}", file=sys.stderr)
        return 0
    try:
        data = path.read_bytes()
    except OSError as error:
        return _fail(f"{path}: {error.strerror}")
    preview = files.plan_file(args.kind, path.name, data, target)
    for row in preview.rows:
        print(f"row {row.row}: {row.action} {row.label}" + (f" ({'; '.join(row.details)})" if row.details else ""))
    for error in preview.errors:
        print(f"error: {error}", file=sys.stderr)
    if not preview.ok:
        return _fail(f"{len(preview.errors)} problem(s); nothing was written")
    if not args.yes:
        print("Preview only: nothing was written. Run again with --yes to import.")
        return 0
    if args.kind == "projects":
        counts = apply_projects(preview, target, actor=args.actor, year=args.year, stated_count=args.stated,
                                source=args.source)
    else:
        counts = apply_partners(preview, target, actor=args.actor)
    print("Imported: " + ", ".join(f"{n} {what}" for what, n in counts.items()))
    return 0
