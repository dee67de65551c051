"""The audit search explains mistakes with the GOV.UK date input and form messages."""

import pytest

from audit.forms import AuditSearchForm

pytestmark = pytest.mark.django_db


def errors_of(data):
    form = AuditSearchForm(data=data)
    assert not form.is_valid()
    return [message for messages in form.errors.values() for message in messages]


@pytest.mark.parametrize(
    ("day", "month", "year", "message"),
    [
        ("1", "13", "2026", "From date must be a real date"),
        ("32", "1", "2026", "From date must be a real date"),
        ("0", "1", "2026", "From date must be a real date"),
        ("31", "2", "2026", "From date must be a real date"),
        ("one", "1", "2026", "From date must be a real date"),
        ("1", "1", "26", "Year must include 4 numbers"),
        ("1", "", "2026", "From date must include a month"),
        ("", "1", "2026", "From date must include a day"),
        ("1", "1", "", "From date must include a year"),
        ("", "", "2026", "From date must include a day and month"),
        ("", "1", "", "From date must include a day and year"),
        ("1", "", "", "From date must include a month and year"),
        ("1", "1", "1999", "From date must be between 2000 and 2100"),
        ("1", "1", "2101", "From date must be between 2000 and 2100"),
    ],
)
def test_date_mistakes_get_govuk_date_messages(day, month, year, message):
    assert errors_of({"date_from_day": day, "date_from_month": month, "date_from_year": year}) == [message]


def test_month_13_is_not_described_as_a_number_limit():
    errors = errors_of({"date_to_day": "1", "date_to_month": "13", "date_to_year": "2026"})
    assert errors == ["To date must be a real date"]
    assert not any("less than or equal" in message for message in errors)


def test_the_error_is_on_the_box_at_fault():
    form = AuditSearchForm(data={"date_from_day": "1", "date_from_month": "13", "date_from_year": "2026"})
    assert not form.is_valid()
    assert form.fields["date_from"].parts_at_fault == ("month",)
    form = AuditSearchForm(data={"date_from_day": "1", "date_from_month": "1", "date_from_year": "9999"})
    assert not form.is_valid()
    assert form.fields["date_from"].parts_at_fault == ("year",)


def test_a_to_date_before_the_from_date_is_explained_on_the_to_date():
    form = AuditSearchForm(
        data={
            "date_from_day": "2",
            "date_from_month": "1",
            "date_from_year": "2026",
            "date_to_day": "1",
            "date_to_month": "1",
            "date_to_year": "2026",
        }
    )
    assert form.errors == {"date_to": ["To date must be the same as or after the from date"]}


def test_dates_between_2000_and_2100_with_spaces_are_fine():
    form = AuditSearchForm(
        data={"date_from_day": " 1 ", "date_from_month": "01", "date_from_year": "2000", "date_to_year": "2100"}
    )
    assert not form.is_valid()  # the to date lacks its day and month
    form = AuditSearchForm(
        data={
            "date_from_day": " 1 ",
            "date_from_month": "01",
            "date_from_year": "2000",
            "date_to_day": "31",
            "date_to_month": "12",
            "date_to_year": "2100",
        }
    )
    assert form.is_valid(), form.errors
    assert form.filters()["date_from"].isoformat() == "2000-01-01"
    assert form.filters()["date_to"].isoformat() == "2100-12-31"


def test_a_made_up_action_gets_a_plain_message():
    assert errors_of({"action": "obliterate"}) == ["Select an action from the list"]


def test_a_made_up_record_type_gets_a_plain_message():
    assert errors_of({"record_type": "not-a-type"}) == ["Select a type of record from the list"]


def test_an_over_long_email_address_gets_a_plain_message():
    assert errors_of({"who": "a" * 300 + "@example.test"}) == ["Email address must be 254 characters or fewer"]


def test_an_over_long_record_id_gets_a_plain_message():
    assert errors_of({"record_id": "9" * 300}) == ["Record ID must be 255 characters or fewer"]
