"""Buddy matching: who may be paired, how good each pair is, and the best proposal for the whole pool.

Pure Python with numpy/scipy: no database, no models, importable without Django's app registry
(the benchmark runs without settings). The buddies app turns requests and volunteers into
``Newcomer`` and ``Volunteer`` values, calls ``propose`` and shows each ``Proposal`` with
``reason_text`` to a coordinator, who confirms or rejects it.

Three layers:

1. Hard rules (``RULES``, checked in that order by ``blocking_rule``): a pair failing any of them
   is never proposed.
2. A score for every allowed pair (``Weights``): a fixed value for making a match at all, the
   newcomer's time waiting, and the pair's *quality* (interests, closeness, a Place of Welcome
   nearby, shared free time, a shared home language).
3. The assignment that maximises the total score over the whole pool, each newcomer with at most
   one volunteer and each volunteer with at most their remaining capacity. It is exact: the
   problem is a weighted bipartite b-matching, solved as a rectangular assignment problem with
   each volunteer's capacity expanded into that many identical slots and one "stays waiting"
   column per newcomer, by scipy's sparse Jonker-Volgenant solver
   (``scipy.sparse.csgraph.min_weight_full_bipartite_matching``). Only allowed pairs become edges.

Pairs are screened in blocks of volunteers against all newcomers with numpy: languages, free
time and interests are bitsets tested a whole block at once, then the haversine distance is
worked out for the pairs those tests let through. A spatial index would not prune here: Walsall
is about 15 km across and volunteers travel up to about 10 km, so most pairs are within reach
anyway. Memory grows with the allowed pairs (about 1 million of the 10 million in the benchmark's
5,000 x 2,000 pool, under 250 MB at peak); time is mostly the exact solver (bench/buddy_matching.py).
"""

import datetime
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from django.utils.formats import number_format
from django.utils.text import get_text_list
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from scipy.sparse import csr_array
from scipy.sparse.csgraph import min_weight_full_bipartite_matching

EARTH_RADIUS_KM = 6371.0
# How far a newcomer is asked to go to a Place of Welcome: about 25 minutes' walk.
PLACE_OF_WELCOME_REACH_KM = 2.0
# Shared interests and free time count up to this many; more says little extra about a pair.
COUNTED_UP_TO = 3
ENGLISH = "en"
# Pairs screened at once: volunteers per block x all newcomers stays near this many cells.
_BLOCK_CELLS = 1_000_000


@dataclass(frozen=True)
class Newcomer:
    """A waiting buddy request."""

    id: int
    languages: frozenset[str]  # ISO 639-1 codes
    latitude: float
    longitude: float
    availability: frozenset[str]  # AVAILABILITY_SLOTS values
    interests: frozenset[str]  # directory category slugs
    buddy_gender: str = ""  # "" no preference, "woman", "man"
    meet_only_at_place_of_welcome: bool = False
    waiting_days: float = 0.0


@dataclass(frozen=True)
class Volunteer:
    id: int
    languages: frozenset[str]
    latitude: float
    longitude: float
    availability: frozenset[str]
    interests: frozenset[str]
    gender: str  # "woman", "man" or "" (not said)
    capacity: int  # free places: most buddies at once minus current matches
    max_travel_km: float
    checks_valid_until: datetime.date | None  # the earliest of DBS/training/reference expiry; None = never cleared
    active: bool  # onboarding complete and not paused/left


@dataclass(frozen=True)
class Reason:
    code: str  # "shared_language", "interests", "distance", "waiting", "place_of_welcome_nearby", "availability"
    params: dict  # values for the sentence, e.g. {"languages": ["pl"]}, {"km": 1.4}


@dataclass(frozen=True)
class Proposal:
    newcomer_id: int
    volunteer_id: int
    score: float
    reasons: tuple[Reason, ...]  # best first, at most 3


@dataclass(frozen=True)
class Weights:
    """Points a pair earns; the matcher maximises the sum over all proposed pairs.

    Every allowed pair earns ``match`` plus the newcomer's waiting points plus its quality points:

    - ``match`` (10): for making a match at all, so two fair matches outscore one excellent match
      (quality is worth at most ``quality_span`` = 8 points under the defaults).
    - ``waiting_per_week`` (2): per week the newcomer has waited, without a cap.
    - quality, each weight times a fraction between 0 and 1:
      ``interests`` (3) x shared interests / 3 (counted up to 3);
      ``closeness`` (2) x (1 - distance / the volunteer's max travel);
      ``place_of_welcome`` (1) x (1 - km from the newcomer to the nearest open Place of Welcome
      that both can reach / ``PLACE_OF_WELCOME_REACH_KM``), 0 when there is none;
      ``availability`` (1) x shared free slots / 3 (counted up to 3);
      ``home_language`` (1) when they share a language other than English.

    Longest waiting first. Waiting points belong to the newcomer, not the pair, so they never
    change which volunteer a newcomer gets; they decide who is matched when there are not enough
    volunteers. A newcomer A is passed over for a newcomer B on a volunteer both could have (B
    matched to them, A left waiting) only if B's pair is better than A's by at least
    ``waiting_per_week`` points per extra week A has waited. That is what "slightly better"
    means: under the defaults an advantage of less than 2 quality points per week of extra
    waiting (two more shared interests, or living next door instead of at the edge of the
    volunteer's range) never takes a volunteer from someone who has waited longer; and as
    quality spans at most 8 points, a newcomer who has waited more than 4 weeks longer than
    another is never left waiting while the other is matched to a volunteer both could have.
    """

    match: float = 10.0
    waiting_per_week: float = 2.0
    interests: float = 3.0
    closeness: float = 2.0
    place_of_welcome: float = 1.0
    availability: float = 1.0
    home_language: float = 1.0

    @property
    def quality_span(self):
        """The most quality points a pair can earn (and so the most one pair can beat another by)."""
        return self.interests + self.closeness + self.place_of_welcome + self.availability + self.home_language


DEFAULT_WEIGHTS = Weights()


# --- Hard rules, one pair at a time -----------------------------------------------------------


def haversine_km(lat1, lon1, lat2, lon2):
    """Great-circle distance in kilometres between two points given in degrees.

    Not ``directory.geography.distance_m``: that module loads models, and this one must not.
    """
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    half_dlon = math.radians(lon2 - lon1) / 2
    a = math.sin((phi2 - phi1) / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(half_dlon) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, a)))


def _places_both_reach(newcomer, volunteer, places_of_welcome, place_reach_km):
    """Km from the newcomer to each open Place of Welcome within reach of both.

    Within reach of the newcomer: at most ``place_reach_km`` from their home. Within reach of the
    volunteer: at most their ``max_travel_km`` from their home.
    """
    distances = []
    for latitude, longitude in places_of_welcome:
        from_newcomer = haversine_km(newcomer.latitude, newcomer.longitude, latitude, longitude)
        if (
            from_newcomer <= place_reach_km
            and haversine_km(volunteer.latitude, volunteer.longitude, latitude, longitude) <= volunteer.max_travel_km
        ):
            distances.append(from_newcomer)
    return distances


def _not_active(newcomer, volunteer, *, today, places_of_welcome, place_reach_km):
    return not volunteer.active


def _checks_expired(newcomer, volunteer, *, today, places_of_welcome, place_reach_km):
    """DBS, training and references must all be in date on the day of matching (None: never cleared)."""
    return volunteer.checks_valid_until is None or volunteer.checks_valid_until < today


def _no_shared_language(newcomer, volunteer, *, today, places_of_welcome, place_reach_km):
    return not newcomer.languages & volunteer.languages


def _too_far(newcomer, volunteer, *, today, places_of_welcome, place_reach_km):
    distance = haversine_km(newcomer.latitude, newcomer.longitude, volunteer.latitude, volunteer.longitude)
    # An unknown place (nan) is never within reach, as in the whole-pool screen.
    return math.isnan(distance) or distance > volunteer.max_travel_km


def _no_shared_time(newcomer, volunteer, *, today, places_of_welcome, place_reach_km):
    return not newcomer.availability & volunteer.availability


def _no_capacity(newcomer, volunteer, *, today, places_of_welcome, place_reach_km):
    return volunteer.capacity < 1


def _buddy_gender(newcomer, volunteer, *, today, places_of_welcome, place_reach_km):
    return bool(newcomer.buddy_gender) and newcomer.buddy_gender != volunteer.gender


def _no_place_of_welcome_nearby(newcomer, volunteer, *, today, places_of_welcome, place_reach_km):
    return newcomer.meet_only_at_place_of_welcome and not _places_both_reach(
        newcomer, volunteer, places_of_welcome, place_reach_km
    )


RULES = (
    ("not_active", _not_active),
    ("checks_expired", _checks_expired),
    ("no_shared_language", _no_shared_language),
    ("too_far", _too_far),
    ("no_shared_time", _no_shared_time),
    ("no_capacity", _no_capacity),
    ("buddy_gender", _buddy_gender),
    ("no_place_of_welcome_nearby", _no_place_of_welcome_nearby),
)


def blocking_rule(newcomer, volunteer, *, today, places_of_welcome=(), place_reach_km=PLACE_OF_WELCOME_REACH_KM):
    """The code of the first hard rule the pair fails, or None when they may be matched."""
    for code, fails in RULES:
        if fails(newcomer, volunteer, today=today, places_of_welcome=places_of_welcome, place_reach_km=place_reach_km):
            return code
    return None


# --- Score and reasons, one pair at a time ----------------------------------------------------


def _fraction_left(distance, limit):
    """1 at distance 0, falling to 0 at the limit (1 when the limit is 0: only distance 0 is allowed)."""
    return 1.0 if limit <= 0 else max(0.0, 1.0 - distance / limit)


def _waiting_weeks(newcomer):
    return max(0.0, newcomer.waiting_days) / 7


def _home_languages(languages):
    return languages - {ENGLISH}


def _contributions(newcomer, volunteer, *, distance_km, place_km, weights, place_reach_km):
    """Each reason for the pair with the points it earns (a pair's score is ``match`` plus their sum)."""
    shared_languages = newcomer.languages & volunteer.languages
    shared_home = _home_languages(shared_languages)
    interests = newcomer.interests & volunteer.interests
    slots = newcomer.availability & volunteer.availability
    return [
        (
            Reason("waiting", {"days": int(max(0.0, newcomer.waiting_days))}),
            weights.waiting_per_week * _waiting_weeks(newcomer),
        ),
        (
            Reason("interests", {"interests": sorted(interests)}),
            weights.interests * min(len(interests), COUNTED_UP_TO) / COUNTED_UP_TO,
        ),
        (
            Reason("distance", {"km": round(distance_km, 1)}),
            weights.closeness * _fraction_left(distance_km, volunteer.max_travel_km),
        ),
        (
            Reason("place_of_welcome_nearby", {"km": round(place_km, 1) if place_km is not None else None}),
            0.0 if place_km is None else weights.place_of_welcome * _fraction_left(place_km, place_reach_km),
        ),
        (
            Reason("availability", {"slots": _in_week_order(slots)}),
            weights.availability * min(len(slots), COUNTED_UP_TO) / COUNTED_UP_TO,
        ),
        (
            Reason("shared_language", {"languages": sorted(shared_home or shared_languages)}),
            weights.home_language if shared_home else 0.0,
        ),
    ]


def _reasons(contributions):
    """The top three reasons, best first.

    A reason earning no points is left out (no interests in common says nothing), except a shared
    language: every allowed pair has one, so it fills the list when there is room.
    """
    ranked = sorted(
        (
            (points, position, reason)
            for position, (reason, points) in enumerate(contributions)
            if points > 0 or reason.code == "shared_language"
        ),
        key=lambda item: (-item[0], item[1]),
    )
    return tuple(reason for _points, _position, reason in ranked[:3])


def pair_score(
    newcomer, volunteer, *, weights=DEFAULT_WEIGHTS, places_of_welcome=(), place_reach_km=PLACE_OF_WELCOME_REACH_KM
):
    """The points an allowed pair earns (see ``Weights``); the reference the whole-pool matcher agrees with."""
    contributions = _pair_contributions(newcomer, volunteer, weights, places_of_welcome, place_reach_km)
    return weights.match + sum(points for _reason, points in contributions)


def _pair_contributions(newcomer, volunteer, weights, places_of_welcome, place_reach_km):
    places = _places_both_reach(newcomer, volunteer, places_of_welcome, place_reach_km)
    return _contributions(
        newcomer,
        volunteer,
        distance_km=haversine_km(newcomer.latitude, newcomer.longitude, volunteer.latitude, volunteer.longitude),
        place_km=min(places) if places else None,
        weights=weights,
        place_reach_km=place_reach_km,
    )


# --- The whole pool at once -------------------------------------------------------------------


@dataclass
class _Pairs:
    """The allowed pairs of a pool, as parallel arrays over positions in the id-sorted inputs."""

    newcomers: list
    volunteers: list
    newcomer: np.ndarray  # position of the newcomer of each pair
    volunteer: np.ndarray  # position of the volunteer of each pair
    distance_km: np.ndarray
    place_km: np.ndarray  # nan: no Place of Welcome both can reach
    score: np.ndarray


def _bitsets(groups, vocabulary):
    """One row of 64-bit words per group, bit i set when the group holds vocabulary[i]."""
    position = {item: index for index, item in enumerate(vocabulary)}
    bits = np.zeros((len(groups), max(1, -(-len(vocabulary) // 64))), dtype=np.uint64)
    for row, group in enumerate(groups):
        for item in group:
            index = position[item]
            bits[row, index >> 6] |= np.uint64(1) << np.uint64(index & 63)
    return bits


def _shared_bits(left, right):
    """Per pair of rows, the count of bits set in both (rows of words broadcast against each other)."""
    return np.bitwise_count(left & right).sum(axis=-1, dtype=np.int64)


def _any_shared(left, right):
    """Per pair of rows, whether any bit is set in both."""
    shared = left[..., 0] & right[..., 0]
    for word in range(1, left.shape[-1]):
        shared = shared | (left[..., word] & right[..., word])
    return shared != 0


def _haversine_km_array(lat1, lon1, lat2, lon2):
    """``haversine_km`` on arrays of radians (broadcast)."""
    a = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.minimum(1.0, a)))


def _fraction_left_array(distance, limit):
    safe_limit = np.where(limit > 0, limit, 1.0)
    return np.where(limit > 0, np.maximum(0.0, 1.0 - distance / safe_limit), 1.0)


def _allowed_pairs(newcomers, volunteers, *, today, places_of_welcome, excluded_pairs, weights, place_reach_km):
    """Every pair that passes all of ``RULES`` and is not excluded, with its distance, place and score."""
    newcomers = sorted(newcomers, key=lambda newcomer: newcomer.id)
    volunteers = sorted(
        (
            volunteer
            for volunteer in volunteers
            if volunteer.active
            and volunteer.capacity >= 1
            and volunteer.checks_valid_until is not None
            and volunteer.checks_valid_until >= today
        ),
        key=lambda volunteer: volunteer.id,
    )
    empty = np.zeros(0, dtype=np.int64)
    if not newcomers or not volunteers:
        nothing = np.zeros(0)
        return _Pairs(newcomers, volunteers, empty, empty, nothing, nothing, nothing)

    everyone = newcomers + volunteers
    languages = sorted(set().union(*(person.languages for person in everyone)))
    slots = sorted(set().union(*(person.availability for person in everyone)))
    interests = sorted(set().union(*(person.interests for person in everyone)))
    n_languages = _bitsets([newcomer.languages for newcomer in newcomers], languages)
    v_languages = _bitsets([volunteer.languages for volunteer in volunteers], languages)
    n_slots = _bitsets([newcomer.availability for newcomer in newcomers], slots)
    v_slots = _bitsets([volunteer.availability for volunteer in volunteers], slots)
    n_lat = np.radians([newcomer.latitude for newcomer in newcomers])
    n_lon = np.radians([newcomer.longitude for newcomer in newcomers])
    v_lat = np.radians([volunteer.latitude for volunteer in volunteers])
    v_lon = np.radians([volunteer.longitude for volunteer in volunteers])
    v_travel = np.array([volunteer.max_travel_km for volunteer in volunteers], dtype=float)
    genders = {"": 0}
    for person_gender in sorted({newcomer.buddy_gender for newcomer in newcomers} | {v.gender for v in volunteers}):
        genders.setdefault(person_gender, len(genders))
    n_wants = np.array([genders[newcomer.buddy_gender] for newcomer in newcomers])
    # A volunteer who has not said their gender meets no preference: -1 equals no wanted code.
    v_gender = np.array([genders[volunteer.gender] if volunteer.gender else -1 for volunteer in volunteers])

    pair_newcomer, pair_volunteer, pair_distance = [], [], []
    block = max(1, _BLOCK_CELLS // len(newcomers))
    for start in range(0, len(volunteers), block):
        rows = slice(start, start + block)
        allowed = _any_shared(v_languages[rows, None, :], n_languages[None, :, :])
        allowed &= _any_shared(v_slots[rows, None, :], n_slots[None, :, :])
        allowed &= (n_wants[None, :] == 0) | (n_wants[None, :] == v_gender[rows, None])
        volunteer_at, newcomer_at = np.nonzero(allowed)
        volunteer_at += start
        # Distance last, on the pairs the bit tests let through only: trigonometry is the dear part.
        distance = _haversine_km_array(v_lat[volunteer_at], v_lon[volunteer_at], n_lat[newcomer_at], n_lon[newcomer_at])
        near = distance <= v_travel[volunteer_at]
        pair_volunteer.append(volunteer_at[near])
        pair_newcomer.append(newcomer_at[near])
        pair_distance.append(distance[near])
    pn = np.concatenate(pair_newcomer).astype(np.int64)
    pv = np.concatenate(pair_volunteer).astype(np.int64)
    distance = np.concatenate(pair_distance)

    place_km = _nearest_place_both_reach(
        pn, pv, n_lat, n_lon, v_lat, v_lon, v_travel, places_of_welcome, place_reach_km
    )
    keep = ~(np.array([newcomer.meet_only_at_place_of_welcome for newcomer in newcomers])[pn] & np.isnan(place_km))
    if excluded_pairs:
        newcomer_at = {newcomer.id: index for index, newcomer in enumerate(newcomers)}
        volunteer_at = {volunteer.id: index for index, volunteer in enumerate(volunteers)}
        excluded = np.array(
            [
                newcomer_at[n_id] * len(volunteers) + volunteer_at[v_id]
                for n_id, v_id in excluded_pairs
                if n_id in newcomer_at and v_id in volunteer_at
            ],
            dtype=np.int64,
        )
        keep &= ~np.isin(pn * len(volunteers) + pv, excluded)
    pn, pv, distance, place_km = pn[keep], pv[keep], distance[keep], place_km[keep]

    n_interests = _bitsets([newcomer.interests for newcomer in newcomers], interests)
    v_interests = _bitsets([volunteer.interests for volunteer in volunteers], interests)
    home = [language for language in languages if language != ENGLISH]
    n_home = _bitsets([_home_languages(newcomer.languages) for newcomer in newcomers], home)
    v_home = _bitsets([_home_languages(volunteer.languages) for volunteer in volunteers], home)
    n_waiting_weeks = np.array([_waiting_weeks(newcomer) for newcomer in newcomers])
    score = (
        weights.match
        + weights.waiting_per_week * n_waiting_weeks[pn]
        + weights.interests * np.minimum(_shared_bits(n_interests[pn], v_interests[pv]), COUNTED_UP_TO) / COUNTED_UP_TO
        + weights.closeness * _fraction_left_array(distance, v_travel[pv])
        + weights.place_of_welcome
        * np.where(np.isnan(place_km), 0.0, _fraction_left_array(np.nan_to_num(place_km), np.float64(place_reach_km)))
        + weights.availability * np.minimum(_shared_bits(n_slots[pn], v_slots[pv]), COUNTED_UP_TO) / COUNTED_UP_TO
        + weights.home_language * _any_shared(n_home[pn], v_home[pv])
    )
    return _Pairs(newcomers, volunteers, pn, pv, distance, place_km, score)


def _nearest_place_both_reach(pn, pv, n_lat, n_lon, v_lat, v_lon, v_travel, places_of_welcome, place_reach_km):
    """Per pair, km from the newcomer to the nearest Place of Welcome both can reach (nan: none).

    Each newcomer's places within reach are listed nearest first; a pair takes the first of them
    its volunteer can also reach, so the work is pairs x places near one newcomer, not x all places.
    """
    place_km = np.full(len(pn), np.nan)
    if not places_of_welcome or not len(pn):
        return place_km
    p_lat = np.radians([latitude for latitude, _longitude in places_of_welcome])
    p_lon = np.radians([longitude for _latitude, longitude in places_of_welcome])
    newcomer_to_place = _haversine_km_array(n_lat[:, None], n_lon[:, None], p_lat[None, :], p_lon[None, :])
    volunteer_reaches = (
        _haversine_km_array(v_lat[:, None], v_lon[:, None], p_lat[None, :], p_lon[None, :]) <= v_travel[:, None]
    )
    within = newcomer_to_place <= place_reach_km
    order = np.argsort(np.where(within, newcomer_to_place, np.inf), axis=1, kind="stable")
    for rank in range(int(within.sum(axis=1).max())):
        place = order[pn, rank]
        open_pair = np.isnan(place_km) & within[pn, place] & volunteer_reaches[pv, place]
        place_km[open_pair] = newcomer_to_place[pn[open_pair], place[open_pair]]
    return place_km


def _optimal(pairs):
    """Indices of the pairs in an assignment of maximum total score (exact).

    Rows are newcomers, columns are volunteer slots (a volunteer offering c places has c identical
    columns) plus one "stays waiting" column per newcomer. Minimising cost C - score with the
    waiting column at cost C (score 0) over full matchings maximises the total score. Every cost is
    at least 1, as the sparse solver reads a stored zero as a missing edge.
    """
    if not len(pairs.score):
        return np.zeros(0, dtype=np.int64)
    rows, pn = np.unique(pairs.newcomer, return_inverse=True)
    # The solver augments row by row; rows whose best pair scores highest go first, which makes
    # it several times faster (they mostly keep their first choice, so later paths stay short).
    best = np.full(len(rows), -np.inf)
    np.maximum.at(best, pn, pairs.score)
    row_order = np.argsort(-best, kind="stable")
    row_of = np.empty_like(row_order)
    row_of[row_order] = np.arange(len(row_order))
    pn = row_of[pn]
    columns, pv = np.unique(pairs.volunteer, return_inverse=True)
    # A volunteer never needs more slots than newcomers they could take.
    capacity = np.minimum(
        np.array([pairs.volunteers[position].capacity for position in columns]), np.bincount(pv, minlength=len(columns))
    )
    first_slot = np.concatenate(([0], np.cumsum(capacity)[:-1]))
    slots = int(capacity.sum())
    copies = capacity[pv]
    edge = np.repeat(np.arange(len(pn)), copies)
    slot_of_copy = np.arange(len(edge)) - np.repeat(np.cumsum(copies) - copies, copies)
    ceiling = float(pairs.score.max()) + 1.0
    cost = csr_array(
        (
            np.concatenate((ceiling - pairs.score[edge], np.full(len(rows), ceiling))),
            (
                np.concatenate((pn[edge], np.arange(len(rows)))),
                np.concatenate((first_slot[pv[edge]] + slot_of_copy, slots + np.arange(len(rows)))),
            ),
        ),
        shape=(len(rows), slots + len(rows)),
    )
    matched_rows, matched_columns = min_weight_full_bipartite_matching(cost)
    real = matched_columns < slots
    matched_rows, matched_columns = matched_rows[real], matched_columns[real]
    volunteer_of_slot = np.repeat(np.arange(len(columns)), capacity)
    # Each (row, volunteer) is one pair: find its index among the pairs by a sorted key.
    key = pn * len(columns) + pv
    order = np.argsort(key, kind="stable")
    wanted = matched_rows * len(columns) + volunteer_of_slot[matched_columns]
    return order[np.searchsorted(key, wanted, sorter=order)]


def _greedy(pairs):
    """Indices of the pairs chosen best score first, skipping any pair whose people are taken."""
    order = np.lexsort((pairs.volunteer, pairs.newcomer, -pairs.score))
    left = [volunteer.capacity for volunteer in pairs.volunteers]
    matched = set()
    chosen = []
    for index in order.tolist():
        newcomer, volunteer = int(pairs.newcomer[index]), int(pairs.volunteer[index])
        if newcomer not in matched and left[volunteer] > 0:
            matched.add(newcomer)
            left[volunteer] -= 1
            chosen.append(index)
    return np.array(chosen, dtype=np.int64)


def _proposals(pairs, chosen, weights, place_reach_km):
    proposals = []
    for index in chosen.tolist():
        newcomer = pairs.newcomers[pairs.newcomer[index]]
        volunteer = pairs.volunteers[pairs.volunteer[index]]
        place_km = float(pairs.place_km[index])
        contributions = _contributions(
            newcomer,
            volunteer,
            distance_km=float(pairs.distance_km[index]),
            place_km=None if math.isnan(place_km) else place_km,
            weights=weights,
            place_reach_km=place_reach_km,
        )
        proposals.append(Proposal(newcomer.id, volunteer.id, float(pairs.score[index]), _reasons(contributions)))
    proposals.sort(key=lambda proposal: (-proposal.score, proposal.newcomer_id))
    return proposals


def propose(
    newcomers: Iterable[Newcomer],
    volunteers: Iterable[Volunteer],
    *,
    today: datetime.date,
    places_of_welcome: Sequence[tuple[float, float]] = (),
    excluded_pairs: frozenset[tuple[int, int]] = frozenset(),
    weights: Weights = DEFAULT_WEIGHTS,
    place_reach_km: float = PLACE_OF_WELCOME_REACH_KM,
) -> list[Proposal]:
    """The proposals of greatest total score for the whole pool, highest score first.

    Each newcomer gets at most one volunteer, each volunteer at most ``capacity`` newcomers, and
    only pairs allowed by every rule and not in ``excluded_pairs`` (newcomer id, volunteer id) are
    proposed. The same input always gives the same proposals, whatever the order of the inputs.
    """
    pairs = _allowed_pairs(
        newcomers,
        volunteers,
        today=today,
        places_of_welcome=tuple(places_of_welcome),
        excluded_pairs=excluded_pairs,
        weights=weights,
        place_reach_km=place_reach_km,
    )
    return _proposals(pairs, _optimal(pairs), weights, place_reach_km)


def propose_greedily(
    newcomers: Iterable[Newcomer],
    volunteers: Iterable[Volunteer],
    *,
    today: datetime.date,
    places_of_welcome: Sequence[tuple[float, float]] = (),
    excluded_pairs: frozenset[tuple[int, int]] = frozenset(),
    weights: Weights = DEFAULT_WEIGHTS,
    place_reach_km: float = PLACE_OF_WELCOME_REACH_KM,
) -> list[Proposal]:
    """The baseline ``propose`` is measured against: take the best remaining pair until none is left.

    Same rules and scores as ``propose``; it can lose total score (and matches) because an early
    pick may take the only volunteer another newcomer could have had.
    """
    pairs = _allowed_pairs(
        newcomers,
        volunteers,
        today=today,
        places_of_welcome=tuple(places_of_welcome),
        excluded_pairs=excluded_pairs,
        weights=weights,
        place_reach_km=place_reach_km,
    )
    return _proposals(pairs, _greedy(pairs), weights, place_reach_km)


# --- Sentences ----------------------------------------------------------------------------------

SLOT_LABELS = {
    "mon_morning": _("Monday mornings"),
    "mon_afternoon": _("Monday afternoons"),
    "mon_evening": _("Monday evenings"),
    "tue_morning": _("Tuesday mornings"),
    "tue_afternoon": _("Tuesday afternoons"),
    "tue_evening": _("Tuesday evenings"),
    "wed_morning": _("Wednesday mornings"),
    "wed_afternoon": _("Wednesday afternoons"),
    "wed_evening": _("Wednesday evenings"),
    "thu_morning": _("Thursday mornings"),
    "thu_afternoon": _("Thursday afternoons"),
    "thu_evening": _("Thursday evenings"),
    "fri_morning": _("Friday mornings"),
    "fri_afternoon": _("Friday afternoons"),
    "fri_evening": _("Friday evenings"),
    "sat_morning": _("Saturday mornings"),
    "sat_afternoon": _("Saturday afternoons"),
    "sat_evening": _("Saturday evenings"),
    "sun_morning": _("Sunday mornings"),
    "sun_afternoon": _("Sunday afternoons"),
    "sun_evening": _("Sunday evenings"),
}
_SLOT_ORDER = {slot: position for position, slot in enumerate(SLOT_LABELS)}


def _in_week_order(slots):
    return sorted(slots, key=lambda slot: (_SLOT_ORDER.get(slot, len(_SLOT_ORDER)), slot))


def _language_name(code):
    # Imported here, not at the top: the engine must load without Django's app registry.
    from directory.search import LANGUAGE_NAMES

    return str(LANGUAGE_NAMES.get(code, code))


def _interest_name(slug):
    from directory.taxonomy import LABELS

    return str(LABELS.get(slug, slug))


def _listed(items):
    return get_text_list([str(item) for item in items], last_word=gettext("and"))


def reason_text(reason: Reason) -> str:
    """The reason as a plain sentence in the active language, e.g. "Both speak Polish"."""
    params = reason.params
    if reason.code == "shared_language":
        return gettext("Both speak %(languages)s") % {"languages": _listed(map(_language_name, params["languages"]))}
    if reason.code == "interests":
        # Joined with commas, not "and": category names hold "and" themselves ("Sport and leisure").
        return gettext("Shared interests: %(interests)s") % {
            "interests": ", ".join(map(_interest_name, params["interests"]))
        }
    if reason.code == "distance":
        if params["km"] < 0.1:
            return gettext("Live less than 0.1 km apart")
        return gettext("Live %(km)s km apart") % {"km": number_format(params["km"], 1)}
    if reason.code == "waiting":
        days = params["days"]
        if days >= 14:
            weeks = days // 7
            return ngettext("Has waited %(count)d week", "Has waited %(count)d weeks", weeks) % {"count": weeks}
        return ngettext("Has waited %(count)d day", "Has waited %(count)d days", days) % {"count": days}
    if reason.code == "place_of_welcome_nearby":
        return gettext("A Place of Welcome is %(km)s km away") % {"km": number_format(params["km"], 1)}
    if reason.code == "availability":
        return gettext("Both free on %(slots)s") % {
            "slots": _listed(str(SLOT_LABELS.get(slot, slot)) for slot in params["slots"])
        }
    raise ValueError(f"No sentence for reason {reason.code!r}")
