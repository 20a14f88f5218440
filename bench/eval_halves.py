"""The shared quality measurement: dev_real split in two halves (tune on one, check on the other)
and dev.jsonl, each extracted with `amity extract --jsonl` and scored with the eval's score.py.

    .venv/bin/python bench/eval_halves.py [--eval-dir /work/shared/eval] [--slots events,agreements]
                                           [--by-doc] [--keep DIR]

The "tune" half is dev_real's odd lines (1st, 3rd, ...), "check" its even lines. Prints one table
of per-slot F1 (and the attribute figures) for tune / check / all of dev_real / dev, then the
macro F1 of each. Nothing is copied into the repository: the split files live in a temporary
folder (or --keep DIR).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AMITY = ROOT / ".venv" / "bin" / "amity"
SLOTS = ["places", "countries", "people", "organizations", "events", "agreements", "alliances"]


def _score(score_py: Path, gold: Path, out: Path, by_doc: bool) -> dict:
    args = [sys.executable, str(score_py), str(gold), str(out), "--json"]
    result = json.loads(subprocess.run(args, capture_output=True, text=True, check=True).stdout.rsplit("macro_f1 ", 1)[0])
    if by_doc:
        text = subprocess.run([sys.executable, str(score_py), str(gold), str(out), "--by-doc"],
                              capture_output=True, text=True, check=True).stdout
        result["_by_doc"] = [line for line in text.splitlines() if line.startswith("doc ")]
    return result


def _extract(gold: Path, out: Path) -> None:
    subprocess.run([str(AMITY), "extract", "--jsonl", str(gold), "-o", str(out)], check=True,
                   stderr=subprocess.DEVNULL)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval-dir", default="/work/shared/eval")
    ap.add_argument("--slots", help="comma-separated slots to show (default: all)")
    ap.add_argument("--by-doc", action="store_true", help="also list per-document macro F1 of each set")
    ap.add_argument("--keep", help="write the split and output files here instead of a temporary folder")
    args = ap.parse_args(argv)
    eval_dir = Path(args.eval_dir)
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="amity-eval-"))
    work.mkdir(parents=True, exist_ok=True)

    lines = [line for line in (eval_dir / "dev_real.jsonl").read_text("utf-8").splitlines() if line.strip()]
    sets = {"tune": work / "real_tune.jsonl", "check": work / "real_check.jsonl",
            "real": eval_dir / "dev_real.jsonl", "dev": eval_dir / "dev.jsonl"}
    sets["tune"].write_text("\n".join(lines[0::2]) + "\n", "utf-8")
    sets["check"].write_text("\n".join(lines[1::2]) + "\n", "utf-8")

    outputs = {"real": work / "out_real.jsonl", "dev": work / "out_dev.jsonl"}
    _extract(sets["real"], outputs["real"])
    _extract(sets["dev"], outputs["dev"])
    outputs["tune"] = outputs["check"] = outputs["real"]  # the scorer reads only the ids of its gold file

    scores = {name: _score(eval_dir / "score.py", gold, outputs[name], args.by_doc) for name, gold in sets.items()}
    shown = args.slots.split(",") if args.slots else SLOTS
    keys = [k for k in scores["real"] if not k.startswith("_") and k != "macro_f1"
            and k.split(".")[0] in shown]
    print(f"{'':26s}" + "".join(f"{name:>8s}" for name in sets))
    for key in keys:
        cells = []
        for name in sets:
            v = scores[name].get(key, {})
            cells.append(f"{v.get('f1', v.get('acc', float('nan'))):8.3f}")
        print(f"{key:26s}" + "".join(cells))
    for slot in (s for s in shown if s in ("events", "agreements")):
        pr = "  ".join(f"{name} P={scores[name][slot]['p']} R={scores[name][slot]['r']}" for name in sets)
        print(f"  {slot}: {pr}")
    print(f"{'macro_f1':26s}" + "".join(f"{scores[name]['macro_f1']:8.3f}" for name in sets))
    if args.by_doc:
        for name in ("tune", "check", "dev"):
            print(f"\n# {name}")
            print("\n".join(scores[name]["_by_doc"]))
    print(f"(files in {work})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
