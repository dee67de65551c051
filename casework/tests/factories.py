"""Factories for casework tests. Reports are made straight over reporting's models (no Argon2 receipt):
casework never needs the receipt, and hundreds of hashes would make the tests slow."""

import datetime
import uuid

import factory
from django.utils import timezone

from accounts.roles import Role
from accounts.tests.factories import OrganisationFactory, UserFactory
from casework import services
from casework.models import Action, Case
from reporting.models import Consent, Report


class ReportFactory(factory.django.DjangoModelFactory):
    """A submitted report; ``ReportFactory(consents=["police"])`` gives consent to those recipients."""

    class Meta:
        model = Report
        skip_postgeneration_save = True

    reference = factory.Sequence(lambda n: f"HT{n:06d}")
    reporter_role = "victim"
    strands = factory.LazyFunction(lambda: ["hate"])
    characteristics = factory.LazyFunction(lambda: ["race"])
    account = "SYNTHETIC account of what happened"
    incident_date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=2))
    location_kind = "place"
    ward_code = ""
    receipt_hash = "not-a-real-hash"
    idempotency_key = factory.LazyFunction(uuid.uuid4)
    submitted_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def consents(obj, create, extracted, **kwargs):
        given = set(extracted or ())
        for recipient in Consent.Recipient.values:
            Consent.objects.create(
                report=obj, recipient=recipient, given_at=obj.submitted_at if recipient in given else None
            )


def caseworker(organisation=None, role=Role.HATE_CRIME_CASEWORKER, **kwargs):
    organisation = organisation or OrganisationFactory(name="Walsall Council — Community Cohesion")
    return UserFactory(roles=[role], organisation=organisation, with_totp=True, **kwargs)


def open_case(*, by=None, report=None, **report_values):
    """A case opened by ``by`` (a new caseworker if not given) on ``report`` (a new report if not given)."""
    by = by or caseworker()
    report = report or ReportFactory(**report_values)
    return services.case_open(report=report, by=by)


def action(case, kind=Action.Kind.WARNING_LETTER, police_outcome=None, **kwargs):
    return services.action_record(
        case=case,
        kind=kind,
        police_outcome=police_outcome,
        taken_on=timezone.localdate(),
        by=kwargs.pop("by", case.lead),
        **kwargs,
    )


def classify(case, classification="hate_crime", **kwargs):
    return services.case_classify(
        case=case, classification=classification, reasons="SYNTHETIC reasons", by=case.lead, **kwargs
    )


__all__ = ["Case", "ReportFactory", "action", "caseworker", "classify", "open_case"]
