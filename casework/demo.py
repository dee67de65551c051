"""Synthetic casework over the reporting demo's reports: triage, risk, referrals, actions, case reviews.

Runs after ``reporting.demo`` (INSTALLED_APPS order). Idempotent: a report already in a case is
left as it is, and message keys are derived from the case reference. About one report in six is
left untriaged so the queue has new work in it.
"""

import datetime
import uuid

from django.utils import timezone

from accounts.demo import demo_email
from accounts.models import Organisation, User
from accounts.roles import Role
from reporting.models import Report

from . import services
from .models import Action, Case, CaseReview, Classification, Referral

MESSAGE_NAMESPACE = uuid.UUID("7c1d5f0e-8a2b-4c3d-9e4f-5a6b7c8d9e0f")

HATE_REASONS = [
    "SYNTHETIC: threats and abuse referring to the victim's religion; an offence under the Public Order Act 1986.",
    "SYNTHETIC: damage to the victim's car with racist graffiti; criminal damage, racially aggravated.",
    "SYNTHETIC: repeated online abuse targeting the victim's sexual orientation; malicious communications.",
]
NCHI_REASONS = [
    "SYNTHETIC: leaflets hostile to a community left at the mosque; no offence, but a real risk of harm to the group.",
    "SYNTHETIC: hostile remarks about disability in a shop; no offence, escalating pattern in the area.",
]
ASB_REASONS = [
    "SYNTHETIC: noise and intimidation by a group outside the victim's home, persistent over several weeks.",
    "SYNTHETIC: fly-tipping and verbal abuse from a neighbour.",
]
MESSAGES = [
    "SYNTHETIC: Thank you for your report. I am your caseworker and will call you at the time you said is safe.",
    "SYNTHETIC: We have spoken to your housing provider, who will visit this week.",
    "SYNTHETIC: The police have given your report a crime reference number. I will tell you what happens next.",
]
ACTIONS = [
    (Action.Kind.WARNING_LETTER, None),
    (Action.Kind.ACCEPTABLE_BEHAVIOUR_CONTRACT, None),
    (Action.Kind.COMMUNITY_PROTECTION_WARNING, None),
    (Action.Kind.COMMUNITY_PROTECTION_NOTICE, None),
    (Action.Kind.POLICE_OUTCOME, 1),
    (Action.Kind.POLICE_OUTCOME, 8),
    (Action.Kind.POLICE_OUTCOME, 18),
    (Action.Kind.POLICE_OUTCOME, 14),
    (Action.Kind.RESTORATIVE_JUSTICE, None),
    (Action.Kind.TENANCY_ENFORCEMENT, None),
    (Action.Kind.ADVICE_ONLY, None),
]


def _user(role):
    return User.objects.filter(email=demo_email(role)).first()


def load(rng):
    caseworker = _user(Role.HATE_CRIME_CASEWORKER)
    asb_officer = _user(Role.ASB_OFFICER)
    if caseworker is None or asb_officer is None:
        return "no demo caseworkers (accounts demo not loaded)"
    reports = list(Report.objects.filter(is_demo=True).order_by("submitted_at", "id"))
    if not reports:
        return "no demo reports to work on (reporting demo not loaded)"
    police = Organisation.objects.filter(kind=Organisation.Kind.POLICE, is_demo=True).first()
    victim_support = Organisation.objects.filter(kind=Organisation.Kind.VICTIM_SUPPORT, is_demo=True).first()
    housing = Organisation.objects.filter(kind=Organisation.Kind.HOUSING_ASSOCIATION, is_demo=True).first()
    made = 0
    asb_cases = []
    for index, report in enumerate(reports):
        # A stable choice per report, so a second run makes the same decisions.
        if index % 6 == 5 or hasattr(report, "case_link"):
            if hasattr(report, "case_link") and (report.strands or []) == ["asb"]:
                asb_cases.append(report.case_link.case)
            continue
        is_asb = (report.strands or []) == ["asb"]
        worker = asb_officer if is_asb else caseworker
        opened_at = report.submitted_at + datetime.timedelta(hours=rng.choice([2, 5, 20, 30, 70]))
        case = services.case_open(report=report, by=worker, now=opened_at, is_demo=True)
        made += 1
        _work_on(case, report, worker, rng, opened_at, police, victim_support, housing)
        if is_asb:
            asb_cases.append(case)
    reviews = _community_triggers(asb_cases)
    return f"{made} cases opened, {reviews} case reviews; {Case.objects.filter(is_demo=True).count()} demo cases in all"


def _work_on(case, report, worker, rng, opened_at, police, victim_support, housing):
    strands = report.strands or []
    if rng.random() < 0.15:
        return  # awaiting triage
    if strands == ["asb"]:
        classification, reasons, threshold = Classification.ASB, rng.choice(ASB_REASONS), ""
    elif rng.random() < 0.65:
        classification, reasons, threshold = Classification.HATE_CRIME, rng.choice(HATE_REASONS), ""
        if "asb" in strands:
            classification = Classification.HATE_CRIME_AND_ASB
    else:
        classification, reasons, threshold = Classification.NCHI, rng.choice(NCHI_REASONS), "met_harm"
    services.case_classify(
        case=case,
        classification=classification,
        reasons=reasons,
        nchi_threshold=threshold,
        by=worker,
        now=opened_at + datetime.timedelta(hours=1),
    )
    factors = [rng.choice([0, 0, 1, 1, 2]) for _ in range(4)]
    services.risk_assess(
        case=case,
        repeat=factors[0],
        vulnerability=factors[1],
        escalation=factors[2],
        impact=factors[3],
        notes="SYNTHETIC risk notes",
        by=worker,
        now=opened_at + datetime.timedelta(hours=2),
    )
    services.needs_assess(
        case=case,
        needs=rng.sample(["safety", "emotional", "practical", "interpreter", "housing"], k=rng.randint(1, 3)),
        notes="SYNTHETIC needs",
        by=worker,
        now=opened_at + datetime.timedelta(hours=3),
    )
    services.case_message_send(
        case=case,
        report=report,
        body=rng.choice(MESSAGES),
        by=worker,
        idempotency_key=uuid.uuid5(MESSAGE_NAMESPACE, case.reference),
        now=opened_at + datetime.timedelta(hours=rng.choice([1, 4, 26])),
    )
    for recipient, organisation in (
        (Referral.Recipient.POLICE, police),
        (Referral.Recipient.VICTIM_SUPPORT, victim_support),
        (Referral.Recipient.HOUSING_PROVIDER, housing),
    ):
        if services.consent_for(case, recipient) is None or rng.random() < 0.3:
            continue
        referral = services.referral_make(
            case=case,
            recipient=recipient,
            organisation=organisation,
            reason="SYNTHETIC referral",
            by=worker,
            now=opened_at + datetime.timedelta(days=1),
        )
        status = rng.choice(list(Referral.Status.values))
        services.referral_record_outcome(
            referral=referral,
            status=status,
            outcome="SYNTHETIC outcome" if status != Referral.Status.SENT else "",
            crime_reference=f"20/{rng.randint(10000, 99999)}/26" if recipient == Referral.Recipient.POLICE else "",
        )
    if rng.random() < 0.5:
        services.party_add(case=case, kind="victim", name="SYNTHETIC victim", is_vulnerable=rng.random() < 0.3)
        perpetrator = services.party_add(
            case=case,
            kind="perpetrator",
            name=rng.choice(["SYNTHETIC neighbour", "SYNTHETIC group at the shops", "SYNTHETIC online account"]),
            is_group=rng.random() < 0.3,
            group_size=rng.randint(2, 6),
        )
        kind, outcome = rng.choice(ACTIONS)
        services.action_record(
            case=case,
            kind=kind,
            police_outcome=outcome,
            party=perpetrator,
            taken_on=min(timezone.localdate(), (opened_at + datetime.timedelta(days=14)).date()),
            taken_by="West Midlands Police" if kind == Action.Kind.POLICE_OUTCOME else "Walsall Council",
            by=worker,
        )
    if rng.random() < 0.3:
        services.case_close(case=case, by=worker, now=opened_at + datetime.timedelta(days=30))


def _community_triggers(asb_cases):
    """Treat every three anti-social behaviour cases in a row as one resident's repeat complaints:
    the latest links the two before as earlier cases, and qualifies for a case review if they
    fall within the threshold's window."""
    cases = sorted(asb_cases, key=lambda case: (case.opened_at, case.pk))
    for latest_index in range(2, len(cases), 3):
        latest = cases[latest_index]
        for earlier in cases[latest_index - 2 : latest_index]:
            if not latest.earlier_cases.filter(pk=earlier.pk).exists():
                services.case_link_earlier(case=latest, earlier=earlier)
    return CaseReview.objects.filter(case__in=cases).count()
