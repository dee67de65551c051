"""Ward pages in every language: tables reflow on a phone; labels, dates and numbers read in the page's language."""

import re
from datetime import date

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import trans_real

from places import labels, selectors

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "pl", "ro", "pa", "ur", "bn", "ar"]


@pytest.fixture(autouse=True)
def _restore_language():
    """A request to /pl/ or /ar/ leaves its language active in this thread: put it back for the next test."""
    language = translation.get_language()
    yield
    translation.activate(language)


@pytest.fixture
def polish_catalogue(monkeypatch):
    """Give the Polish catalogue some entries for the data labels (the real translations are added separately)."""

    def add(entries):
        translation_ = trans_real.translation("pl")
        catalogue = trans_real.TranslationCatalog()
        catalogue._catalogs = [dict(entries), *translation_._catalog._catalogs]
        catalogue._plurals = [translation_._catalog._plurals[0], *translation_._catalog._plurals]
        monkeypatch.setattr(translation_, "_catalog", catalogue)

    return add


def _page(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


# 1. Reflow: wide tables scroll inside the page, the map scales to the screen -------------------------------


@pytest.mark.parametrize("name, args", [("places:ward_list", []), ("places:ward_detail", ["E05001301"])])
def test_every_table_is_in_a_scroll_box_and_the_map_has_no_fixed_size(client, walsall, name, args):
    html = _page(client, reverse(name, args=args))
    tables = html.count("<table")
    assert tables >= 1
    boxes = re.findall(r'<div class="app-table-scroll[^"]*"[^>]*>\s*<table', html)
    assert len(boxes) == tables
    for box in re.findall(r'<div class="app-table-scroll[^"]*"[^>]*>', html):
        label = re.search(r'aria-labelledby="([^"]+)"', box)
        assert label and f'id="{label[1]}"' in html and 'tabindex="0"' in box and 'role="region"' in box
    svg = re.search(r"<svg[^>]*>", html)[0]
    assert 'class="app-map"' in svg and 'viewBox="0 0 600 ' in svg
    assert not re.search(r"\s(width|height)=", svg)


# 2. Data labels: stored as published, shown in the page's language ----------------------------------------


def test_census_categories_sources_and_the_boundary_set_are_shown_translated(client, walsall, polish_catalogue):
    polish_catalogue(
        {
            "White": "Biała",
            "Asian, Asian British or Asian Welsh": "Azjatycka",
            "ONS Census %(year)s, table %(table)s (Nomis)": "Spis ONS %(year)s, tabela %(table)s (Nomis)",
            "Walsall wards from %(start)s to %(end)s": "Okręgi Walsall od %(start)s do %(end)s",
            "%(file)s (ONS/OS boundaries, %(year)s codes)": "%(file)s (granice ONS/OS, kody z %(year)s)",
            "Census 2021, table TS021 (ONS, Nomis): all usual residents": "Spis 2021, tabela TS021: mieszkańcy",
        }
    )
    html = _page(client, "/pl/wards/E05001301/")
    assert re.search(r'<th scope="row" class="govuk-table__header">Biała</th>', html)
    assert re.search(r'<th scope="row" class="govuk-table__header">Azjatycka</th>', html)
    assert ">White<" not in html
    assert "Spis ONS 2021, tabela TS021 (Nomis)" in html and "ONS Census 2021 TS021" not in html
    assert "Okręgi Walsall od 2004 do 2026" in html and "Walsall wards 2004–2026" not in html
    assert "boundaries_wards13.geojson (granice ONS/OS, kody z 2013)" in html
    assert "Spis 2021, tabela TS021: mieszkańcy" in html
    listing = _page(client, "/pl/wards/")
    assert "Okręgi Walsall od 2004 do 2026" in listing and "Walsall wards 2004–2026" not in listing
    # The data itself is kept as published.
    assert selectors.ward_profile(selectors.ward_get(walsall, "E05001301")).ethnic_groups[0][0] == "White"
    assert walsall.name == "Walsall wards 2004–2026"


def test_english_pages_show_the_official_labels_and_unknown_text_as_stored(client, walsall):
    html = _page(client, "/wards/E05001301/")
    assert '<th scope="row" class="govuk-table__header">White</th>' in html
    assert "Source: ONS Census 2021, table TS021 (Nomis)" in html
    assert "Walsall wards from 2004 to 2026" in html
    assert labels.census_category("Any other ethnic group") == "Any other ethnic group"
    assert labels.census_source("Somebody's survey") == "Somebody's survey"
    assert labels.generation_source("wards.geojson") == "wards.geojson"


# 3. Dates: the language's own month forms ------------------------------------------------------------------


def test_polish_dates_use_the_genitive_month(client, walsall):
    html = _page(client, "/pl/wards/E05001301/")
    assert "10 czerwca 2004" in html and "6 maja 2026" in html
    assert "Czerwiec" not in html
    assert "until 6 May 2026" in _page(client, "/wards/E05001301/")


def test_no_places_template_hardcodes_a_month_name_format():
    from pathlib import Path

    for template in (Path(__file__).resolve().parents[1] / "templates").rglob("*.html"):
        assert not re.search(r'date:"[^"]*F', template.read_text()), template


# 4. Numbers: digits grouped in every language ---------------------------------------------------------------


@pytest.mark.parametrize(
    "language, expected",
    [("en", "14,695"), ("pl", "14\xa0695"), ("ro", "14.695"), ("ur", "14,695"), ("ar", "14\u066c695")],
)
def test_populations_have_grouped_digits(client, walsall, language, expected):
    prefix = "" if language == "en" else f"/{language}"
    listing = _page(client, f"{prefix}/wards/")
    row = re.search(r"Aldridge Central and South</a></th>(.*?)</tr>", listing, re.S)[1]
    assert f">{expected}<" in row
    detail = _page(client, f"{prefix}/wards/E05001301/")
    assert f">{expected}<" in detail


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_grouped_filter_groups_digits_in_every_language(language):
    template = Template("{% load places_display %}{{ n|grouped }}|{{ small|grouped }}|{{ missing|grouped }}")
    with translation.override(language):
        text = template.render(Context({"n": 1234567, "small": 9, "missing": None}))
    big, small, missing = text.split("|")
    assert re.fullmatch(r"1\D234\D567", big), big
    assert small == "9" and missing == "None"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "14,695"), ("pl", "14\xa0695"), ("ro", "14.695"), ("ar", "14\u066c695"), ("ur", "14,695")],
)
def test_the_grouping_mark_is_never_the_decimal_mark(language, expected):
    """Arabic's formats give a comma as decimal mark: "14,695" beside "6,4%" would read as 14.695."""
    template = Template("{% load places_display %}{{ n|grouped }}")
    with translation.override(language):
        text = template.render(Context({"n": 14695}))
        decimal = formats.get_format("DECIMAL_SEPARATOR")
    assert text == expected
    assert decimal not in text


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "January 2024"), ("pl", "styczeń 2024"), ("ro", "ianuarie 2024"), ("ar", "يناير 2024")],
)
def test_a_month_inside_a_sentence_is_written_as_the_language_writes_it(language, expected):
    template = Template("{% load places_display %}{{ month|month_year }}")
    with translation.override(language):
        assert template.render(Context({"month": date(2024, 1, 1)})) == expected


# 5. The find page reads the generation in force once ---------------------------------------------------------


def test_finding_a_ward_reads_the_generation_in_force_once(client, walsall, monkeypatch):
    calls = []
    original = selectors.generation_in_force

    def counted(*args, **kwargs):
        calls.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(selectors, "generation_in_force", counted)
    html = _page(client, reverse("places:find_ward") + "?postcode=WS9+9ZA")
    assert "Aldridge Central and South" in html
    assert len(calls) == 1
