import pytest
from django.urls import reverse

from reporting import receipts
from reporting.models import Consent, ContactPreference, Report, ReporterRole, Strand

from .journey import answers, submit, walk

pytestmark = pytest.mark.django_db


def test_a_victim_walks_every_question_and_the_report_holds_what_they_said(client, walsall):
    asked = walk(client)
    reference, receipt = submit(client)

    report = Report.objects.get(reference=reference)
    assert asked[0] == "who" and asked[-1] == "contact" and "hostility" in asked
    assert report.reporter_role == ReporterRole.VICTIM
    assert report.strands == [Strand.HATE]
    assert report.characteristics == ["race", "religion"]
    assert report.incident_date.isoformat() == "2026-02-03"
    assert report.account.startswith("SYNTHETIC-ACCOUNT")
    assert report.ward_code.startswith("E05")
    assert report.contact_preference == ContactPreference.ANONYMOUS
    assert report.channel == "online" and report.submitted_by is None
    assert {consent.recipient for consent in report.consents.all() if consent.is_active} == {
        Consent.Recipient.POLICE,
        Consent.Recipient.VICTIM_SUPPORT,
    }
    assert receipts.receipt_matches(receipt, report.receipt_hash)


def test_a_witness_reporting_asb_is_not_asked_about_hostility(client, walsall):
    asked = walk(client, answers(who={"reporter_role": "witness"}, what={"what": "asb"}))
    reference, _receipt = submit(client)

    report = Report.objects.get(reference=reference)
    assert "hostility" not in asked
    assert report.reporter_role == ReporterRole.WITNESS
    assert report.strands == [Strand.ASB]
    assert report.characteristics == []


def test_a_named_reporter_gives_a_safe_way_to_be_contacted(client, walsall):
    contact = {
        "contact_preference": "named",
        "contact_name": "Synthetic Person",
        "contact_method": "email",
        "contact_email": "synthetic@example.test",
        "safe_times": "Weekdays after 6pm",
    }
    walk(client, answers(contact=contact, what={"what": "both"}))
    reference, _receipt = submit(client)

    report = Report.objects.get(reference=reference)
    assert report.contact_name == "Synthetic Person"
    assert report.contact_email == "synthetic@example.test"
    assert report.strands == [Strand.HATE, Strand.ASB]


def test_check_your_answers_shows_the_answers_with_change_links(client, walsall):
    walk(client)

    page = client.get(reverse("reporting:check_answers")).content.decode()

    assert "SYNTHETIC-ACCOUNT" in page
    assert "Religion or belief" in page
    assert reverse("reporting:step", kwargs={"slug": "what-happened"}) + "?change=1" in page


def typed_date(day="", month="", year=""):
    return {"incident_date_day": day, "incident_date_month": month, "incident_date_year": year}


@pytest.mark.parametrize(
    ("when", "date", "incident_date", "is_ongoing"),
    [
        ("ongoing", typed_date("3", "2", "2026"), "2026-02-03", True),
        ("ongoing", typed_date(), None, True),
        ("unknown", typed_date("3", "2", "2026"), None, False),
    ],
)
def test_a_date_is_kept_for_something_still_happening_and_dropped_when_not_known(
    client, walsall, when, date, incident_date, is_ongoing
):
    walk(client, answers(when={"when": when, **date}))
    reference, _receipt = submit(client)

    report = Report.objects.get(reference=reference)
    assert (report.incident_date.isoformat() if report.incident_date else None) == incident_date
    assert report.is_ongoing is is_ongoing
