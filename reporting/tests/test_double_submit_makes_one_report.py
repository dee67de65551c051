import uuid

import pytest
from django.urls import reverse

from reporting import services
from reporting.models import Report

from .journey import errors_in, hidden_fields, walk

pytestmark = pytest.mark.django_db


def test_sending_the_same_form_twice_makes_one_report(client, walsall):
    walk(client)
    form = hidden_fields(client.get(reverse("reporting:check_answers")).content.decode())

    first = client.post(reverse("reporting:check_answers"), form)
    second = client.post(reverse("reporting:check_answers"), form)

    assert Report.objects.count() == 1
    assert first["Location"] == reverse("reporting:confirmation")
    assert second["Location"] == reverse("reporting:confirmation"), errors_in(second)


def test_the_service_returns_the_first_report_for_a_repeated_key(db):
    key = uuid.uuid4()
    values = {"reporter_role": "victim", "strands": ["asb"], "account": "SYNTHETIC"}

    first = services.report_submit(answers=values, idempotency_key=key)
    second = services.report_submit(answers=values, idempotency_key=key)

    assert first.created and not second.created
    assert second.report.pk == first.report.pk and second.receipt is None
    assert Report.objects.count() == 1
