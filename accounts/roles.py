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
