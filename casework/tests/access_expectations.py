"""Who may open each casework page.

Case pages answer only the case's own team. The URL × role tests give every role a user of its own
organisation, so each case is opened in the organisation of the visiting hate crime caseworker (the
kwargs are built after the visitors): that caseworker gets the page, everyone else - the anti-social
behaviour officer of another organisation included - is refused.
"""

from accounts.roles import Role
from casework.rules import PARTNER_ROLES, STATISTICS_ROLES
from tests.access import FORBIDDEN, OK, REDIRECT, SIGN_IN, Expect, public, staff_only


def _visiting_caseworker():
    from accounts.models import User

    # The visitors are made before any row's kwargs (which make caseworkers of their own): the first is the visitor.
    return User.objects.filter(groups__name=Role.HATE_CRIME_CASEWORKER).order_by("pk").first()


def _team_case():
    from casework.tests.factories import open_case

    return open_case(by=_visiting_caseworker())


def _case():
    return {"reference": _team_case().reference}


def _case_with_review():
    from casework.models import CaseReview

    case = _team_case()
    CaseReview.objects.create(case=case, qualifying_complaints=3)
    return {"reference": case.reference}


def _case_with_evidence():
    import tempfile

    from django.test.utils import override_settings

    from reporting import services as reporting_services
    from reporting.evidence import CheckedFile

    # The URL × role tests name no private evidence directory: keep this synthetic file out of var/.
    override_settings(REPORTING_EVIDENCE_ROOT=tempfile.mkdtemp(prefix="casework-access-")).enable()
    case = _team_case()
    report = case.case_reports.get().report
    checked = CheckedFile(content=b"%PDF-1.4 SYNTHETIC", content_type="application/pdf", sha256="0" * 64)
    item = reporting_services.evidence_store(checked=checked, name="synthetic.pdf", report=report)
    return {"reference": case.reference, "evidence_id": item.pk}


def _new_hate_report():
    from casework.tests.factories import ReportFactory

    return {"reference": ReportFactory(strands=["hate"]).reference}


def _police_referral():
    from casework import services
    from casework.tests.factories import ReportFactory, open_case

    case = open_case(report=ReportFactory(consents=["police"]))
    referral = services.referral_make(case=case, recipient="police", by=case.lead)
    return {"pk": referral.pk}


def _team_only(url_name, team_status=OK, kwargs=_case):
    return Expect(
        url_name,
        default=FORBIDDEN,
        anonymous=SIGN_IN,
        roles={Role.HATE_CRIME_CASEWORKER: team_status},
        kwargs=kwargs,
    )


EXPECTATIONS = [
    staff_only("casework:queue", [Role.HATE_CRIME_CASEWORKER, Role.ASB_OFFICER]),
    staff_only("casework:statistics", STATISTICS_ROLES),
    staff_only("casework:statistics_csv", STATISTICS_ROLES),
    staff_only("casework:referral_list", PARTNER_ROLES),
    staff_only("casework:referral_detail", [Role.POLICE_LIAISON], kwargs=_police_referral),
    staff_only("casework:submitted_list", [Role.THIRD_PARTY_REPORTING_CENTRE_USER]),
    staff_only("casework:report_triage", [Role.HATE_CRIME_CASEWORKER], kwargs=_new_hate_report),
    *(
        _team_only(name)
        for name in (
            "casework:case_detail",
            "casework:case_classify",
            "casework:case_risk",
            "casework:case_needs",
            "casework:case_party_add",
            "casework:case_referral_add",
            "casework:case_action_add",
            "casework:case_message",
            "casework:case_note_add",
            "casework:case_link",
        )
    ),
    _team_only("casework:case_review", kwargs=_case_with_review),
    _team_only("casework:case_evidence_file", kwargs=_case_with_evidence),
    # Closing is a POST; a GET goes back to the case page.
    _team_only("casework:case_close", team_status=REDIRECT),
    public("casework:public_figures"),
]
