"""Every write of the reporting app: submitting a report, and what the reporter or caseworker adds later."""

import datetime
import functools

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from . import evidence as evidence_files
from . import receipts
from .models import Consent, ContactPreference, Evidence, Message, Report, ReportUpdate, Side, Strand

# Wrong receipts lock a reference for the address they come from, not for everyone: after
# RECEIPT_FAILURES_BEFORE_LOCK in a row from one address, that address cannot try the reference for
# LOCK_MINUTES. A stranger who knows a reference (it is written on letters and screens) can lock out
# only themselves, never the reporter. Across all addresses a ceiling still holds: after
# RECEIPT_FAILURES_BEFORE_GLOBAL_LOCK wrong receipts in a row the reference locks for everyone for
# GLOBAL_LOCK_MINUTES, so a crowd of addresses cannot hammer one reference without end either.
#
# Why this keeps the receipt's guarantee: the receipt has about 98 bits (reporting.receipts) and the
# design minimum is 64. At the global ceiling one reference takes at most 50 guesses per 15 minutes,
# 4,800 a day, whatever the number of addresses: finding even a 64-bit receipt would take about
# 2^63 / 4,800 days, some 5 * 10^12 years. The per-address lock does not add to that bound; it only
# slows a single guesser sooner and tells a reporter who mistyped what to do. The addresses are never
# stored: the counter is kept in the cache under an HMAC of the report and address, for LOCK_MINUTES.
RECEIPT_FAILURES_BEFORE_LOCK = 5
LOCK_MINUTES = 30
RECEIPT_FAILURES_BEFORE_GLOBAL_LOCK = 50
GLOBAL_LOCK_MINUTES = 15

_REPORT_FIELDS = {
    field.name
    for field in Report._meta.get_fields()
    if getattr(field, "concrete", False) and not field.is_relation and field.editable
} - {"id", "status", "handler_role", "submitted_at", "is_demo"}

# Contact details an anonymous reporter may have typed before choosing anonymity are not kept.
_IDENTIFYING_FIELDS = ("contact_name", "contact_email", "contact_phone", "safe_times")


class ReportSubmission:
    """What ``report_submit`` returns: the report, and the receipt when this call created it."""

    def __init__(self, report, receipt, created):
        self.report = report
        self.receipt = receipt
        self.created = created


def report_submit(
    *,
    answers,
    idempotency_key,
    consents=(),
    submitted_by=None,
    channel="online",
    language="en",
    is_demo=False,
    submitted_at=None,
    receipt_hash=None,
):
    """Save a report from the answers of the question pages; a second call with the same key returns the first.

    ``answers`` holds the model's field values by name; ``consents`` the Consent.Recipient values agreed to.
    The receipt is returned once, here, and only its Argon2id hash is kept. ``receipt_hash`` is for
    synthetic demo data only: every demo report opens with one published demo receipt.
    """
    existing = Report.objects.filter(idempotency_key=idempotency_key).first()
    if existing is not None:
        return ReportSubmission(existing, None, False)
    values = {name: value for name, value in answers.items() if name in _REPORT_FIELDS}
    if values.get("contact_preference", ContactPreference.ANONYMOUS) == ContactPreference.ANONYMOUS:
        for name in _IDENTIFYING_FIELDS:
            values[name] = ""
        values["contact_method"] = "none"
    receipt = None if receipt_hash else receipts.new_receipt()
    receipt_hash = receipt_hash or receipts.hash_receipt(receipt)  # slow on purpose: outside the transaction
    now = submitted_at or timezone.now()
    organisation = getattr(submitted_by, "organisation", None) if submitted_by is not None else None
    try:
        with transaction.atomic():
            report = Report.objects.create(
                **values,
                reference=_unused_reference(),
                idempotency_key=idempotency_key,
                receipt_hash=receipt_hash,
                channel=channel,
                language=language,
                submitted_by=submitted_by,
                submitted_by_organisation=organisation,
                submitted_at=now,
                is_demo=is_demo,
            )
            Consent.objects.bulk_create(
                Consent(report=report, recipient=recipient, given_at=now if recipient in consents else None)
                for recipient in Consent.Recipient.values
            )
            Evidence.objects.filter(draft_key=idempotency_key, report=None).update(report=report, draft_key=None)
            ReportUpdate.objects.create(
                report=report,
                kind=ReportUpdate.Kind.SUBMITTED,
                by_side=Side.CASEWORKER if submitted_by is not None else Side.REPORTER,
                by_user=submitted_by,
                created_at=now,
                is_demo=is_demo,
            )
    except IntegrityError:
        # The same form posted twice at once: the other request made the report.
        existing = Report.objects.filter(idempotency_key=idempotency_key).first()
        if existing is None:
            raise
        return ReportSubmission(existing, None, False)
    return ReportSubmission(report, receipt, True)


def _unused_reference():
    while True:
        reference = receipts.new_reference()
        if not Report.objects.filter(reference=reference).exists():
            return reference


class ReceiptCheck:
    OK = "ok"
    WRONG = "wrong"
    LOCKED = "locked"

    def __init__(self, outcome, report=None, locked_until=None, locked_minutes=None, locked_everywhere=False):
        self.outcome = outcome
        self.report = report
        self.locked_until = locked_until
        self.locked_minutes = locked_minutes
        self.locked_everywhere = locked_everywhere


def _address_key(report, address):
    digest = salted_hmac("reporting.receipt_check.address", f"{report.reference}|{address}").hexdigest()
    return f"reporting:receipt-failures:{digest}"


def receipt_check(*, reference, receipt, address="", now=None):
    """Does ``receipt`` open the report ``reference``? Counts wrong guesses per address and overall, and locks.

    ``address`` is the client's address (REMOTE_ADDR); it is only used inside an HMAC (see above).
    An unknown reference costs the same Argon2id time as a wrong receipt, so timing does not tell
    which references exist.
    """
    now = now or timezone.now()
    report = Report.objects.filter(reference=receipts.normalise_reference(reference)).first()
    if report is not None and report.receipt_locked_until and report.receipt_locked_until > now:
        return _locked_everywhere(report.receipt_locked_until)
    key = _address_key(report, address) if report is not None else ""
    here = cache.get(key) if key else None
    if here and here.get("locked_until") and here["locked_until"] > now:
        return ReceiptCheck(ReceiptCheck.LOCKED, locked_until=here["locked_until"], locked_minutes=LOCK_MINUTES)
    typed = receipts.normalise_receipt(receipt)
    if report is None:
        receipts.receipt_matches(typed, _dummy_hash())
        return ReceiptCheck(ReceiptCheck.WRONG)
    if receipts.receipt_matches(typed, report.receipt_hash):
        Report.objects.filter(pk=report.pk).update(receipt_failures=0, receipt_locked_until=None)
        cache.delete(key)
        return ReceiptCheck(ReceiptCheck.OK, report=report)
    with transaction.atomic():
        locked = Report.objects.select_for_update().get(pk=report.pk)
        locked.receipt_failures += 1
        if locked.receipt_failures >= RECEIPT_FAILURES_BEFORE_GLOBAL_LOCK:
            locked.receipt_failures = 0
            locked.receipt_locked_until = now + datetime.timedelta(minutes=GLOBAL_LOCK_MINUTES)
        locked.save(update_fields=["receipt_failures", "receipt_locked_until"])
    if locked.receipt_locked_until and locked.receipt_locked_until > now:
        cache.delete(key)
        return _locked_everywhere(locked.receipt_locked_until)
    failures = (here or {}).get("failures", 0) + 1
    if failures >= RECEIPT_FAILURES_BEFORE_LOCK:
        locked_until = now + datetime.timedelta(minutes=LOCK_MINUTES)
        cache.set(key, {"failures": 0, "locked_until": locked_until}, timeout=LOCK_MINUTES * 60)
        return ReceiptCheck(ReceiptCheck.LOCKED, locked_until=locked_until, locked_minutes=LOCK_MINUTES)
    cache.set(key, {"failures": failures, "locked_until": None}, timeout=LOCK_MINUTES * 60)
    return ReceiptCheck(ReceiptCheck.WRONG)


def _locked_everywhere(locked_until):
    return ReceiptCheck(
        ReceiptCheck.LOCKED, locked_until=locked_until, locked_minutes=GLOBAL_LOCK_MINUTES, locked_everywhere=True
    )


@functools.cache
def _dummy_hash():
    return receipts.hash_receipt(receipts.new_receipt())


def message_send(*, report, author_side, body, author=None, site_url="", notify=True, is_demo=False, now=None):
    """Add a message to the report's secure channel.

    Caseworkers' messages (``author_side=Side.CASEWORKER``) tell the reporter there is news by
    email or text if they asked for it; the message itself stays on the site. ``is_demo`` and
    ``now`` are for synthetic demo data, which is dated in the past and must be removable.
    """
    now = now or timezone.now()
    with transaction.atomic():
        message = Message.objects.create(
            report=report, author_side=author_side, author=author, body=body, created_at=now, is_demo=is_demo
        )
        ReportUpdate.objects.create(
            report=report,
            kind=ReportUpdate.Kind.MESSAGE,
            by_side=author_side,
            by_user=author,
            visible_to_reporter=True,
            created_at=now,
            is_demo=is_demo,
        )
    if notify and author_side == Side.CASEWORKER:
        _tell_reporter(report, site_url)
    return message


def messages_mark_read(*, report, reader_side, now=None):
    """Mark the other side's messages read, as the reader opens them."""
    other = Side.CASEWORKER if reader_side == Side.REPORTER else Side.REPORTER
    return Message.objects.filter(report=report, author_side=other, read_at=None).update(read_at=now or timezone.now())


def report_status_change(
    *, report, status, handler_role=None, by_user=None, site_url="", notify=True, is_demo=False, now=None
):
    """For casework: move the report on, note it on the timeline, and tell the reporter there is news."""
    with transaction.atomic():
        report.status = status
        fields = ["status"]
        if handler_role is not None:
            report.handler_role = handler_role
            fields.append("handler_role")
        report.save(update_fields=fields)
        ReportUpdate.objects.create(
            report=report,
            kind=ReportUpdate.Kind.STATUS_CHANGED,
            by_side=Side.CASEWORKER,
            by_user=by_user,
            text=status,
            created_at=now or timezone.now(),
            is_demo=is_demo,
        )
    if notify:
        _tell_reporter(report, site_url)
    return report


def _tell_reporter(report, site_url):
    from .notify import tell_reporter_there_is_news

    transaction.on_commit(lambda: tell_reporter_there_is_news(report, site_url=site_url))


def report_add_information(*, report, text, by_side=Side.REPORTER, by_user=None):
    return ReportUpdate.objects.create(
        report=report, kind=ReportUpdate.Kind.INFORMATION_ADDED, by_side=by_side, by_user=by_user, text=text
    )


def evidence_store(*, upload=None, checked=None, name="", report=None, draft_key=None, by_side=Side.REPORTER):
    """Encrypt and keep an uploaded file (raises ``evidence.EvidenceRejected``), with a scrubbed copy to share."""
    checked = checked or evidence_files.check_upload(upload)
    name = name or getattr(upload, "name", "") or "evidence"
    stored_name = evidence_files.write_encrypted(checked.content)
    copy = evidence_files.stripped_copy(checked)
    shared_copy_name = evidence_files.write_encrypted(copy) if copy is not None else ""
    try:
        with transaction.atomic():
            item = Evidence.objects.create(
                report=report,
                draft_key=None if report is not None else draft_key,
                original_name=name[:255],
                content_type=checked.content_type,
                size=len(checked.content),
                sha256=checked.sha256,
                stored_name=stored_name,
                shared_copy_name=shared_copy_name,
                shared_copy_sha256=evidence_files.sha256_of(copy) if copy is not None else "",
                added_by_side=by_side,
            )
            if report is not None:
                ReportUpdate.objects.create(
                    report=report, kind=ReportUpdate.Kind.EVIDENCE_ADDED, by_side=by_side, text=name[:255]
                )
    except Exception:
        evidence_files.delete_stored(stored_name)
        evidence_files.delete_stored(shared_copy_name)
        raise
    return item


def evidence_remove_draft(*, evidence_id, draft_key):
    """Take back a file uploaded during the questions, before the report is sent."""
    item = Evidence.objects.filter(pk=evidence_id, draft_key=draft_key, report=None).first()
    if item is None:
        return False
    evidence_files.delete_stored(item.stored_name)
    evidence_files.delete_stored(item.shared_copy_name)
    item.delete()
    return True


def consent_withdraw(*, report, recipient, now=None):
    """Withdraw consent to share with ``recipient``; returns False if there was none to withdraw."""
    now = now or timezone.now()
    with transaction.atomic():
        updated = Consent.objects.filter(
            report=report, recipient=recipient, given_at__isnull=False, withdrawn_at=None
        ).update(withdrawn_at=now)
        if updated:
            ReportUpdate.objects.create(
                report=report,
                kind=ReportUpdate.Kind.CONSENT_WITHDRAWN,
                by_side=Side.REPORTER,
                text=str(Consent.Recipient(recipient).label),
            )
    return bool(updated)


def strands_of(choice):
    """The strands a 'what happened' answer stands for ("both" is both)."""
    if choice == "both":
        return [Strand.HATE, Strand.ASB]
    return [choice] if choice in Strand.values else []


def evidence_drafts_delete_abandoned(*, older_than=datetime.timedelta(days=1), now=None):
    """Delete files uploaded to reports that were never sent (the session holding them has expired)."""
    cutoff = (now or timezone.now()) - older_than
    abandoned = list(Evidence.objects.filter(report=None, uploaded_at__lt=cutoff))
    for item in abandoned:
        evidence_files.delete_stored(item.stored_name)
        evidence_files.delete_stored(item.shared_copy_name)
    Evidence.objects.filter(pk__in=[item.pk for item in abandoned]).delete()
    return len(abandoned)
