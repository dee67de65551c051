"""Every write of casework: opening cases, classifying, assessing risk and needs, referring, acting, reviewing."""

import datetime
import secrets

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.roles import Role
from core import notifications
from reporting import services as reporting_services
from reporting.models import Consent, Report, Side

from . import notify, policy
from .models import (
    Action,
    Case,
    CaseNote,
    CaseReport,
    CaseReview,
    Classification,
    ClassificationDecision,
    NeedsAssessment,
    Party,
    Referral,
    RiskAssessment,
    RiskLevel,
    SentMessage,
)

REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"

# Referrals that pass the reporter's details outside the council need their consent for that recipient.
CONSENT_NEEDED = {
    Referral.Recipient.POLICE: Consent.Recipient.POLICE,
    Referral.Recipient.VICTIM_SUPPORT: Consent.Recipient.VICTIM_SUPPORT,
    Referral.Recipient.HOUSING_PROVIDER: Consent.Recipient.HOUSING_PROVIDER,
}


class ConsentMissing(ValidationError):
    """The reporter has not agreed (or has withdrawn agreement) to share with this recipient."""


def _new_reference():
    while True:
        reference = "CW-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))
        if not Case.objects.filter(reference=reference).exists():
            return reference


def _case_url(case, site_url=""):
    return site_url.rstrip("/") + reverse("casework:case_detail", kwargs={"reference": case.reference})


def case_open(*, report, by, now=None, is_demo=False, site_url=""):
    """Start a case from a new report (acknowledging it); a report already in a case returns that case."""
    now = now or timezone.now()
    existing = CaseReport.objects.filter(report=report).select_related("case").first()
    if existing is not None:
        return existing.case
    try:
        with transaction.atomic():
            case = Case.objects.create(
                reference=_new_reference(),
                team=by.organisation,
                lead=by,
                created_by=by,
                acknowledge_by=policy.acknowledge_by(report),
                acknowledged_at=now,
                opened_at=now,
                is_demo=is_demo,
            )
            CaseReport.objects.create(case=case, report=report, added_by=by, added_at=now)
    except IntegrityError:
        # Opened twice at once: the other request made the case.
        return CaseReport.objects.select_related("case").get(report=report).case
    reporting_services.report_status_change(
        report=report,
        status=Report.Status.BEING_ASSESSED,
        handler_role=_handler_role(by),
        by_user=by,
        site_url=site_url,
        notify=not is_demo,
        is_demo=is_demo,
        now=now,
    )
    case_review_check(case=case, site_url=site_url, now=now)
    return case


def _handler_role(user):
    for role in (Role.HATE_CRIME_CASEWORKER, Role.ASB_OFFICER):
        if role in user.roles:
            return role
    return ""


def case_add_report(*, case, report, by, site_url=""):
    """Add another report to a case (the same events, or more of them); returns False if it was in a case."""
    with transaction.atomic():
        _link, created = CaseReport.objects.get_or_create(report=report, defaults={"case": case, "added_by": by})
    if created:
        reporting_services.report_status_change(
            report=report,
            status=Report.Status.BEING_ASSESSED,
            handler_role=_handler_role(by),
            by_user=by,
            site_url=site_url,
            notify=not case.is_demo,
            is_demo=case.is_demo,
        )
        case_review_check(case=case, site_url=site_url)
    return created


def case_link_earlier(*, case, earlier, site_url=""):
    """Link an earlier case of the same victim, so repeat victimisation shows."""
    if earlier.pk == case.pk:
        raise ValidationError(_("A case cannot be linked to itself."))
    case.earlier_cases.add(earlier)
    case_review_check(case=case, site_url=site_url)


def case_classify(*, case, classification, reasons, by, nchi_threshold="", now=None):
    """Record a classification with its reasons and decision-maker; the NCHI threshold decision where it applies."""
    reasons = (reasons or "").strip()
    if not reasons:
        raise ValidationError(_("Give the reasons for this classification."))
    met = nchi_threshold.startswith("met_")
    if classification == Classification.NCHI and not met:
        raise ValidationError(
            _("A non-crime hate incident can only be recorded when the 2023 Code's threshold is met.")
        )
    if classification not in (Classification.NCHI, Classification.NOT_RECORDED):
        nchi_threshold = ""
    now = now or timezone.now()
    with transaction.atomic():
        decision = ClassificationDecision.objects.create(
            case=case,
            classification=classification,
            nchi_threshold=nchi_threshold,
            reasons=reasons,
            decided_by=by,
            decided_at=now,
        )
        case.classification = classification
        fields = ["classification"]
        if case.status == Case.Status.AWAITING_TRIAGE:
            case.status = Case.Status.OPEN
            fields.append("status")
        case.save(update_fields=fields)
    return decision


# The four factors are scored 0 (none), 1 (some) or 2 (serious).
def risk_level_for(*, repeat, vulnerability, escalation, impact):
    """The explicit rule for the risk level.

    High: the factors add up to 5 or more, or the behaviour is escalating seriously, or a seriously
    vulnerable victim is targeted again. Medium: they add up to 2 or more, or any one is serious.
    Low: anything else.
    """
    total = repeat + vulnerability + escalation + impact
    if total >= 5 or escalation == 2 or (vulnerability == 2 and repeat >= 1):
        return RiskLevel.HIGH
    if total >= 2 or 2 in (repeat, vulnerability, escalation, impact):
        return RiskLevel.MEDIUM
    return RiskLevel.LOW


def risk_assess(*, case, repeat, vulnerability, escalation, impact, notes, by, site_url="", now=None):
    """Record a risk assessment; a case newly at high risk is escalated to every caseworker of its team."""
    level = risk_level_for(repeat=repeat, vulnerability=vulnerability, escalation=escalation, impact=impact)
    with transaction.atomic():
        previous = case.risk_level
        assessment = RiskAssessment.objects.create(
            case=case,
            repeat=repeat,
            vulnerability=vulnerability,
            escalation=escalation,
            impact=impact,
            level=level,
            notes=notes,
            assessed_by=by,
            assessed_at=now or timezone.now(),
        )
        case.risk_level = level
        case.save(update_fields=["risk_level"])
    if level == RiskLevel.HIGH and previous != RiskLevel.HIGH and not case.is_demo:
        transaction.on_commit(lambda: _escalate(case, site_url))
    return assessment


def team_caseworkers(case):
    from accounts.models import User

    return User.objects.filter(
        organisation_id=case.team_id,
        is_active=True,
        groups__name__in=[Role.HATE_CRIME_CASEWORKER, Role.ASB_OFFICER],
    ).distinct()


def _escalate(case, site_url):
    # The email carries the case reference and a link only: the details stay behind sign-in.
    for member in team_caseworkers(case):
        notifications.send_email(
            to=member.email,
            template_id=notify.HIGH_RISK_EMAIL_TEMPLATE_ID,
            personalisation={"case_reference": case.reference, "case_url": _case_url(case, site_url)},
            reference=f"high-risk-{case.reference}",
        )


def needs_assess(*, case, needs, notes, by, now=None):
    now = now or timezone.now()
    with transaction.atomic():
        assessment = NeedsAssessment.objects.create(case=case, needs=list(needs), notes=notes, assessed_by=by)
        case.needs_assessed_at = now
        case.save(update_fields=["needs_assessed_at"])
    return assessment


def consent_for(case, recipient):
    """The reporter's active consent for ``recipient`` on any report of the case, or None."""
    wanted = CONSENT_NEEDED.get(recipient)
    if wanted is None:
        return None
    consents = Consent.objects.filter(
        report__case_link__case=case, recipient=wanted, given_at__isnull=False, withdrawn_at=None
    )
    return consents.order_by("given_at").first()


def referral_make(*, case, recipient, by, organisation=None, reason="", idempotency_key=None, site_url="", now=None):
    """Refer the case; police, Victim Support and housing providers only with the reporter's consent."""
    if idempotency_key is not None:
        existing = Referral.objects.filter(idempotency_key=idempotency_key).first()
        if existing is not None:
            return existing
    consent = consent_for(case, recipient)
    if recipient in CONSENT_NEEDED and consent is None:
        raise ConsentMissing(_("The reporter has not given consent to share this report with that recipient."))
    now = now or timezone.now()
    values = {
        "case": case,
        "recipient": recipient,
        "organisation": organisation,
        "consent": consent,
        "reason": reason,
        "made_by": by,
        "made_at": now,
        "is_demo": case.is_demo,
    }
    if idempotency_key is not None:
        values["idempotency_key"] = idempotency_key
    try:
        with transaction.atomic():
            referral = Referral.objects.create(**values)
            if recipient == Referral.Recipient.VICTIM_SUPPORT and case.referred_for_support_at is None:
                case.referred_for_support_at = now
                case.save(update_fields=["referred_for_support_at"])
    except IntegrityError:
        return Referral.objects.get(idempotency_key=idempotency_key)
    if consent is not None:
        reporting_services.report_status_change(
            report=consent.report,
            status=Report.Status.REFERRED,
            by_user=by,
            site_url=site_url,
            notify=not case.is_demo,
            is_demo=case.is_demo,
            now=now,
        )
    return referral


def referral_record_outcome(*, referral, status, outcome="", crime_reference="", now=None):
    referral.status = status
    referral.outcome = outcome
    if crime_reference:
        referral.crime_reference = crime_reference.strip()
    if status in (Referral.Status.DECLINED, Referral.Status.COMPLETED) or outcome:
        referral.outcome_at = now or timezone.now()
    referral.save(update_fields=["status", "outcome", "crime_reference", "outcome_at"])
    return referral


def party_add(
    *, case, kind, name, description="", is_group=False, group_size=None, is_vulnerable=False, idempotency_key=None
):
    if idempotency_key is not None:
        party, _created = Party.objects.get_or_create(
            idempotency_key=idempotency_key,
            defaults={
                "case": case,
                "kind": kind,
                "name": name,
                "description": description,
                "is_group": is_group,
                "group_size": group_size if is_group else None,
                "is_vulnerable": is_vulnerable,
                "is_demo": case.is_demo,
            },
        )
        return party
    return Party.objects.create(
        case=case,
        kind=kind,
        name=name,
        description=description,
        is_group=is_group,
        group_size=group_size if is_group else None,
        is_vulnerable=is_vulnerable,
        is_demo=case.is_demo,
    )


def action_record(
    *, case, kind, taken_on, by, party=None, police_outcome=None, taken_by="", notes="", idempotency_key=None
):
    """Add an entry to the case's ledger of action against the people responsible."""
    if kind == Action.Kind.POLICE_OUTCOME and police_outcome is None:
        raise ValidationError(_("Select the police outcome type."))
    if kind != Action.Kind.POLICE_OUTCOME:
        police_outcome = None
    if party is not None and party.case_id != case.pk:
        raise ValidationError(_("Select someone on this case."))
    defaults = {
        "case": case,
        "kind": kind,
        "party": party,
        "police_outcome": police_outcome,
        "taken_on": taken_on,
        "taken_by": taken_by,
        "notes": notes,
        "recorded_by": by,
        "is_demo": case.is_demo,
    }
    if idempotency_key is None:
        return Action.objects.create(**defaults)
    action, _created = Action.objects.get_or_create(idempotency_key=idempotency_key, defaults=defaults)
    return action


def note_add(*, case, text, by, idempotency_key=None):
    if idempotency_key is None:
        return CaseNote.objects.create(case=case, text=text, written_by=by, is_demo=case.is_demo)
    note, _created = CaseNote.objects.get_or_create(
        idempotency_key=idempotency_key,
        defaults={"case": case, "text": text, "written_by": by, "is_demo": case.is_demo},
    )
    return note


def case_message_send(*, case, report, body, by, idempotency_key, site_url="", now=None):
    """Write to the reporter on their report's secure channel; they are told there is news, never the content."""
    if report.case_link.case_id != case.pk:
        raise ValidationError(_("Select a report of this case."))
    sent = SentMessage.objects.filter(idempotency_key=idempotency_key).select_related("message").first()
    if sent is not None:
        return sent.message
    now = now or timezone.now()
    with transaction.atomic():
        message = reporting_services.message_send(
            report=report,
            author_side=Side.CASEWORKER,
            body=body,
            author=by,
            site_url=site_url,
            notify=not case.is_demo,
            is_demo=case.is_demo,
            now=now,
        )
        SentMessage.objects.create(case=case, message=message, idempotency_key=idempotency_key)
        case.last_update_at = now
        fields = ["last_update_at"]
        if case.first_contact_at is None:
            case.first_contact_at = now
            fields.append("first_contact_at")
        case.save(update_fields=fields)
    return message


def case_close(*, case, by, now=None, site_url=""):
    now = now or timezone.now()
    case.status = Case.Status.CLOSED
    case.closed_at = now
    case.save(update_fields=["status", "closed_at"])
    for link in case.case_reports.select_related("report"):
        reporting_services.report_status_change(
            report=link.report,
            status=Report.Status.CLOSED,
            by_user=by,
            site_url=site_url,
            notify=not case.is_demo,
            is_demo=case.is_demo,
            now=now,
        )
    return case


def case_reopen(*, case):
    case.status = Case.Status.OPEN if case.classification else Case.Status.AWAITING_TRIAGE
    case.closed_at = None
    case.save(update_fields=["status", "closed_at"])
    return case


# ASB case review (community trigger) --------------------------------------------------------------


def complaint_reports(case):
    """The reports that may count as complaints: this case's and those of its earlier cases."""
    return Report.objects.filter(case_link__case__in=[case, *case.earlier_cases.all()]).order_by("submitted_at")


def qualifying_complaints(case, *, now=None):
    """How many complaints count towards the case review threshold, under the local policy settings."""
    now = now or timezone.now()
    window_start = now - datetime.timedelta(days=policy.setting("CASE_REVIEW_WINDOW_DAYS"))
    within = datetime.timedelta(days=policy.setting("CASE_REVIEW_COMPLAINT_WITHIN_DAYS"))
    hate_rule = policy.setting("CASE_REVIEW_HATE_INCIDENTS")
    count = 0
    for report in complaint_reports(case).filter(submitted_at__gte=window_start, submitted_at__lte=now):
        strands = report.strands or []
        if report.incident_date is not None:
            made_in_time = report.submitted_at.date() - report.incident_date <= within
        else:
            made_in_time = report.is_ongoing
        if not made_in_time:
            continue
        if "asb" in strands:
            count += 1
        elif "hate" in strands:
            if hate_rule == "trigger":
                return max(count + 1, policy.setting("CASE_REVIEW_THRESHOLD"))
            if hate_rule == "count":
                count += 1
    return count


def case_review_check(*, case, site_url="", now=None):
    """Open a case review when the case qualifies, and tell the applicant; returns the review or None."""
    existing = CaseReview.objects.filter(case=case).first()
    if existing is not None:
        return existing
    count = qualifying_complaints(case, now=now)
    if count < policy.setting("CASE_REVIEW_THRESHOLD"):
        return None
    now = now or timezone.now()
    applicant = case.case_reports.select_related("report").order_by("-added_at").first()
    applicant_report = applicant.report if applicant else None
    with transaction.atomic():
        review, created = CaseReview.objects.get_or_create(
            case=case,
            defaults={
                "qualifying_complaints": count,
                "applicant_report": applicant_report,
                "qualified_at": now,
                "is_demo": case.is_demo,
            },
        )
        if created and applicant_report is not None:
            with translation.override(applicant_report.language or "en"):
                body = _(
                    "You have reported anti-social behaviour %(count)s times in the last six months. "
                    "You can ask for an anti-social behaviour case review (the community trigger): the "
                    "council, police and housing providers will look again at how your reports were "
                    "handled. Reply to this message to ask for a review."
                ) % {"count": count}
            reporting_services.message_send(
                report=applicant_report,
                author_side=Side.CASEWORKER,
                body=body,
                site_url=site_url,
                notify=not case.is_demo,
                is_demo=case.is_demo,
                now=now,
            )
            review.applicant_told_at = now
            review.save(update_fields=["applicant_told_at"])
    return review


def case_review_apply(*, review, now=None):
    now = now or timezone.now()
    review.stage = CaseReview.Stage.APPLIED
    review.applied_at = now
    review.threshold_decision_by = policy.add_working_days(
        timezone.localtime(now).date(), policy.setting("CASE_REVIEW_THRESHOLD_DECISION_WORKING_DAYS")
    )
    review.outcome_by = policy.add_working_days(
        timezone.localtime(now).date(), policy.setting("CASE_REVIEW_OUTCOME_WORKING_DAYS")
    )
    review.save(update_fields=["stage", "applied_at", "threshold_decision_by", "outcome_by"])
    return review


def case_review_decide(*, review, threshold_met, decision, now=None):
    now = now or timezone.now()
    review.stage = CaseReview.Stage.THRESHOLD_MET if threshold_met else CaseReview.Stage.THRESHOLD_NOT_MET
    review.threshold_decided_at = now
    review.decision = decision
    review.save(update_fields=["stage", "threshold_decided_at", "decision"])
    return review


def case_review_record_outcome(*, review, decision, now=None):
    review.stage = CaseReview.Stage.REVIEWED
    review.reviewed_at = now or timezone.now()
    review.decision = decision
    review.save(update_fields=["stage", "reviewed_at", "decision"])
    return review
