import pytest
from django.urls import reverse

from reporting.models import Report

from .journey import errors_in, hidden_fields, step_url, walk

pytestmark = pytest.mark.django_db


def test_a_filled_honeypot_stops_the_form_and_keeps_the_answers(client, db):
    client.get(reverse("reporting:begin"))

    response = client.post(step_url("who"), {"reporter_role": "victim", "website": "http://spam.example"})

    assert response.status_code == 200
    assert "Sorry, we could not accept this form" in response.content.decode()


def test_a_report_sent_faster_than_a_person_could_is_refused(client, walsall, settings):
    settings.REPORTING_MIN_FILL_SECONDS = 3
    walk(client)
    form = hidden_fields(client.get(reverse("reporting:check_answers")).content.decode())

    response = client.post(reverse("reporting:check_answers"), form)

    assert response.status_code == 200
    assert "That was very quick" in response.content.decode()
    assert not Report.objects.exists()


def test_a_forged_start_time_is_refused(client, walsall):
    walk(client)
    form = hidden_fields(client.get(reverse("reporting:check_answers")).content.decode())

    response = client.post(reverse("reporting:check_answers"), form | {"form_started": "1:forged"})

    assert "This page was open too long or was changed" in response.content.decode()
    assert not Report.objects.exists()


def test_one_address_sending_many_reports_is_rate_limited(client, walsall, settings):
    settings.REPORTING_RATE_LIMITS = {"submit": "1/h"}
    walk(client)
    form = hidden_fields(client.get(reverse("reporting:check_answers")).content.decode())
    client.post(reverse("reporting:check_answers"), form)
    walk(client)
    form = hidden_fields(client.get(reverse("reporting:check_answers")).content.decode())

    response = client.post(reverse("reporting:check_answers"), form)

    assert response.status_code == 429
    assert Report.objects.count() == 1
    assert errors_in(response) == []


def test_the_pages_load_no_third_party_scripts(client, walsall):
    walk(client)

    for url in (reverse("reporting:start"), step_url("who"), reverse("reporting:check_answers")):
        html = client.get(url).content.decode()
        assert "<script" not in html.replace('<script type="module" src="/static/', "").replace(
            "<script>document.body.className", ""
        ), url
