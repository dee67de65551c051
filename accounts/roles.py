"""The roles of the partnership, defined once. Each role is a Django group of the same name."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    INTEGRATION_OFFICER = "integration_officer", _("Integration officer")
    BUDDY_COORDINATOR = "buddy_coordinator", _("Buddy coordinator")
    HATE_CRIME_CASEWORKER = "hate_crime_caseworker", _("Hate crime caseworker")
    ASB_OFFICER = "asb_officer", _("Anti-social behaviour officer")
    POLICE_LIAISON = "police_liaison", _("Police liaison officer")
    VICTIM_SUPPORT_WORKER = "victim_support_worker", _("Victim support worker")
    HOUSING_ENFORCEMENT_OFFICER = "housing_enforcement_officer", _("Housing enforcement officer")
    GTR_LIAISON_OFFICER = "gtr_liaison_officer", _("Gypsy, Traveller and Roma liaison officer")
    PARTNER_ORGANISATION_USER = "partner_organisation_user", _("Partner organisation user")
    THIRD_PARTY_REPORTING_CENTRE_USER = "third_party_reporting_centre_user", _("Third-party reporting centre user")
    AUDITOR = "auditor", _("Auditor")
    ADMINISTRATOR = "administrator", _("Administrator")
    VOLUNTEER = "volunteer", _("Volunteer")


# Roles that can open special-category or criminal-offence data (UK GDPR Art. 9 and 10), and so
# must sign in with two factors. Auditors read who opened what; administrators manage accounts.
SENSITIVE_ROLES = frozenset(
    {
        Role.HATE_CRIME_CASEWORKER,
        Role.ASB_OFFICER,
        Role.POLICE_LIAISON,
        Role.VICTIM_SUPPORT_WORKER,
        Role.HOUSING_ENFORCEMENT_OFFICER,
        Role.GTR_LIAISON_OFFICER,
        Role.THIRD_PARTY_REPORTING_CENTRE_USER,
        Role.AUDITOR,
        Role.ADMINISTRATOR,
    }
)


# What each role lets its holder do, shown on the staff dashboard.
ROLE_DESCRIPTIONS = {
    Role.INTEGRATION_OFFICER: _("Run the Welcome Pack and sign-up for new residents and manage dialogue events."),
    Role.BUDDY_COORDINATOR: _("Match newcomers with community buddies and support the buddy network."),
    Role.HATE_CRIME_CASEWORKER: _("Open and work on hate crime reports and cases shared with your organisation."),
    Role.ASB_OFFICER: _("Open and work on anti-social behaviour complaints and cases."),
    Role.POLICE_LIAISON: _("See cases referred to the police and record police actions."),
    Role.VICTIM_SUPPORT_WORKER: _("Support victims on cases shared with Victim Support, with their consent."),
    Role.HOUSING_ENFORCEMENT_OFFICER: _("Investigate complaints about rogue landlords and record enforcement."),
    Role.GTR_LIAISON_OFFICER: _("Record and act on the needs of Gypsy, Traveller and Roma communities."),
    Role.PARTNER_ORGANISATION_USER: _("Keep your organisation's services, pledges and Places of Welcome up to date."),
    Role.THIRD_PARTY_REPORTING_CENTRE_USER: _("Submit hate crime reports on behalf of people who come to your centre."),
    Role.AUDITOR: _("Search and export the audit trail of who created, changed or opened personal data."),
    Role.ADMINISTRATOR: _("Manage organisations, user accounts and roles."),
    Role.VOLUNTEER: _("See your own buddy matches, log your meetings and raise a concern with the coordinator."),
}
