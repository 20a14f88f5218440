"""The `amity` command.

Sub-commands that need the database set up Django first; `extract` stays pure
Python so it starts fast and never touches a database.
"""

from __future__ import annotations

import argparse
import sys


def _extract(argv: list[str]) -> int:
    from amity.extract.cli import main as extract_main

    return extract_main(argv)


PURE_COMMANDS = {"extract": _extract}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in PURE_COMMANDS:
        return PURE_COMMANDS[argv[0]](argv[1:])
    parser = argparse.ArgumentParser(prog="amity", description="Amity: city-to-city cooperation registry")
    parser.add_argument("command", nargs="?", help="extract")
    args = parser.parse_args(argv[:1])
    parser.print_help()
    return 0 if args.command is None else 2


if __name__ == "__main__":
    sys.exit(main())
