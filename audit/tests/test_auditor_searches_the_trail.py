import csv
import io

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.test import RequestFactory
from django.urls import reverse

from accounts.models import Organisation
from accounts.roles import Role
from accounts.tests.factories import OrganisationFactory, UserFactory
from audit.services import record_access

pytestmark = pytest.mark.django_db


@pytest.fixture
def trail():
    caseworker = UserFactory(email="caseworker@example.test", roles=[Role.HATE_CRIME_CASEWORKER])
    record = OrganisationFactory(name="Opened organisation")
    request = RequestFactory().get("/somewhere/", REMOTE_ADDR="198.51.100.77")
    request.user = caseworker
    record_access(request=request, obj=record, reason="Checking the referral")
    return {"caseworker": caseworker, "record": record}


@pytest.fixture
def auditor_client(client):
    auditor = UserFactory(email="auditor@example.test", roles=[Role.AUDITOR], with_totp=True)
    client.force_login(auditor)
    client.auditor = auditor
    return client


def test_auditor_filters_by_who_and_action(auditor_client, trail):
    response = auditor_client.get(reverse("audit:log"), {"who": "caseworker@", "action": "access"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Checking the referral" in html
    assert "198.51.100.77" in html
    assert "1 entry" in html


def test_filters_by_record_type_and_id(auditor_client, trail):
    content_type = ContentType.objects.get_for_model(Organisation)
    response = auditor_client.get(
        reverse("audit:log"), {"record_type": content_type.pk, "record_id": trail["record"].pk, "action": "create"}
    )
    html = response.content.decode()
    assert "Opened organisation" in html
    assert "Checking the referral" not in html


def test_filter_that_matches_nothing_says_so(auditor_client, trail):
    response = auditor_client.get(reverse("audit:log"), {"who": "nobody-like-this@"})
    assert "No entries match these filters." in response.content.decode()


def test_date_range_and_a_bad_date_is_explained(auditor_client, trail):
    from django.utils import timezone

    today = timezone.localdate()
    ok = auditor_client.get(
        reverse("audit:log"),
        {
            "date_from_day": today.day,
            "date_from_month": today.month,
            "date_from_year": today.year,
            "action": "access",
            "who": "case",
        },
    )
    assert "Checking the referral" in ok.content.decode()
    future = auditor_client.get(
        reverse("audit:log"),
        {"date_from_day": 1, "date_from_month": 1, "date_from_year": today.year + 1, "who": "case"},
    )
    assert "Checking the referral" not in future.content.decode()
    bad = auditor_client.get(reverse("audit:log"), {"date_from_day": 31, "date_from_month": 2, "date_from_year": 2026})
    html = bad.content.decode()
    assert "govuk-error-summary" in html
    assert "From date must be a real date" in html
    assert "<title>Error:" in html


def test_export_gives_the_filtered_entries_as_csv(auditor_client, trail):
    response = auditor_client.get(reverse("audit:log_export"), {"who": "caseworker@", "action": "access"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:3] == ["when", "who", "action"]
    assert len(rows) == 2
    assert rows[1][1] == "caseworker@example.test"
    assert rows[1][2] == "access"
    assert rows[1][6] == "198.51.100.77"
    assert rows[1][7] == "Checking the referral"


def test_spreadsheet_formulas_are_defused_in_the_export(auditor_client):
    OrganisationFactory(name='=HYPERLINK("http://evil.test")')
    response = auditor_client.get(reverse("audit:log_export"), {"action": "create"})
    body = b"".join(response.streaming_content).decode()
    assert "'=HYPERLINK" in body


def test_searching_and_exporting_the_trail_are_themselves_audited(auditor_client, trail):
    log_type = ContentType.objects.get_for_model(LogEntry)
    auditor_client.get(reverse("audit:log"), {"who": "caseworker@"})
    b"".join(auditor_client.get(reverse("audit:log_export")).streaming_content)
    reads = LogEntry.objects.filter(content_type=log_type, actor=auditor_client.auditor, action=LogEntry.Action.ACCESS)
    assert set(reads.values_list("object_pk", flat=True)) == {"search", "export"}
    assert reads.get(object_pk="search").additional_data["filters"] == {"who": "caseworker@"}


@pytest.mark.parametrize("role", [role for role in Role.values if role not in (Role.AUDITOR, Role.ADMINISTRATOR)])
def test_other_staff_cannot_see_the_trail(client, role):
    client.force_login(UserFactory(roles=[role], with_totp=True))
    assert client.get(reverse("audit:log")).status_code == 403
    assert client.get(reverse("audit:log_export")).status_code == 403


def test_visitors_are_sent_to_sign_in(client):
    response = client.get(reverse("audit:log"))
    assert response.status_code == 302
    assert reverse("account_login") in response.url
