"""Dates are typed into day, month and year boxes, with the GOV.UK messages when something is wrong."""

import datetime
import re

import pytest
from django import forms
from django.template import Context, Template
from django.utils import timezone

from core.date_input import GovukDateField


class DateForm(forms.Form):
    met_on = GovukDateField(label="Date you met", not_future=True)
    renews_on = GovukDateField(label="Date it renews", required=False, not_past=True)


class QuestionForm(forms.Form):
    happened_on = GovukDateField(
        label="What was the date?", error_name="The date it happened", first_year=2000, last_year=2050
    )


def typed(day="", month="", year="", **others):
    return {"met_on_day": day, "met_on_month": month, "met_on_year": year, **others}


@pytest.mark.parametrize(
    ("data", "message", "boxes_in_error"),
    [
        (typed(), "Enter the date", ("day", "month", "year")),
        (typed("27", "", "2025"), "Date you met must include a month", ("month",)),
        (typed("", "3", "2025"), "Date you met must include a day", ("day",)),
        (typed("27", "3", ""), "Date you met must include a year", ("year",)),
        (typed("", "", "2025"), "Date you met must include a day and month", ("day", "month")),
        (typed("", "3", ""), "Date you met must include a day and year", ("day", "year")),
        (typed("27", "", ""), "Date you met must include a month and year", ("month", "year")),
        (typed("31", "2", "2026"), "Date you met must be a real date", ("day", "month", "year")),
        (typed("32", "1", "2025"), "Date you met must be a real date", ("day",)),
        (typed("1", "13", "2025"), "Date you met must be a real date", ("month",)),
        (typed("1", "1", "2O25"), "Date you met must be a real date", ("year",)),
        (typed("١", "1", "2025"), "Date you met must be a real date", ("day",)),  # Arabic-Indic digit
        (typed("1", "1", "25"), "Year must include 4 numbers", ("year",)),
        (typed("1", "1", "99999999999999999999999"), "Year must include 4 numbers", ("year",)),
        (typed("1", "1", "1899"), "Date you met must be between 1900 and 2100", ("year",)),
        (typed("1", "1", "2099"), "Date you met must be today or in the past", ("day", "month", "year")),
        (typed("1", "1", "9999"), "Date you met must be today or in the past", ("day", "month", "year")),
    ],
)
def test_a_wrong_date_gets_the_govuk_message_on_the_boxes_at_fault_and_keeps_what_was_typed(
    data, message, boxes_in_error
):
    form = DateForm(data)

    assert not form.is_valid()
    assert form.errors["met_on"] == [message]
    assert form.fields["met_on"].parts_at_fault == boxes_in_error
    assert form["met_on"].value() == [data["met_on_day"], data["met_on_month"], data["met_on_year"]]


def test_a_date_that_must_not_be_past_says_so():
    form = DateForm(typed("1", "1", "2025", renews_on_day="1", renews_on_month="1", renews_on_year="2020"))

    assert form.errors == {"renews_on": ["Date it renews must be today or in the future"]}


@pytest.mark.parametrize(
    ("year", "message"),
    [
        ("1999", "The date it happened must be between 2000 and 2050"),
        ("2051", "The date it happened must be between 2000 and 2050"),
        ("2000", None),
        ("2050", None),
    ],
)
def test_the_year_bounds_are_the_fields_own_and_messages_use_its_error_name(year, message):
    form = QuestionForm({"happened_on_day": "1", "happened_on_month": "1", "happened_on_year": year})

    assert form.errors.get("happened_on") == ([message] if message else None)


def test_a_real_date_is_read_from_the_three_boxes_with_spaces_and_leading_zeros():
    form = DateForm(typed(" 07 ", "03", "2025"))

    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"met_on": datetime.date(2025, 3, 7), "renews_on": None}
    assert form.fields["met_on"].parts_at_fault == ()


def test_today_is_allowed_by_both_rules():
    today = timezone.localdate()
    form = DateForm(
        typed(
            str(today.day),
            str(today.month),
            str(today.year),
            renews_on_day=str(today.day),
            renews_on_month=str(today.month),
            renews_on_year=str(today.year),
        )
    )

    assert form.is_valid(), form.errors


def test_an_initial_date_fills_the_boxes():
    assert DateForm(initial={"met_on": datetime.date(2025, 3, 7)})["met_on"].value() == ["7", "3", "2025"]


def rendered(form):
    return Template(
        '{% load govuk_date_input %}{% include "core/includes/error_summary.html" %}{% govuk_date_input form.met_on %}'
    ).render(Context({"form": form}))


def box(html, box_id):
    """The ``<input>`` tag of one box."""
    return re.search(f'<input[^>]* id="{box_id}"[^>]*>', html).group(0)


def test_the_error_summary_links_to_the_first_box_at_fault_and_only_those_boxes_are_red():
    html = rendered(DateForm(typed("27", "", "")))

    assert '<a href="#id_met_on_month">Date you met must include a month and year</a>' in html
    assert "govuk-input--error" not in box(html, "id_met_on")
    assert "govuk-input--error" in box(html, "id_met_on_month")
    assert "govuk-input--error" in box(html, "id_met_on_year")
    assert 'value="27"' in box(html, "id_met_on")


def test_an_error_the_form_adds_about_the_whole_date_marks_every_box():
    form = DateForm(typed("1", "1", "2025"))
    form.is_valid()
    form.add_error("met_on", "Date you met must be after the date you were introduced")
    html = rendered(form)

    assert '<a href="#id_met_on">Date you met must be after the date you were introduced</a>' in html
    for box_id in ("id_met_on", "id_met_on_month", "id_met_on_year"):
        assert "govuk-input--error" in box(html, box_id)
