"""Retention: what is due for deletion, warning the owners first, and deleting only what is due and warned.

Periods are in ``policy.RETENTION_DAYS`` (per record type, counted from a case's closing or, for a
report nobody made a case of, from when it was made). Nothing is deleted unless its owners were
warned at least ``policy.RETENTION_WARNING_DAYS`` before; every deletion leaves a RetentionDeletion line.
"""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from accounts.roles import Role
from core import notifications
from reporting import evidence as evidence_files
from reporting.models import Report

from . import notify, policy
from .models import Case, RetentionDeletion, RetentionNotice


@dataclass
class Due:
    record: object  # a Case or a Report
    record_type: str
    due_on: datetime.date

    @property
    def reference(self):
        return self.record.reference


def _days(record_type):
    return datetime.timedelta(days=policy.setting("RETENTION_DAYS")[record_type])


def due_within(*, days_ahead, today=None):
    """Every case and case-less report whose retention ends within ``days_ahead`` days (or already has)."""
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=days_ahead)
    due = []
    for case in Case.objects.filter(status=Case.Status.CLOSED, closed_at__isnull=False).select_related("team"):
        record_type = case.classification if case.classification in ("hate_crime", "nchi", "asb") else ""
        if case.classification == "hate_crime_asb":
            record_type = "hate_crime"
        due_on = timezone.localtime(case.closed_at).date() + _days(record_type)
        if due_on <= horizon:
            due.append(Due(case, record_type or "not_recorded", due_on))
    for report in Report.objects.filter(case_link__isnull=True).only("reference", "submitted_at"):
        due_on = timezone.localtime(report.submitted_at).date() + _days("report_without_case")
        if due_on <= horizon:
            due.append(Due(report, "report_without_case", due_on))
    return sorted(due, key=lambda item: (item.due_on, item.reference))


def owners_of(item):
    """Who is told: the case's lead and team caseworkers; for a case-less report, every caseworker of its strands."""
    if isinstance(item.record, Case):
        users = User.objects.filter(organisation_id=item.record.team_id, is_active=True)
    else:
        users = User.objects.filter(is_active=True)
    return users.filter(groups__name__in=[Role.HATE_CRIME_CASEWORKER, Role.ASB_OFFICER]).distinct()


def _notice_of(item):
    if isinstance(item.record, Case):
        return RetentionNotice.objects.filter(case=item.record).first()
    return RetentionNotice.objects.filter(report=item.record).first()


def warn(item, *, now=None):
    """Warn the owners once; returns the notice (new or existing)."""
    notice = _notice_of(item)
    if notice is not None:
        return notice, False
    now = now or timezone.now()
    is_case = isinstance(item.record, Case)
    notice = RetentionNotice.objects.create(
        case=item.record if is_case else None,
        report=None if is_case else item.record,
        record_type=item.record_type,
        due_on=item.due_on,
        warned_at=now,
    )
    for owner in owners_of(item):
        notifications.send_email(
            to=owner.email,
            template_id=notify.RETENTION_WARNING_EMAIL_TEMPLATE_ID,
            personalisation={"reference": item.reference, "due_on": item.due_on.isoformat()},
            reference=f"retention-{item.reference}",
        )
    return notice, True


def deletable_on(notice):
    """The first day a warned record may go: its due day, but never sooner than the warning period."""
    earliest = timezone.localtime(notice.warned_at).date() + datetime.timedelta(
        days=policy.setting("RETENTION_WARNING_DAYS")
    )
    return max(notice.due_on, earliest)


def delete(item, notice, *, now=None):
    with transaction.atomic():
        RetentionDeletion.objects.create(
            reference=item.reference,
            record_type=item.record_type,
            due_on=item.due_on,
            warned_at=notice.warned_at,
            deleted_at=now or timezone.now(),
        )
        if isinstance(item.record, Case):
            reports = [link.report for link in item.record.case_reports.select_related("report")]
            item.record.delete()
        else:
            reports = [item.record]
        files = [name for report in reports for name in report.evidence.values_list("stored_name", "shared_copy_name")]
        for report in reports:
            report.delete()
    # The encrypted evidence files go once the rows are gone for good.
    for stored_name, shared_copy_name in files:
        evidence_files.delete_stored(stored_name)
        evidence_files.delete_stored(shared_copy_name)
