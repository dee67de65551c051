"""Residential segregation indices, in numpy only (no Django, no pandas).

Each index gives the same number as PySAL's ``segregation`` package (the reference implementation;
tests and ``bench/segregation.py`` check agreement to 1e-9), without its geopandas and numba
dependencies, and vectorised over areas so that all of England's 35,672 LSOAs take milliseconds.

Inputs are population counts:

- single-group indices take ``group`` and ``total``, two 1-D arrays over areas (the group's count
  and everyone's count in each area; the "rest" is ``total - group``);
- multigroup and local indices take ``counts``, a 2-D array of areas × groups (the total of an area
  is the sum of its row).

Areas whose total is 0 hold nobody and are dropped, as they carry no weight in PySAL's formulas.
The local indices (one value per area) keep every area so that the result lines up with the input
rows; areas with total 0 get NaN there, as in PySAL.

Notation: t_i the total of area i, x_i the group's count, p_i = x_i / t_i, T = Σ t_i, P = Σ x_i / T.
"""

import numpy as np

__all__ = [
    "MULTIGROUP_INDICES",
    "SINGLE_GROUP_INDICES",
    "dissimilarity",
    "entropy",
    "exposure",
    "gini",
    "isolation",
    "local_entropy",
    "location_quotients",
    "multigroup_dissimilarity",
    "multigroup_information_theory",
]


def _single(group, total):
    """Validated float arrays (x, t) without the areas of total 0."""
    x = np.asarray(group, dtype=float)
    t = np.asarray(total, dtype=float)
    if x.ndim != 1 or t.shape != x.shape:
        raise ValueError("group and total must be 1-D arrays of the same length")
    if not ((x >= 0).all() and (t >= x).all()):  # also false for NaN
        raise ValueError("counts must be non-negative numbers and a group cannot exceed its area's total")
    keep = t > 0
    if not keep.all():
        x, t = x[keep], t[keep]
    return x, t


def _multi(counts):
    """Validated float 2-D array (areas × groups) and its row totals, without the areas of total 0."""
    c = np.asarray(counts, dtype=float)
    if c.ndim != 2:
        raise ValueError("counts must be a 2-D array (areas × groups)")
    if not (c >= 0).all():  # also false for NaN
        raise ValueError("counts must be non-negative numbers")
    t = c.sum(axis=1)
    keep = t > 0
    if not keep.all():
        c, t = c[keep], t[keep]
    return c, t


def _xlogx(a):
    """a · ln a elementwise, with 0 · ln 0 = 0 (the log is not taken where a is 0)."""
    return a * np.log(a, out=np.zeros_like(a), where=a > 0)


def _binary_entropy(p):
    """p ln(1/p) + (1 − p) ln(1/(1 − p)), with 0 ln(1/0) = 0."""
    p = np.asarray(p, dtype=float)
    return -(_xlogx(p) + _xlogx(1.0 - p))


# Single-group indices ---------------------------------------------------------------------------


def dissimilarity(group, total) -> float:
    """Duncan's index of dissimilarity D = Σ t_i |p_i − P| / (2 T P (1 − P)).

    The share of the group (or of the rest) that would have to move for every area to have the
    same composition. PySAL ``singlegroup.Dissim``.
    """
    x, t = _single(group, total)
    T = t.sum()
    P = x.sum() / T
    return float(np.sum(t * np.abs(x / t - P)) / (2 * T * P * (1 - P)))


def isolation(group, total) -> float:
    """Isolation xPx = Σ (x_i / X)(x_i / t_i): the group's share in the area of an average member.

    PySAL ``singlegroup.Isolation``.
    """
    x, t = _single(group, total)
    return float(np.sum((x / x.sum()) * (x / t)))


def exposure(group, total) -> float:
    """Exposure (interaction) xPy = Σ (x_i / X)((t_i − x_i) / t_i): the rest's share around a member.

    PySAL ``singlegroup.Interaction``. Isolation + exposure = 1.
    """
    x, t = _single(group, total)
    return float(np.sum((x / x.sum()) * ((t - x) / t)))


def entropy(group, total) -> float:
    """Theil's information theory index H = Σ t_i (E − E_i) / (E T) for the group versus the rest.

    E = P ln(1/P) + (1 − P) ln(1/(1 − P)) is the city's entropy and E_i the same for area i.
    PySAL ``singlegroup.Entropy``.
    """
    x, t = _single(group, total)
    T = t.sum()
    P = x.sum() / T
    E = _binary_entropy(P)
    Ei = _binary_entropy(x / t)
    return float(np.sum(t * (E - Ei)) / (E * T))


def gini(group, total) -> float:
    """Gini index G = Σ_i Σ_j t_i t_j |p_i − p_j| / (2 T² P (1 − P)), as PySAL ``singlegroup.Gini``.

    PySAL sums over every pair of areas (n² work). Sorting the areas by p_i gives the same sum in
    n log n: Σ_{i<j} t_i t_j (p_j − p_i) = Σ_j t_j (p_j W_j − S_j), where W_j and S_j are the sums of
    t_i and of t_i p_i over the areas before j.
    """
    x, t = _single(group, total)
    T = t.sum()
    P = x.sum() / T
    p = x / t
    order = np.argsort(p, kind="stable")
    p, t_sorted = p[order], t[order]
    w_before = np.cumsum(t_sorted) - t_sorted
    s_before = np.cumsum(t_sorted * p) - t_sorted * p
    pairs = np.sum(t_sorted * (p * w_before - s_before))  # Σ over i < j only
    return float(2 * pairs / (2 * T * T * P * (1 - P)))


# Multigroup indices ------------------------------------------------------------------------------


def multigroup_dissimilarity(counts) -> float:
    """Sakoda's generalised dissimilarity D = Σ_i Σ_k t_i |p_ik − P_k| / (2 T I), I = Σ_k P_k (1 − P_k).

    PySAL ``multigroup.MultiDissim``.
    """
    c, t = _multi(counts)
    T = t.sum()
    P = c.sum(axis=0) / T
    I = np.sum(P * (1 - P))  # noqa: E741 - Sakoda's name for the interaction term
    # t_i |p_ik − P_k| = |c_ik − t_i P_k|
    return float(np.abs(c - np.outer(t, P)).sum() / (2 * T * I))


def multigroup_information_theory(counts) -> float:
    """Reardon and Firebaugh's information theory index H = Σ_i Σ_k t_i p_ik ln(p_ik / P_k) / (T E).

    E = Σ_k P_k ln(1 / P_k) is the city's entropy. PySAL ``multigroup.MultiInfoTheory``. Computed
    as Σ_ik c_ik ln c_ik − Σ_i t_i ln t_i − Σ_k C_k ln P_k (the same sum, with c_ik = t_i p_ik and
    C_k = T P_k), which takes no division per area.
    """
    c, t = _multi(counts)
    T = t.sum()
    C = c.sum(axis=0)
    P = C / T
    E = -np.sum(_xlogx(P))
    numerator = _xlogx(c).sum() - _xlogx(t).sum() - np.sum(C * np.log(P, out=np.zeros_like(P), where=P > 0))
    return float(numerator / (T * E))


# Local indices (one value per area) -------------------------------------------------------------


def _local_counts(counts):
    c = np.asarray(counts, dtype=float)
    if c.ndim != 2:
        raise ValueError("counts must be a 2-D array (areas × groups)")
    if (c < 0).any():
        raise ValueError("counts must be non-negative")
    t = c.sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        shares = c / t[:, None]  # NaN rows for areas of total 0
    return c, shares


def location_quotients(counts) -> np.ndarray:
    """Location quotient LQ_ik = p_ik / P_k for every area and group (areas × groups).

    Above 1: the group is over-represented in the area compared with the city. Areas of total 0
    get NaN. PySAL ``local.MultiLocationQuotient``.
    """
    c, shares = _local_counts(counts)
    with np.errstate(divide="ignore", invalid="ignore"):
        return shares / (c.sum(axis=0) / c.sum())


def local_entropy(counts) -> np.ndarray:
    """Local (diversity) entropy E_i = −Σ_k p_ik ln p_ik / ln K for every area, between 0 and 1.

    1 when all K groups are equally present, 0 when only one is. Areas of total 0 get NaN.
    PySAL ``local.MultiLocalEntropy``.
    """
    c, shares = _local_counts(counts)
    result = -np.sum(_xlogx(np.nan_to_num(shares)), axis=1) / np.log(c.shape[1])
    result[c.sum(axis=1) == 0] = np.nan
    return result


SINGLE_GROUP_INDICES = {
    "dissimilarity": dissimilarity,
    "isolation": isolation,
    "exposure": exposure,
    "entropy": entropy,
    "gini": gini,
}

MULTIGROUP_INDICES = {
    "multigroup_dissimilarity": multigroup_dissimilarity,
    "multigroup_information_theory": multigroup_information_theory,
}
