"""Turn bin/bench's raw lines into a table and check them against DESIGN.md's bar for public pages."""

import sys

P95_BAR_MS = 100
RATIO_BAR = 3


def parse(path):
    rows = {}
    with open(path) as lines:
        next(lines)
        for line in lines:
            name, page, *fields = line.split()
            rows[name] = {"path": page, **dict(field.split("=") for field in fields)}
    return rows


def main(path):
    rows = parse(path)
    trivial_p95 = float(rows["trivial"]["p95_ms"])
    print(f"\n{'page':<18} {'path':<28} {'p50 ms':>8} {'p95 ms':>8} {'req/s':>8} {'errors':>7} {'p95 vs trivial':>15}")
    failed = False
    for name, row in rows.items():
        p95 = float(row["p95_ms"])
        ratio = p95 / trivial_p95 if trivial_p95 else float("inf")
        within = name == "trivial" or (p95 < P95_BAR_MS and ratio <= RATIO_BAR and row["errors"] == "0")
        failed |= not within
        print(
            f"{name:<18} {row['path']:<28} {float(row['p50_ms']):>8.1f} {p95:>8.1f} {float(row['rps']):>8.0f} "
            f"{row['errors']:>7} {ratio:>14.1f}x{'' if within else '  OVER THE BAR'}"
        )
    print(f"\nBar (DESIGN.md §7): p95 < {P95_BAR_MS} ms and within {RATIO_BAR}x of the trivial view.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
