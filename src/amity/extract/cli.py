"""`amity extract`: read articles, print or write extraction JSON.

    amity extract FILE [FILE...]            one JSON object for one file; JSON lines
                                            (one object per file, with "file") for several
    amity extract --jsonl IN.jsonl -o OUT   one result per input line, same "id"

Problems with one input (missing file, binary or non-UTF-8 content, a bad JSON
line) are reported on stderr, and for --jsonl also as an {"id", "error"} line;
the exit status is 1 when any input failed, 2 for wrong usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from .pipeline import extract

MAX_FILE_BYTES = 50 * 1024 * 1024


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="amity extract",
        description="Extract places, people, organizations, events, agreements and alliances from "
                    "English press releases. One FILE prints one JSON object; several FILEs print one "
                    "JSON object per line (JSON lines), each with its \"file\".",
    )
    p.add_argument("files", nargs="*", metavar="FILE", help="text, Markdown or HTML files (UTF-8)")
    p.add_argument("--jsonl", metavar="IN.jsonl",
                   help="read one JSON object per line: id, text, optional published, url, title")
    p.add_argument("-o", "--output", metavar="OUT.jsonl", help="with --jsonl: write here (default stdout)")
    p.add_argument("--published", help="publication date (YYYY-MM-DD) for FILE inputs")
    p.add_argument("--workers", type=int, default=1, help="with --jsonl: worker processes (default 1)")
    p.add_argument("--dask", metavar="ADDRESS",
                   help="with --jsonl: extract on a Dask cluster (tcp://host:8786, or local[:N]); "
                        "results are written in order of completion")
    p.add_argument("--indent", type=int, default=None, help="indent JSON for FILE inputs")
    return p


def _read_file(path: Path) -> tuple[str | None, str | None]:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return None, f"{path}: larger than {MAX_FILE_BYTES // (1024 * 1024)} MB"
        data = path.read_bytes()
    except OSError as exc:
        return None, f"{path}: cannot read: {exc.strerror or exc}"
    if b"\x00" in data[:8192]:
        return None, f"{path}: looks binary (NUL bytes), not a text article"
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        return None, f"{path}: not valid UTF-8 (byte {exc.start}); convert it to UTF-8 first"


def _run_files(args: argparse.Namespace) -> int:
    status = 0
    several = len(args.files) > 1
    for name in args.files:
        text, error = _read_file(Path(name))
        if error:
            print(f"amity extract: {error}", file=sys.stderr)
            status = 1
            continue
        result = extract(text or "", published=args.published).to_dict()
        if several:
            print(json.dumps({"file": name, **result}, ensure_ascii=False))
        else:
            print(json.dumps(result, ensure_ascii=False, indent=args.indent))
    return status


def _records(stream: TextIO) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
    for lineno, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except ValueError as exc:
            yield lineno, None, f"line {lineno}: not JSON: {exc}"
            continue
        if not isinstance(rec, dict):
            yield lineno, None, f"line {lineno}: not a JSON object"
            continue
        yield lineno, rec, None


def _process(item: tuple[int, dict[str, Any] | None, str | None]) -> tuple[str, str | None]:
    lineno, rec, error = item
    if rec is None:
        return json.dumps({"id": None, "line": lineno, "error": error}), error
    rid = rec.get("id", lineno)
    text = rec.get("text")
    if not isinstance(text, str):
        error = f"line {lineno} (id {rid}): no \"text\" string"
        return json.dumps({"id": rid, "error": error}, ensure_ascii=False), error
    result = extract(text, published=rec.get("published"), url=rec.get("url"), title=rec.get("title"))
    return json.dumps({"id": rid, **result.to_dict()}, ensure_ascii=False), None


def _on_dask(records: Iterator, address: str) -> Iterator[tuple[str, str | None]]:
    """Like `_process` for every record, the extraction running on a Dask cluster."""
    from .parallel import dask_client, stream_dask

    unreadable: list[tuple[str, str | None]] = []

    def readable() -> Iterator:
        for item in records:
            if item[1] is None or not isinstance(item[1].get("text"), str):
                unreadable.append(_process(item))  # reported without a trip to the cluster
            else:
                yield item

    def values(item) -> dict:
        rec = item[1]
        return {"text": rec["text"], "published": rec.get("published"), "url": rec.get("url"),
                "title": rec.get("title")}

    with dask_client(address) as client:
        for (lineno, rec, _), result in stream_dask(client, readable(), values):
            yield from unreadable
            unreadable.clear()
            rid = rec.get("id", lineno)
            if "error" in result:
                error = f"line {lineno} (id {rid}): {result['error']}"
                yield json.dumps({"id": rid, "error": error}, ensure_ascii=False), error
            else:
                yield json.dumps({"id": rid, **result}, ensure_ascii=False), None
    yield from unreadable


def _run_jsonl(args: argparse.Namespace) -> int:
    try:
        src = open(args.jsonl, encoding="utf-8", errors="strict")  # noqa: SIM115
    except OSError as exc:
        print(f"amity extract: {args.jsonl}: cannot read: {exc.strerror or exc}", file=sys.stderr)
        return 1
    try:
        out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout  # noqa: SIM115
    except OSError as exc:
        src.close()
        print(f"amity extract: {args.output}: cannot write: {exc.strerror or exc}", file=sys.stderr)
        return 1
    status = 0
    try:
        records = _records(src)
        if args.dask:
            status = _write(_on_dask(records, args.dask), out)
        elif args.workers > 1:
            import multiprocessing

            with multiprocessing.get_context("spawn").Pool(args.workers) as pool:
                results = pool.imap(_process, records, chunksize=8)
                status = _write(results, out)
        else:
            status = _write(map(_process, records), out)
    except UnicodeDecodeError as exc:
        print(f"amity extract: {args.jsonl}: not valid UTF-8 (byte {exc.start})", file=sys.stderr)
        status = 1
    finally:
        src.close()
        if out is not sys.stdout:
            out.close()
    return status


def _write(results: Iterator[tuple[str, str | None]], out: TextIO) -> int:
    status = 0
    for line, error in results:
        out.write(line + "\n")
        if error:
            print(f"amity extract: {error}", file=sys.stderr)
            status = 1
    return status


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as exc:
        return int(exc.code or 0)
    if args.jsonl:
        if args.files:
            print("amity extract: give either FILEs or --jsonl, not both", file=sys.stderr)
            return 2
        return _run_jsonl(args)
    if not args.files:
        parser.print_usage(sys.stderr)
        print("amity extract: no input (give FILEs or --jsonl IN.jsonl)", file=sys.stderr)
        return 2
    return _run_files(args)


if __name__ == "__main__":
    sys.exit(main())
