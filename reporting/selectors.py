"""Reads for the reporting pages: the reporter's own report in plain words, and where else to report."""

from django.utils.translation import gettext_lazy as _

from .models import Consent, Evidence, Report, ReportUpdate

THIRD_PARTY_CENTRES_CATEGORY = "hate-crime-reporting"

# What each status means to the reporter, in plain words.
STATUS_WORDS = {
    Report.Status.RECEIVED: _(
        "We have your report. A caseworker will look at it within 1 working day if it is about hate or "
        "you do not feel safe, and within 5 working days otherwise."
    ),
    Report.Status.BEING_ASSESSED: _("A caseworker is looking at your report and what support you need."),
    Report.Status.IN_PROGRESS: _("A caseworker is working on your report."),
    Report.Status.REFERRED: _("With your consent, your report has been passed to a partner who can help."),
    Report.Status.CLOSED: _("Your report is closed. You can still send a message if something changes."),
}

# A summary of the Code of Practice for Victims of Crime (2020), as a reporter needs it.
VICTIMS_CODE_RIGHTS = [
    _("To be able to understand and to be understood, with an interpreter if you need one."),
    _("To have the details of the crime recorded without unjustified delay."),
    _("To be given information when reporting the crime, and a written acknowledgement."),
    _("To be referred to services that support victims, and to have your needs assessed."),
    _("To be given information about compensation."),
    _("To be given information about the investigation and prosecution."),
    _("To make a Victim Personal Statement."),
    _("To be given information about the trial and what happens."),
    _("To be given information about the outcome of the case and any appeal."),
    _("To be paid expenses and have property returned."),
    _("To be given information about the offender after a conviction."),
    _("To make a complaint about your rights not being met."),
]


def third_party_reporting_centres(limit=30):
    """Active services in the directory's third-party hate crime reporting centre category."""
    from directory.models import TaxonomyTerm
    from directory.search import SearchQuery, services_matching
    from directory.taxonomy import TAXONOMY_ID

    term = TaxonomyTerm.objects.filter(taxonomy_id=TAXONOMY_ID, term=THIRD_PARTY_CENTRES_CATEGORY).first()
    if term is None:
        return []
    return list(services_matching(SearchQuery(category_id=str(term.pk))).select_related("organization")[:limit])


def draft_evidence(draft_key):
    return Evidence.objects.filter(draft_key=draft_key, report=None).order_by("uploaded_at")


def report_by_idempotency_key(key):
    return Report.objects.filter(idempotency_key=key).first() if key else None


def report_for_reporter(report_id):
    return Report.objects.filter(pk=report_id).first()


def handler_words(report):
    """Who is handling the report, by role (never a name: the reporter may be anonymous, staff too)."""
    from accounts.roles import Role

    if report.handler_role in Role.values:
        return Role(report.handler_role).label
    return _("Walsall Council's hate crime and anti-social behaviour team")


def reporter_view(report):
    consents = {consent.recipient: consent for consent in report.consents.all()}
    return {
        "report": report,
        "status_words": STATUS_WORDS.get(report.status, report.get_status_display()),
        "handler": handler_words(report),
        "rights": VICTIMS_CODE_RIGHTS,
        "messages_list": list(report.messages.order_by("created_at", "id")),
        "updates": list(report.updates.filter(visible_to_reporter=True).exclude(kind=ReportUpdate.Kind.MESSAGE)),
        "consents": [(recipient, label, consents.get(recipient)) for recipient, label in Consent.Recipient.choices],
        "evidence": list(report.evidence.order_by("uploaded_at")),
    }
