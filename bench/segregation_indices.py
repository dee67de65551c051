"""Segregation indices on every LSOA of England: our numpy code against PySAL ``segregation``.

Run from the repository root (``make bench`` runs it after the pages):

    .venv/bin/python bench/segregation_indices.py

Reads the real Census 2021 table of shared/data/england (35,672 LSOAs × 5 broad groups), computes
every single-group index for each broad group and the two multigroup indices with both, times
each (best of 3, time.perf_counter), checks that they agree to 1e-9 and prints a table. Then
prints Walsall's Asian dissimilarity in 2011 and 2021 by LSOA and by ward, read from the CSVs.
DESIGN's bar: all the indices for 35,000 LSOAs in under 1 s with our code, faster than PySAL.
Exits 1 if the results disagree or the bar is missed.
"""

import os
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))  # run as a script from bin/bench: make `insights` importable

from insights import indices  # noqa: E402 - after the path is set
from insights.harmonise import (  # noqa: E402
    BROAD_GROUPS,
    BROAD_GROUPS_2021_LABELS,
    harmonise,
    harmonised_areas,
    to_broad_groups_2011,
)

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from segregation import multigroup as pysal_multi
    from segregation import singlegroup as pysal_single

SHARED = Path(os.environ.get("SHARED_DATA_DIR", ROOT.parent / "shared" / "data"))
COMMAND = ".venv/bin/python bench/segregation_indices.py"
TOLERANCE = 1e-9
PYSAL_SINGLE = {
    "dissimilarity": pysal_single.Dissim,
    "isolation": pysal_single.Isolation,
    "exposure": pysal_single.Interaction,
    "entropy": pysal_single.Entropy,
    "gini": pysal_single.Gini,
}
PYSAL_MULTI = {
    "multigroup_dissimilarity": pysal_multi.MultiDissim,
    "multigroup_information_theory": pysal_multi.MultiInfoTheory,
}


def best_of_3(fn):
    """(seconds of the fastest of 3 runs, result)."""
    times = []
    for _ in range(3):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def quiet(fn):
    def run():
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            return fn()

    return run


def national():
    frame = pd.read_csv(SHARED / "england" / "ethnicity21_5cat_lsoa21.csv").set_index("lsoa21_code")
    counts = frame.rename(columns=BROAD_GROUPS_2021_LABELS)[list(BROAD_GROUPS)].astype(float)
    rows, disagreements = [], []
    total = counts.sum(axis=1)
    for name, fn in indices.SINGLE_GROUP_INDICES.items():
        ours_s = pysal_s = 0.0
        for group in BROAD_GROUPS:
            x, t = counts[group].to_numpy(), total.to_numpy()
            data = pd.DataFrame({"group": counts[group], "total": total})
            seconds, ours = best_of_3(lambda fn=fn, x=x, t=t: fn(x, t))
            ours_s += seconds
            seconds, theirs = best_of_3(quiet(lambda data=data, name=name: PYSAL_SINGLE[name](data, "group", "total")))
            pysal_s += seconds
            if abs(ours - theirs.statistic) > TOLERANCE:
                disagreements.append(f"{name} {group}: ours {ours!r}, PySAL {theirs.statistic!r}")
        rows.append((f"{name} (each of 5 groups)", ours_s, pysal_s))
    array = counts.to_numpy()
    for name, fn in indices.MULTIGROUP_INDICES.items():
        ours_s, ours = best_of_3(lambda fn=fn: fn(array))
        pysal_s, theirs = best_of_3(quiet(lambda name=name: PYSAL_MULTI[name](counts, list(BROAD_GROUPS))))
        if abs(ours - theirs.statistic) > TOLERANCE:
            disagreements.append(f"{name}: ours {ours!r}, PySAL {theirs.statistic!r}")
        rows.append((name, ours_s, pysal_s))
    return len(counts), rows, disagreements


def walsall_asian_dissimilarity():
    walsall = SHARED / "walsall"
    lsoa11 = to_broad_groups_2011(pd.read_csv(walsall / "ethnicity11_14cat_lsoa11.csv").set_index("LSOA"))
    lsoa21 = (
        pd.read_csv(walsall / "ethnicity21_5cat_lsoa21.csv")
        .set_index("lsoa21_code")
        .rename(columns=BROAD_GROUPS_2021_LABELS)[list(BROAD_GROUPS)]
    )
    ward11 = pd.read_csv(walsall / "lookup_lsoa11_ward17.csv").set_index("lsoa11_code")["ward17_code"]
    ward21 = pd.read_csv(walsall / "lookup_lsoa21_ward24.csv").set_index("lsoa21_code")["ward24_code"]
    changes = pd.read_csv(walsall / "lookup_lsoa11_lsoa21.csv")
    areas = harmonised_areas(zip(changes["lsoa11_code"], changes["lsoa21_code"], strict=True))
    before, after = harmonise(lsoa11, lsoa21, areas)
    frames = [
        ("2011", "LSOA", lsoa11),
        ("2021", "LSOA", lsoa21),
        ("2011", "ward", lsoa11.groupby(lsoa11.index.map(ward11)).sum()),
        ("2021", "ward", lsoa21.groupby(lsoa21.index.map(ward21)).sum()),
        ("2011", "harmonised LSOA", before),
        ("2021", "harmonised LSOA", after),
    ]
    return [
        (year, geography, len(frame), indices.dissimilarity(frame["Asian"], frame.sum(axis=1)))
        for year, geography, frame in frames
    ]


def main():
    areas, rows, disagreements = national()
    print(f"Segregation indices, England's {areas:,} LSOAs (Census 2021 TS021, 5 broad groups); best of 3")
    print(f"command: {COMMAND}")
    print(f"{'index':<40} {'ours s':>10} {'PySAL s':>10} {'PySAL/ours':>11}")
    for name, ours, theirs in rows:
        print(f"{name:<40} {ours:>10.4f} {theirs:>10.4f} {theirs / ours:>10.0f}x")
    ours_total = sum(row[1] for row in rows)
    pysal_total = sum(row[2] for row in rows)
    print(f"{'all indices':<40} {ours_total:>10.4f} {pysal_total:>10.4f} {pysal_total / ours_total:>10.0f}x")
    print(f"agreement with PySAL to {TOLERANCE:g}: {'yes' if not disagreements else 'NO'}")
    for line in disagreements:
        print(f"  {line}")
    met = ours_total < 1 and ours_total < pysal_total
    print(f"DESIGN bar (all indices < 1 s, faster than PySAL): {'met' if met else 'NOT met'}")
    print()
    print("Walsall, Asian vs rest, index of dissimilarity (read from shared/data/walsall):")
    for year, geography, count, value in walsall_asian_dissimilarity():
        print(f"  {year} {geography:<16} {count:>4} areas  D = {value:.3f}")
    return 0 if met and not disagreements else 1


if __name__ == "__main__":
    sys.exit(main())
