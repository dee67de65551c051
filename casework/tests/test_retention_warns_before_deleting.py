import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from casework import services
from casework.models import Case, RetentionDeletion, RetentionNotice
from casework.tests.factories import ReportFactory, caseworker, classify, open_case
from reporting.models import Report

pytestmark = pytest.mark.django_db


def closed_case(days_ago, classification="asb", by=None):
    case = open_case(by=by or caseworker())
    classify(case, classification, nchi_threshold="met_harm" if classification == "nchi" else "")
    services.case_close(case=case, by=case.lead, now=timezone.now() - datetime.timedelta(days=days_ago))
    return case


def run(*args):
    out = StringIO()
    call_command("apply_retention", *args, stdout=out)
    return out.getvalue()


def test_a_dry_run_lists_what_is_due_and_changes_nothing():
    due = closed_case(3 * 365 + 1)
    kept = closed_case(10)

    output = run("--dry-run")

    assert due.reference in output
    assert kept.reference not in output
    assert Case.objects.count() == 2
    assert not RetentionNotice.objects.exists()


def test_owners_are_warned_first_and_nothing_goes_before_the_warning_period(fake_notify):
    worker = caseworker()
    case = closed_case(3 * 365 + 1, by=worker)  # already past its period
    report_id = case.case_reports.get().report_id

    output = run()

    assert "will delete" in output
    assert Case.objects.filter(pk=case.pk).exists()
    assert [message["email_address"] for message in fake_notify.sent] == [worker.email]
    assert fake_notify.sent[0]["personalisation"]["reference"] == case.reference

    RetentionNotice.objects.filter(case=case).update(warned_at=timezone.now() - datetime.timedelta(days=31))
    output = run()

    assert "deleted" in output
    assert not Case.objects.filter(pk=case.pk).exists()
    assert not Report.objects.filter(pk=report_id).exists()
    assert RetentionDeletion.objects.get().reference == case.reference
    assert len(fake_notify.sent) == 1  # warned once


def test_a_case_due_in_the_future_is_warned_about_and_kept(fake_notify):
    case = closed_case(3 * 365 - 10)

    output = run()

    assert f"will delete: asb {case.reference}" in output
    assert Case.objects.filter(pk=case.pk).exists()
    assert RetentionNotice.objects.get(case=case).due_on == (
        timezone.localtime(case.closed_at).date() + datetime.timedelta(days=3 * 365)
    )


def test_periods_follow_the_record_type():
    hate = closed_case(2 * 365, "hate_crime")
    nchi = closed_case(2 * 365, "nchi", by=hate.lead)
    old_report = ReportFactory(submitted_at=timezone.now() - datetime.timedelta(days=2 * 365 + 1))

    output = run("--dry-run")

    assert hate.reference not in output  # six years
    assert nchi.reference in output  # one year
    assert old_report.reference in output  # two years without a case


def test_deleting_a_report_removes_its_encrypted_evidence_files(settings, tmp_path, fake_notify):
    from reporting import evidence as evidence_files
    from reporting.models import Evidence

    report = ReportFactory(submitted_at=timezone.now() - datetime.timedelta(days=2 * 365 + 40))
    stored = evidence_files.write_encrypted(b"SYNTHETIC evidence")
    Evidence.objects.create(
        report=report, original_name="photo.png", content_type="image/png", size=18, sha256="0" * 64, stored_name=stored
    )
    run()
    RetentionNotice.objects.filter(report=report).update(warned_at=timezone.now() - datetime.timedelta(days=31))

    run()

    assert not Report.objects.filter(pk=report.pk).exists()
    assert not (tmp_path / stored).exists()
