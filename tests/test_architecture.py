"""Dependencies go one way: web/api/portfolio -> review, transfer, reconcile -> sources -> registry -> core;
all may use extract, which uses none of them.

transfer stays below review, accounts and portfolio although its lossless dump (`amity export`)
carries their tables: transfer/tables.py finds every model through django.apps instead of
importing those packages, so the dump reaches the whole record without an upward import, and a
model added later is dumped (and must be given rows in tests/test_dump_round_trip.py) unasked."""

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "amity"

# package -> the amity packages it must never import
FORBIDDEN = {
    "extract": {"core", "registry", "sources", "review", "accounts", "search", "web", "api", "portfolio", "commands",
                "transfer", "reconcile"},
    "core": {"registry", "sources", "review", "accounts", "search", "web", "api", "portfolio", "commands", "reconcile"},
    "registry": {"sources", "review", "accounts", "search", "web", "api", "portfolio", "commands", "transfer",
                 "reconcile"},
    "sources": {"review", "accounts", "search", "web", "api", "portfolio", "commands", "transfer", "reconcile"},
    "review": {"accounts", "search", "web", "api", "portfolio", "commands", "transfer", "reconcile"},
    "transfer": {"review", "accounts", "search", "web", "api", "portfolio", "commands", "reconcile"},
    # Lists, coverage and the network read the registry, its sources and citations; pages and commands use them.
    "reconcile": {"accounts", "search", "web", "api", "portfolio", "commands", "transfer"},
    "accounts": {"sources", "review", "search", "web", "api", "portfolio", "commands", "reconcile"},
    "search": {"web", "api", "portfolio", "commands", "reconcile"},
    "web": {"api", "commands"},
    "api": {"web", "commands"},
    "portfolio": {"api", "commands"},
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else \
            [node.module or ""] if isinstance(node, ast.ImportFrom) and node.level == 0 else []
        for name in names:
            parts = name.split(".")
            if parts[0] == "amity" and len(parts) > 1:
                found.add(parts[1])
    return found


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_imports_only_downwards(package):
    offending = {}
    for path in sorted((SRC / package).rglob("*.py")):
        bad = _imports(path) & FORBIDDEN[package]
        if bad:
            offending[str(path.relative_to(SRC))] = sorted(bad)
    assert not offending, f"{package} imports upwards: {offending}"
