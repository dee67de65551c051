"""A count hidden from the public cannot be recovered by subtracting the shown figures from a total."""

import csv
import io
import re

import pytest
from django.urls import reverse

from insights import census
from insights.services import segregation
from places import disclosure

pytestmark = pytest.mark.django_db

GROUPS = ("Asian", "Black", "Mixed", "Other", "White")
HIDDEN = {"Fewer than 5", "Not shown"}


@pytest.fixture
def computed(walsall):
    segregation.indices_recompute(iterations=2)


def public_csv(client, geography, measure):
    response = client.get(reverse("insights:area_map_csv", kwargs={"geography": geography, "measure": measure}))
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def published(client, geography):
    """{area: {group: count or label, "total": ...}} as the public CSVs give them, one per group."""
    areas = {}
    for group in GROUPS:
        for row in public_csv(client, geography, f"share-{group.lower()}"):
            area = areas.setdefault(row["area_code"], {"total": row["all_residents"]})
            assert area["total"] == row["all_residents"]  # the same hidden set in every CSV
            area[group] = row["group_residents"]
            area[f"share:{group}"] = row[f"share_{group.lower()}_percent"]
            area[f"lq:{group}"] = None
    for group in GROUPS:
        for row in public_csv(client, geography, f"lq-{group.lower()}"):
            areas[row["area_code"]][f"lq:{group}"] = row[f"lq_{group.lower()}"]
    for row in public_csv(client, geography, "local-entropy"):
        areas[row["area_code"]]["entropy"] = row["local_entropy"]
    return areas


def true_counts(geography):
    frame = census.ethnicity_counts(2021, geography)
    return {code: {group: int(frame.loc[code, group]) for group in GROUPS} for code in frame.index}


def feasible(hidden_true, known_sum):
    """Every value each hidden cell could take, given the sum and what the labels say (0-4, or 5 and more)."""
    cells = list(hidden_true)
    ranges = [range(5) if hidden_true[cell] < 5 else range(5, known_sum + 1) for cell in cells]
    options = {cell: set() for cell in cells}

    def walk(index, chosen, remaining):
        if index == len(cells) - 1:
            if remaining in ranges[index]:
                for cell, value in zip(cells, [*chosen, remaining], strict=True):
                    options[cell].add(value)
            return
        for value in ranges[index]:
            if value > remaining:
                break
            walk(index + 1, [*chosen, value], remaining - value)

    walk(0, [], known_sum)
    return options


@pytest.mark.parametrize("geography", ["lsoa", "ward"])
def test_subtracting_the_shown_groups_from_the_total_recovers_no_hidden_count(client, computed, geography):
    areas = published(client, geography)
    truth = true_counts(geography)
    checked = 0
    for code, area in areas.items():
        hidden = [group for group in GROUPS if area[group] in HIDDEN]
        if not hidden:
            assert area["entropy"] not in HIDDEN
            continue
        checked += 1
        shown = sum(int(area[group]) for group in GROUPS if group not in hidden)
        left = int(area["total"]) - shown  # what the subtraction gives: only the sum of the hidden cells
        assert len(hidden) >= 2, (code, hidden)
        for group in hidden:
            assert area[group] == ("Fewer than 5" if truth[code][group] < 5 else "Not shown")
            assert area[f"share:{group}"] == "Not shown" and area[f"lq:{group}"] == "Not shown"
        options = feasible({group: truth[code][group] for group in hidden}, left)
        assert all(len(values) > 1 for values in options.values()), (code, options)
        assert area["entropy"] == "Not shown"  # the mix of groups would give the composition away
    if geography == "lsoa":
        assert checked > 1, "some Walsall LSOAs have a group of fewer than 5"


def test_e01010301_other_can_no_longer_be_worked_out(client, computed):
    area = published(client, "lsoa")["E01010301"]

    assert area["Other"] == "Fewer than 5"
    assert area["Asian"] == "Not shown"  # the next smallest group (15, tied with Black)
    assert int(area["total"]) - sum(int(area[g]) for g in ("Black", "Mixed", "White")) == 4 + 15
    assert area["entropy"] == "Not shown"


def test_a_ward_minus_its_shown_neighbourhoods_recovers_no_hidden_count(client, computed):
    """A ward is the sum of its neighbourhoods, so a ward's count is a total too."""
    lsoas, wards = published(client, "lsoa"), published(client, "ward")
    truth = true_counts("lsoa")
    members = {}
    for lsoa, ward in census.lsoa_wards(2021).items():
        members.setdefault(ward, []).append(lsoa)
    for ward, codes in members.items():
        for group in GROUPS:
            hidden = [code for code in codes if lsoas[code][group] in HIDDEN]
            if wards[ward][group] in HIDDEN or not hidden:
                assert wards[ward][group] not in HIDDEN or hidden or len(codes) == 0
                continue
            left = int(wards[ward][group]) - sum(int(lsoas[code][group]) for code in codes if code not in hidden)
            options = feasible({code: truth[code][group] for code in hidden}, left)
            assert all(len(values) > 1 for values in options.values()), (ward, group, options)


def test_the_ward_profile_hides_the_same_groups_as_the_ward_maps(client, computed):
    wards = published(client, "ward")
    for code, area in wards.items():
        response = client.get(reverse("insights:ward_profile_csv", kwargs={"gss_code": code}))
        rows = {row["measure"]: row for row in csv.DictReader(io.StringIO(response.content.decode()))}
        labels = {
            "Asian": "Asian",
            "Black": "Black",
            "Mixed": "Mixed or multiple ethnic groups",
            "Other": "Other ethnic group",
            "White": "White",
        }
        for group, label in labels.items():
            assert rows[label]["ward_count"] == area[group]


def test_staff_see_every_count(client, computed):
    from accounts.roles import Role
    from accounts.tests.factories import UserFactory

    client.force_login(UserFactory(roles=[Role.INTEGRATION_OFFICER], with_totp=True))
    areas = published(client, "lsoa")
    assert all(re.fullmatch(r"\d+", area[group]) for area in areas.values() for group in GROUPS)
    assert areas["E01010301"]["Other"] == "4"


# The rule on constructed lines ------------------------------------------------------------------------


def row(total, **parts):
    counts = {"total": total, **parts}
    return counts, [disclosure.Line("total", list(parts))]


def test_one_small_cell_takes_the_next_smallest_with_it():
    counts, lines = row(100, a=3, b=10, c=20, d=67)
    assert disclosure.hidden_cells(counts, lines) == {"a", "b"}


def test_two_cells_of_4_would_give_themselves_away_by_their_sum():
    counts, lines = row(100, a=4, b=4, c=20, d=72)
    assert disclosure.hidden_cells(counts, lines) == {"a", "b", "c"}


def test_a_zero_beside_a_five_would_give_itself_away():
    counts, lines = row(100, a=0, b=5, c=20, d=75)
    assert disclosure.hidden_cells(counts, lines) == {"a", "b", "c"}


def test_small_cells_whose_sum_leaves_room_need_no_complement():
    counts, lines = row(1000, a=0, b=0, c=1, d=2, e=997)
    assert disclosure.hidden_cells(counts, lines) == {"a", "b", "c", "d"}


def test_a_hidden_total_cannot_be_added_back_up():
    counts = {"ward": 3, "x": 1, "y": 1, "z": 1}
    lines = [disclosure.Line("ward", ["x", "y", "z"])]
    assert disclosure.hidden_cells(counts, lines) == {"ward", "x", "y", "z"}
    counts = {"ward": 4, "x": 0, "y": 0, "z": 4}  # x + y + z = 4 with each 0-4 leaves several ways
    assert disclosure.hidden_cells(counts, lines) == {"ward", "x", "y", "z"}
    counts = {"ward": 40, "x": 2, "y": 18, "z": 20}
    assert disclosure.hidden_cells(counts, lines) == {"x", "y"}


def test_crossing_lines_are_checked_again_until_none_changes():
    counts = {
        ("r1", "t"): 100, ("r1", "a"): 3, ("r1", "b"): 40, ("r1", "c"): 57,
        ("r2", "t"): 100, ("r2", "a"): 30, ("r2", "b"): 30, ("r2", "c"): 40,
    }  # fmt: skip
    lines = [
        disclosure.Line(("r1", "t"), [("r1", "a"), ("r1", "b"), ("r1", "c")]),
        disclosure.Line(("r2", "t"), [("r2", "a"), ("r2", "b"), ("r2", "c")]),
        disclosure.Line(None, []),
        disclosure.Line(("w", "a"), [("r1", "a"), ("r2", "a")]),
    ]
    counts[("w", "a")] = 33
    hidden = disclosure.hidden_cells(counts, lines)
    # r1: a is small, b the next smallest; column a: r2's a must go too; then r2 needs a second cell.
    assert hidden == {("r1", "a"), ("r1", "b"), ("r2", "a"), ("r2", "b")}
