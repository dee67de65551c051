import random

import pytest

from reporting import demo, services
from reporting.models import Report

pytestmark = pytest.mark.django_db


def test_demo_reports_spread_across_wards_strands_and_channels_and_load_once(walsall, monkeypatch):
    monkeypatch.setattr(demo, "DEMO_REPORTS", 40)

    summary = demo.load(random.Random(7))
    again = demo.load(random.Random(7))

    reports = Report.objects.all()
    assert reports.count() == 40 and again == ""
    assert "synthetic reports" in summary
    assert all(report.is_demo and "Synthetic" in report.account for report in reports)
    assert len({report.ward_code for report in reports if report.ward_code}) >= 5
    assert len({report.channel for report in reports}) >= 3
    assert len({tuple(report.strands) for report in reports}) >= 2


def test_a_demo_report_opens_with_the_demo_receipt(walsall, monkeypatch):
    monkeypatch.setattr(demo, "DEMO_REPORTS", 3)
    demo.load(random.Random(7))

    report = Report.objects.first()
    result = services.receipt_check(reference=report.reference, receipt=demo.DEMO_RECEIPT)

    assert result.outcome == services.ReceiptCheck.OK
