from datetime import date

import numpy as np
import pytest

from insights.models import AsbIncident
from insights.selectors import asb

pytestmark = pytest.mark.django_db

MARCH, APRIL, MAY, JUNE = (date(2024, month, 1) for month in (3, 4, 5, 6))


def add(ward_code, month, count, source=AsbIncident.Source.POLICE_UK):
    AsbIncident.objects.bulk_create(
        AsbIncident(source=source, month=month, ward_code=ward_code, lsoa21_code="") for _ in range(count)
    )


def busy_elsewhere(ward, months, count=20, source=AsbIncident.Source.POLICE_UK):
    """Incidents in every other ward, as in real months: else the ward is Walsall's whole count, and
    showing it would tell that every other ward (shown as "fewer than 5") had none."""
    for summary in asb.asb_wards():
        if summary.ward.gss_code != ward.ward.gss_code:
            for month in months:
                add(summary.ward.gss_code, month, count, source)


def two_wards():
    summaries = [s for s in asb.asb_wards() if s.population]
    return summaries[0], summaries[1]


def test_rates_are_per_1000_residents_of_the_wards_census_2021_population(walsall):
    ward, _other = two_wards()
    add(ward.ward.gss_code, MARCH, 30)
    add(ward.ward.gss_code, APRIL, 12)
    busy_elsewhere(ward, [MARCH, APRIL])

    trends = asb.asb_trends(asb.asb_geography(ward.ward.gss_code))

    police = trends.police
    assert trends.geography.population == ward.population
    assert [(f.month, f.count) for f in police.figures] == [(MARCH, 30), (APRIL, 12)]
    assert police.figures[0].rate == pytest.approx(30 / ward.population * 1000)
    assert police.figures[1].rate == pytest.approx(12 / ward.population * 1000)


def test_all_of_walsall_counts_every_ward_over_the_whole_population(walsall):
    first, second = two_wards()
    add(first.ward.gss_code, MARCH, 20)
    add(second.ward.gss_code, MARCH, 15)

    geography = asb.asb_geography("")
    trends = asb.asb_trends(geography)

    population = sum(s.population for s in asb.asb_wards())
    assert (geography.code, geography.population) == ("", population)
    assert trends.police.figures[0].count == 35
    assert trends.police.figures[0].rate == pytest.approx(35 / population * 1000)


def test_a_month_with_no_incident_in_the_ward_counts_as_zero(walsall):
    first, second = two_wards()
    add(first.ward.gss_code, MARCH, 10)
    add(second.ward.gss_code, APRIL, 10)
    add(first.ward.gss_code, MAY, 10)

    trends = asb.asb_trends(asb.asb_geography(first.ward.gss_code), show_small_numbers=True)

    assert [(f.month, f.count) for f in trends.police.figures] == [(MARCH, 10), (APRIL, 0), (MAY, 10)]


def test_police_and_platform_figures_are_separate_series(walsall):
    ward, _other = two_wards()
    add(ward.ward.gss_code, MARCH, 10)
    add(ward.ward.gss_code, MARCH, 7, source=AsbIncident.Source.PLATFORM)
    busy_elsewhere(ward, [MARCH])
    busy_elsewhere(ward, [MARCH], source=AsbIncident.Source.PLATFORM)

    trends = asb.asb_trends(asb.asb_geography(ward.ward.gss_code))

    assert {s.source: s.figures[0].count for s in trends.series} == {"police_uk": 10, "platform": 7}


def test_the_public_sees_fewer_than_5_as_hidden_with_no_rate_or_trend(walsall):
    ward, _other = two_wards()
    for month, count in [(MARCH, 20), (APRIL, 3), (MAY, 25), (JUNE, 30)]:
        add(ward.ward.gss_code, month, count)
    busy_elsewhere(ward, [MARCH, APRIL, MAY, JUNE])
    geography = asb.asb_geography(ward.ward.gss_code)

    public = asb.asb_trends(geography).police
    staff = asb.asb_trends(geography, show_small_numbers=True).police

    assert [f.count for f in public.figures] == [20, None, 25, 30]
    assert public.figures[1].rate is None
    assert public.trend is None and public.trend_withheld
    assert all(f.fitted is None for f in public.figures)
    assert [f.count for f in staff.figures] == [20, 3, 25, 30]
    assert staff.figures[1].rate == pytest.approx(3 / ward.population * 1000)
    assert staff.trend is not None


def test_an_unknown_ward_code_is_no_geography(walsall):
    assert asb.asb_geography("E05999999") is None


def test_the_trend_is_the_least_squares_line():
    values = [2.0, 4.0, 3.0, 5.0, 6.0]

    trend = asb.linear_trend(values)

    slope, intercept = np.polyfit(np.arange(5), values, 1)
    assert trend.slope == pytest.approx(0.9)
    assert (trend.slope, trend.intercept) == (pytest.approx(slope), pytest.approx(intercept))
    assert trend.fitted == pytest.approx([intercept + slope * x for x in range(5)])
    assert trend.direction == "rising"


def test_a_constructed_falling_and_a_flat_series_read_as_falling_and_level():
    assert asb.linear_trend([9, 7, 5, 3]).slope == pytest.approx(-2)
    assert asb.linear_trend([9, 7, 5, 3]).direction == "falling"
    assert asb.linear_trend([4, 4, 4, 4]).direction == "level"


def test_fewer_than_3_months_make_no_trend():
    assert asb.linear_trend([1, 2]) is None


def test_the_trend_of_a_ward_is_on_its_rate(walsall):
    ward, _other = two_wards()
    for month, count in [(MARCH, 10), (APRIL, 20), (MAY, 30)]:
        add(ward.ward.gss_code, month, count)
    busy_elsewhere(ward, [MARCH, APRIL, MAY])

    police = asb.asb_trends(asb.asb_geography(ward.ward.gss_code)).police

    assert police.trend_of == "rate"
    assert police.trend.slope == pytest.approx(10 / ward.population * 1000)


def public_counts(month_counts, source=AsbIncident.Source.POLICE_UK):
    """{ward code: public count} of one month whose ward counts are given, and Walsall's."""
    wards = [summary.ward.gss_code for summary in asb.asb_wards()]
    for code, count in zip(wards, month_counts, strict=False):
        add(code, MARCH, count, source)
    shown = {code: asb.asb_trends(asb.asb_geography(code)).police.figures[0].count for code in wards}
    return wards, shown, asb.asb_trends(asb.asb_geography("")).police.figures[0].count


def test_a_month_with_one_ward_hidden_hides_the_next_smallest_ward_too(walsall):
    counts = [3, 12, 9, *[40 + n for n in range(17)]]  # one ward under 5; the next smallest is the 9
    wards, shown, walsall_count = public_counts(counts)

    assert walsall_count == sum(counts)
    hidden = [code for code in wards if shown[code] is None]
    assert hidden == [wards[0], wards[2]]
    assert walsall_count - sum(count for count in shown.values() if count is not None) == 3 + 9  # only the sum
    figures = {code: asb.asb_trends(asb.asb_geography(code)).police.figures[0] for code in hidden}
    assert figures[wards[0]].small and not figures[wards[2]].small  # "fewer than 5", and "not shown"
    staff = asb.asb_trends(asb.asb_geography(wards[2]), show_small_numbers=True).police.figures[0]
    assert staff.count == 9


def test_a_month_with_two_wards_hidden_needs_no_more(walsall):
    counts = [3, 2, 9, *[40 + n for n in range(17)]]
    wards, shown, _walsall = public_counts(counts)

    assert [code for code in wards if shown[code] is None] == wards[:2]


def test_a_hidden_ward_month_withholds_that_wards_trend(walsall):
    wards = list(asb.asb_wards())
    for month in (MARCH, APRIL, MAY):
        for position, summary in enumerate(wards):
            add(summary.ward.gss_code, month, 2 if position == 0 and month == APRIL else 30 + position)
    complement = asb.asb_trends(asb.asb_geography(wards[1].ward.gss_code)).police

    assert [figure.count for figure in complement.figures] == [31, None, 31]
    assert complement.trend is None and complement.trend_withheld


def test_the_page_says_why_the_complement_ward_is_not_shown(client, walsall):
    from django.urls import reverse

    wards = list(asb.asb_wards())
    for month in (MARCH, APRIL, MAY):
        for position, summary in enumerate(wards):
            add(summary.ward.gss_code, month, 2 if position == 0 and month == APRIL else 30 + position)

    html = client.get(reverse("insights:asb_trends"), {"ward": wards[1].ward.gss_code}).content.decode()

    assert "not shown" in html
    assert "the next smallest ward is “not shown” too" in html
    assert "no trend is shown, because some months' figures are not shown" in html.replace("&#x27;", "'")
