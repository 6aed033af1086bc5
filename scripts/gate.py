"""Score extraction against data/gold/ and fail under the pinned floors.

Usage: python scripts/gate.py [--raise-floors] [--show-errors]
"""

from __future__ import annotations

import argparse
import sys

import yaml

from helpers import gate


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--raise-floors", action="store_true", help="pin the current scores as floors (never lowers)")
    parser.add_argument("--show-errors", action="store_true", help="list false positives and negatives")
    args = parser.parse_args()
    results, table = gate.evaluate_all()
    print(f"{'group':6} {'P':>7} {'R':>7} {'F1':>7} {'date':>7} {'gold':>5} {'pred':>5}")
    for group, m in table.items():
        date = m.get("date_accuracy", m.get("article_set_accuracy", 0.0))
        print(f"{group:6} {m['precision']:7.3f} {m['recall']:7.3f} {m['f1']:7.3f} {date:7.3f} "
              f"{m['n_gold']:5d} {m['n_predicted']:5d}")
    print("(for the events row, the fourth column is the share of events with exactly the expected articles)")
    if args.show_errors:
        for r in results:
            for c in r.false_negatives:
                print(f"  missed     {r.case_id}: {c}")
            for c in r.false_positives:
                print(f"  spurious   {r.case_id}: {c}")
            for g, p in r.matched:
                if g.date != p.date:
                    print(f"  wrong date {r.case_id}: gold {g.date!r} predicted {p.date!r}")
    floors = gate.load_floors() if gate.FLOORS_PATH.exists() else None
    if args.raise_floors:
        gate.FLOORS_PATH.write_text(yaml.safe_dump(gate.raised_floors(table, floors), sort_keys=True))
        print(f"floors written to {gate.FLOORS_PATH}")
        return 0
    if floors is None:
        print("no floors file: run with --raise-floors once", file=sys.stderr)
        return 1
    problems = gate.below_floors(table, floors)
    for p in problems:
        print(f"BELOW FLOOR: {p}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
