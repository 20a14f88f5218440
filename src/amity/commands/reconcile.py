"""`amity reconcile FILE`, `amity coverage [PLACE|COUNTRY]`, `amity network`.

Kept free of Django imports at module level: the parser is built before Django starts.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from amity.commands.setup import fail

COMMANDS = ("reconcile", "coverage", "network")


def add_parser(sub) -> None:
    reconcile = sub.add_parser("reconcile", help="compare a partner list (GAOK-style, Wikidata, CSV) with the registry")
    reconcile.add_argument("file", help="the list: XLSX or CSV (GAOK-style or plain), or a Wikidata CSV/JSON download")
    reconcile.add_argument("--format", choices=["gaok", "wikidata", "csv"],
                           help="the list's kind (default: recognised by its columns)")
    reconcile.add_argument("-o", "--output", metavar="REPORT", help="write the rows with reasons (.csv or .xlsx)")
    reconcile.add_argument("--keep", action="store_true",
                           help="keep the list as a source document, so coverage statements compare with it")
    reconcile.add_argument("--actor", default="bot:reconcile", help="who the change log names (with --keep)")

    coverage = sub.add_parser("coverage", help="what the registry counts, with the counting rules")
    coverage.add_argument("target", nargs="?", help="a place (Busan, Koper@SI, kr:26000) or a country (KR, Korea); "
                                                    "default: the whole registry")
    coverage.add_argument("--years", type=int, default=3, help="ties with no engagement for this many years")
    coverage.add_argument("--as-of", help="the date of the statement (YYYY-MM-DD, default today)")

    network = sub.add_parser("network", help="the partnership network for NetworkX or Gephi")
    network.add_argument("--format", choices=["graphml", "gexf", "csv", "json"], default="graphml")
    network.add_argument("-o", "--output", help="file to write (csv: FILE.nodes.csv, .edges.csv, .engagements.csv)")
    network.add_argument("--country", help="only agreements with a party in this country (ISO code)")
    network.add_argument("--type", action="append", dest="types", metavar="TYPE",
                         help="only this agreement type (sister_city, friendship_city, mou …); repeatable")
    network.add_argument("--since", help="signed on or after (2010, 2010-06 or 2010-06-01)")
    network.add_argument("--until", help="signed on or before")


def run(args) -> int:
    try:
        return {"reconcile": reconcile, "coverage": coverage, "network": network}[args.command](args)
    except OSError as error:  # the report or network file cannot be written
        return fail(f"{error.filename or 'output'}: {error.strerror}")


def reconcile(args) -> int:
    from amity.reconcile.compare import compare
    from amity.reconcile.lists import ListError, read_list
    from amity.reconcile.report import write_report

    path = Path(args.file)
    if args.output and Path(args.output).suffix.lower() not in (".csv", ".xlsx"):
        return fail(f"{args.output}: the report is a .csv or .xlsx file")
    try:
        listed = read_list(path.read_bytes(), path.name, args.format)
    except FileNotFoundError:
        return fail(f"{args.file}: no such file")
    except IsADirectoryError:
        return fail(f"{args.file}: is a folder, not a list")
    except ListError as error:
        return fail(f"{args.file}: {error}")
    comparison = compare(listed)
    print(f"{path.name}: {listed.format} list, {len(listed.rows)} rows, covering "
          f"{', '.join(str(place) for place in comparison.covered) or 'no place Amity knows'}")
    for line in comparison.summary():
        print(line)
    for warning in listed.warnings:
        print(f"note: {warning}", file=sys.stderr)
    if args.output:
        write_report(comparison, args.output)
        print(f"Wrote {args.output}", file=sys.stderr)
    else:
        for row in comparison.rows:
            where = f"row {row.row.number}" if row.row else "Amity"
            print(f"{row.category}\t{where}\t{row.reason}")
    if args.keep:
        from amity.reconcile.take import list_document

        document = list_document(listed, args.actor)
        print(f"kept as document {document.pk}", file=sys.stderr)
    return 0


def _target(text: str | None):
    """A Place, an ISO country code, or None; raises ValueError naming what was not found."""
    if not text:
        return None
    from amity.reconcile.lists import country_code
    from amity.registry.lookup import places_named
    from amity.registry.models import Place
    from amity.registry.reference import reference_uid

    if len(text) == 2 and text.isalpha():
        return country_code(text)
    if ":" in text:
        place = Place.objects.filter(uid=reference_uid(text)).first()
        if place is None:
            raise ValueError(f"no place with the reference key {text!r}")
        return place
    name, _, country = text.partition("@")
    found = places_named(name, country.upper() or None)
    if found:
        if len(found) > 1:
            print(f"note: {len(found)} places are called {name!r}; using {found[0]} "
                  f"(write NAME@CC to choose)", file=sys.stderr)
        return found[0]
    try:
        return country_code(text)
    except ValueError:
        raise ValueError(f"no place or country called {text!r}") from None


def coverage(args) -> int:
    from amity.reconcile.coverage import coverage as statement_of

    try:
        target = _target(args.target)
        as_of = dt.date.fromisoformat(args.as_of) if args.as_of else None
    except ValueError as error:
        return fail(str(error))
    if args.years < 1:
        return fail("--years must be 1 or more")
    for line in statement_of(target, as_of=as_of, quiet_years=args.years).lines():
        print(line)
    return 0


def network(args) -> int:
    from amity.core.partialdate import InvalidPartialDate, PartialDate
    from amity.reconcile import network as data
    from amity.reconcile.lists import country_code
    from amity.registry.models import Agreement

    try:
        for value in (args.since, args.until):
            if value:
                PartialDate.parse(value)
        country = country_code(args.country) if args.country else None
    except (InvalidPartialDate, ValueError) as error:
        return fail(str(error))
    unknown = [t for t in args.types or [] if t not in Agreement.Type.values]
    if unknown:
        return fail(f"unknown agreement type {unknown[0]!r}: use {', '.join(Agreement.Type.values)}")
    result = data.build_network(country=country, types=args.types, since=args.since, until=args.until)
    if args.format == "csv":
        if not args.output:
            return fail("CSV writes three tables: give a file name with -o (e.g. -o network.csv)")
        written = []
        for name, text in data.csv_tables(result).items():
            written.append(_sibling(args.output, name))
            written[-1].write_text(text, encoding="utf-8")
    else:
        text = {"graphml": data.to_graphml, "gexf": data.to_gexf,
                "json": lambda n: json.dumps(n.as_json(), ensure_ascii=False, indent=1) + "\n"}[args.format](result)
        if not args.output:
            sys.stdout.write(text)
            return 0
        Path(args.output).write_text(text, encoding="utf-8")
        written = [Path(args.output)]
        if args.format != "json":
            written.append(_sibling(args.output, "engagements"))
            written[-1].write_text(data.to_csv(result.engagements, data.ENGAGEMENT_COLUMNS), encoding="utf-8")
    print(f"{len(result.nodes)} places, {len(result.edges)} agreements, {len(result.engagements)} engagements: "
          f"wrote {', '.join(map(str, written))}", file=sys.stderr)
    return 0


def _sibling(output: str, table: str) -> Path:
    path = Path(output)
    return path.with_name(f"{path.stem}.{table}.csv")
