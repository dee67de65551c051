from accounts.roles import Role
from tests.access import REDIRECT, Expect, public, staff_only


def _signup_reference():
    from signup.tests.factories import SignUpFactory

    return {"reference": SignUpFactory().reference}


def _erase_token():
    from signup import links
    from signup.tests.factories import SignUpFactory

    return {"token": links.erase_token(SignUpFactory())}


def _outcome_token():
    from signup import links
    from signup.tests.factories import FollowUpFactory

    return {"token": links.outcome_token(FollowUpFactory())}


OFFICERS = [Role.INTEGRATION_OFFICER, Role.ADMINISTRATOR]

EXPECTATIONS = [
    public("signup:start"),
    public("signup:question", kwargs=lambda: {"step": "name"}),
    # Without answers in the session both send the visitor to the start.
    Expect("signup:check", default=REDIRECT),
    Expect("signup:confirmation", default=REDIRECT),
    public("signup:privacy"),
    public("signup:erase", kwargs=_erase_token),
    public("signup:outcome", kwargs=_outcome_token),
    staff_only("signup:staff_overview", OFFICERS),
    staff_only("signup:staff_csv", OFFICERS),
    # Names and contact details: integration officers only.
    staff_only("signup:staff_detail", [Role.INTEGRATION_OFFICER], kwargs=_signup_reference),
]
