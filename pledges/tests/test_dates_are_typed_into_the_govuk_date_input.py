"""Dates are typed into day, month and year boxes, with the GOV.UK messages when something is wrong."""

import datetime

import pytest
from django import forms
from django.utils import timezone

from pledges.date_input import GovukDateField


class DateForm(forms.Form):
    met_on = GovukDateField(label="Date you met", not_future=True)
    renews_on = GovukDateField(label="Date it renews", required=False, not_past=True)


def typed(day="", month="", year="", **others):
    return {"met_on_day": day, "met_on_month": month, "met_on_year": year, **others}


@pytest.mark.parametrize(
    ("data", "message", "boxes_in_error"),
    [
        (typed(), "Enter the date", ("day", "month", "year")),
        (typed("27", "", "2025"), "Date you met must include a month", ("month",)),
        (typed("", "", "2025"), "Date you met must include a day and month", ("day", "month")),
        (typed("31", "2", "2025"), "Date you met must be a real date", ("day", "month", "year")),
        (typed("1", "13", "2025"), "Date you met must be a real date", ("month",)),
        (typed("1", "1", "25"), "Date you met must be a real date", ("year",)),
        (typed("١", "1", "2025"), "Date you met must be a real date", ("day",)),  # Arabic-Indic digit
        (typed("1", "1", "99999999999999999999999"), "Date you met must be a real date", ("year",)),
        (typed("1", "1", "9999"), "Date you met must be between 1900 and 2100", ("year",)),
        (typed("1", "1", "2099"), "Date you met must be today or in the past", ("day", "month", "year")),
        (
            typed("1", "1", "2025", renews_on_day="1", renews_on_month="1", renews_on_year="2020"),
            "Date it renews must be today or in the future",
            (),
        ),
    ],
)
def test_a_wrong_date_gets_the_govuk_message_and_keeps_what_was_typed(data, message, boxes_in_error):
    form = DateForm(data)

    assert not form.is_valid()
    assert message in [error for errors in form.errors.values() for error in errors]
    if boxes_in_error:
        assert form.fields["met_on"].parts_at_fault == boxes_in_error
    assert form["met_on"].value() == [data["met_on_day"], data["met_on_month"], data["met_on_year"]]


def test_a_real_date_is_read_from_the_three_boxes_with_spaces_and_leading_zeros():
    form = DateForm(typed(" 07 ", "03", "2025"))

    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"met_on": datetime.date(2025, 3, 7), "renews_on": None}


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
