import datetime
import random

import pytest
from django.utils import timezone

from accounts import demo as accounts_demo
from casework import demo
from casework.models import Case, CaseReview, Referral
from casework.tests.factories import ReportFactory

pytestmark = pytest.mark.django_db


def test_the_demo_makes_a_spread_of_cases_once(settings):
    settings.CASEWORK_CASE_REVIEW_THRESHOLD = 3
    accounts_demo.load(random.Random(1))
    now = timezone.now()
    for index in range(36):
        strands = ["asb"] if index % 3 == 0 else (["hate", "asb"] if index % 7 == 0 else ["hate"])
        ReportFactory(
            is_demo=True,
            strands=strands,
            ward_code="E0500TEST",
            submitted_at=now - datetime.timedelta(days=index * 3),
            incident_date=(now - datetime.timedelta(days=index * 3 + 1)).date(),
            consents=["police", "victim_support"] if index % 2 else [],
        )

    first = demo.load(random.Random(7))
    counts = (Case.objects.count(), Referral.objects.count(), CaseReview.objects.count())
    second = demo.load(random.Random(7))

    assert "30 cases opened" in first
    assert "0 cases opened" in second
    assert (Case.objects.count(), Referral.objects.count(), CaseReview.objects.count()) == counts
    assert Case.objects.filter(is_demo=True).count() == 30
    assert len(set(Case.objects.values_list("classification", flat=True))) >= 3
    assert Referral.objects.filter(recipient="police").exists()
    assert CaseReview.objects.exists()


def test_every_message_and_timeline_line_the_demo_writes_is_marked_demo(settings):
    from reporting.models import Message, ReportUpdate

    accounts_demo.load(random.Random(1))
    now = timezone.now()
    for index in range(12):
        ReportFactory(
            is_demo=True,
            strands=["asb"],
            submitted_at=now - datetime.timedelta(days=index * 3),
            incident_date=(now - datetime.timedelta(days=index * 3 + 1)).date(),
        )

    demo.load(random.Random(7))

    assert Message.objects.exists()
    assert not Message.objects.filter(is_demo=False).exists()
    assert not ReportUpdate.objects.filter(is_demo=False).exists()
    # Demo messages carry the dates of the synthetic case, not the day the demo was loaded.
    assert Message.objects.filter(created_at__lt=now - datetime.timedelta(days=7)).exists()
