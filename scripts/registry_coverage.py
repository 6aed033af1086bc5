"""Where the actor registry has nobody in a role: African states, outside powers, European partners, and every
UN member state.

Usage: python scripts/registry_coverage.py [--start 2018-01-01] [--end 2025-12-31] [--write]

Prints the share of (country, role, day) slots covered by a holder or a recorded vacancy, per
region and role, then one line per gap (country, role, first and last uncovered day). `--write`
also records the same in data/reference/registry_coverage.md (commit it with the data). The
test suite pins floors on these shares (tests/test_actors.py).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from helpers.actors import COVERAGE_END, COVERAGE_START, COVERED_ROLES, coverage_gaps, coverage_share, registry
from helpers.entities import region_members
from helpers.paths import REFERENCE_DIR

REGIONS = ("africa", "outside_power", "european_partner", "un_member")


def coverage_report(start: dt.date, end: dt.date) -> list[str]:
    reg = registry()
    lines = [f"# Actor registry coverage, {start} .. {end}", "",
             f"{len(reg.actors)} actors, {len(reg.roles)} dated roles. Share of (country, role, day) slots with a "
             "holder in data/reference/actor_roles.csv or a vacancy in role_vacancies.csv; produced by "
             "`python scripts/registry_coverage.py --write`.", "",
             "| region | countries | " + " | ".join(COVERED_ROLES) + " |",
             "|---|---:|" + "---:|" * len(COVERED_ROLES)]
    all_gaps = []
    for region in REGIONS:
        countries = region_members(region)
        shares = []
        for role in COVERED_ROLES:
            gaps = coverage_gaps(reg, countries, start, end, (role,))
            all_gaps += gaps
            shares.append(f"{coverage_share(gaps, len(countries), start, end):.3f}")
        lines.append(f"| {region} | {len(countries)} | " + " | ".join(shares) + " |")
    lines += ["", f"## Gaps ({len(all_gaps)})", "",
              "Spans with no holder on record: data not yet entered (no source at hand offline), or a "
              "transition of a few days between two holders.", ""]
    lines += [f"- {g.country} {g.role}: {g.start} .. {g.end} ({g.days} days)"
              for g in sorted(all_gaps, key=lambda g: (g.country, g.role, g.start))]
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--start", type=dt.date.fromisoformat, default=COVERAGE_START)
    parser.add_argument("--end", type=dt.date.fromisoformat, default=COVERAGE_END)
    parser.add_argument("--write", action="store_true", help="also write data/reference/registry_coverage.md")
    args = parser.parse_args()
    lines = coverage_report(args.start, args.end)
    print("\n".join(lines))
    if args.write:
        (REFERENCE_DIR / "registry_coverage.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
