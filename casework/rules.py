"""Who may see and do what in casework. Deny by default.

- Hate crime caseworkers and ASB officers see new reports of their strand (the council's intake)
  and the cases of their own team (their organisation).
- Partners see only referrals made to them: the police liaison officer only referrals to the
  police, Victim Support only referrals to Victim Support, and both only while the reporter's
  consent stands; housing providers and the GTR liaison officer only referrals to them.
- A third-party reporting centre sees only the status of reports its organisation submitted.
- Statistics (no personal data) are for the officers and partners who work on cases, and auditors.
"""

import rules

from accounts.roles import Role
from accounts.rules import has_role

CASE_ROLES = (Role.HATE_CRIME_CASEWORKER, Role.ASB_OFFICER)
# Which roles receive each kind of referral.
REFERRAL_ROLES = {
    "police": (Role.POLICE_LIAISON,),
    "victim_support": (Role.VICTIM_SUPPORT_WORKER,),
    "housing_provider": (Role.HOUSING_ENFORCEMENT_OFFICER, Role.PARTNER_ORGANISATION_USER),
    "gtr_liaison": (Role.GTR_LIAISON_OFFICER,),
    "other": (Role.PARTNER_ORGANISATION_USER,),
}
PARTNER_ROLES = tuple(sorted({role for roles in REFERRAL_ROLES.values() for role in roles}))
# Referrals that only members of the named receiving organisation may see (there are several).
NAMED_ORGANISATION_RECIPIENTS = frozenset({"housing_provider", "other"})
# Referrals whose visibility to the partner depends on the reporter's consent staying in force.
CONSENTED_RECIPIENTS = frozenset({"police", "victim_support", "housing_provider"})

works_on_cases = has_role(*CASE_ROLES)
is_partner = has_role(*PARTNER_ROLES)
is_reporting_centre = has_role(Role.THIRD_PARTY_REPORTING_CENTRE_USER)
STRAND_OF_ROLE = {Role.HATE_CRIME_CASEWORKER: "hate", Role.ASB_OFFICER: "asb"}


@rules.predicate
def is_case_team(user, case):
    return bool(case is not None and user.organisation_id and case.team_id == user.organisation_id)


def strands_for(user):
    return {STRAND_OF_ROLE[role] for role in CASE_ROLES if role in user.roles}


@rules.predicate
def can_open_report(user, report):
    """A report in a case follows the case; a new one is open to the caseworkers of its strand."""
    if report is None:
        return False
    link = getattr(report, "case_link", None)
    if link is not None:
        return is_case_team(user, link.case)
    return bool(strands_for(user) & set(report.strands or []))


def referral_visible_to(user, referral):
    """A partner sees a referral made to their role (and organisation, when one was named), with consent."""
    roles = REFERRAL_ROLES.get(referral.recipient, ())
    if not user.has_role(*roles):
        return False
    if referral.organisation_id is None and referral.recipient in NAMED_ORGANISATION_RECIPIENTS:
        return False
    if referral.organisation_id is not None and referral.organisation_id != user.organisation_id:
        return False
    return referral.recipient not in CONSENTED_RECIPIENTS or referral.consent_is_active


@rules.predicate
def can_see_referral(user, referral):
    if referral is None:
        return False
    if user.has_role(*CASE_ROLES) and is_case_team(user, referral.case):
        return True
    return referral_visible_to(user, referral)


rules.add_perm("casework.view_queue", works_on_cases)
rules.add_perm("casework.view_case", works_on_cases & is_case_team)
rules.add_perm("casework.change_case", works_on_cases & is_case_team)
rules.add_perm("casework.triage_report", works_on_cases & can_open_report)
rules.add_perm("casework.view_referrals", is_partner)
rules.add_perm("casework.view_referral", can_see_referral)
rules.add_perm("casework.view_submitted", is_reporting_centre)
STATISTICS_ROLES = (
    *CASE_ROLES,
    Role.POLICE_LIAISON,
    Role.VICTIM_SUPPORT_WORKER,
    Role.HOUSING_ENFORCEMENT_OFFICER,
    Role.GTR_LIAISON_OFFICER,
    Role.AUDITOR,
)
rules.add_perm("casework.view_statistics", has_role(*STATISTICS_ROLES))
