"""Who may open each casework page. Case pages answer only the case's own team (checked with a
team member in test_caseworkers_see_only_their_teams_cases.py); the visitors here are all of
other organisations, so every role gets 403 there."""

from accounts.roles import Role
from casework.rules import PARTNER_ROLES, STATISTICS_ROLES
from tests.access import FORBIDDEN, SIGN_IN, Expect, public, staff_only


def _case():
    from casework.tests.factories import open_case

    return {"reference": open_case().reference}


def _new_hate_report():
    from casework.tests.factories import ReportFactory

    return {"reference": ReportFactory(strands=["hate"]).reference}


def _police_referral():
    from casework import services
    from casework.tests.factories import ReportFactory, open_case

    case = open_case(report=ReportFactory(consents=["police"]))
    referral = services.referral_make(case=case, recipient="police", by=case.lead)
    return {"pk": referral.pk}


def _team_only(url_name):
    return Expect(url_name, default=FORBIDDEN, anonymous=SIGN_IN, kwargs=_case)


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
            "casework:case_review",
            "casework:case_close",
        )
    ),
    public("casework:public_figures"),
]
