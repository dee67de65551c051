"""Synthetic demonstration organisations and one sign-in per role. Everything here is made up.

``load(rng)`` is called by ``manage.py load_demo`` (core) and is idempotent. Every demo account has
an authenticator app already set up with a secret derived from its email address, so the demo is
the same every time; ``manage.py demo_code <email>`` prints its current 6-digit code.
"""

import base64
import hashlib
import os

from django.conf import settings

from .models import Organisation, User
from .roles import Role
from .services import organisation_create, user_create, user_set_roles, user_sync_staff_status
from .totp import activate_totp

DEMO_EMAIL_DOMAIN = "demo.walsall-for-all.test"
DEFAULT_DEMO_PASSWORD = "Walsall-demo-2026"  # noqa: S105 - synthetic demo accounts only

K = Organisation.Kind
ORGANISATIONS = [
    ("Walsall Council — Community Cohesion", K.COUNCIL_TEAM),
    ("Walsall Council — Anti-social Behaviour Team", K.COUNCIL_TEAM),
    ("Walsall Council — Private Sector Housing", K.COUNCIL_TEAM),
    ("Walsall Council — Information Governance", K.COUNCIL_TEAM),
    ("West Midlands Police — Walsall", K.POLICE),
    ("Victim Support West Midlands", K.VICTIM_SUPPORT),
    ("Brookvale Homes", K.HOUSING_ASSOCIATION),
    ("Wyrley Vale Housing Trust", K.HOUSING_ASSOCIATION),
    ("Walsall for All CIC", K.COMMUNITY_INTEREST_COMPANY),
    ("Caldmore Community Forum", K.COMMUNITY_ORGANISATION),
    ("Palfrey Women's Network", K.COMMUNITY_ORGANISATION),
    ("Pleck Neighbourhood Hub (third-party reporting centre)", K.THIRD_PARTY_REPORTING_CENTRE),
    ("Bloxwich Library Place of Welcome", K.PLACE_OF_WELCOME),
]

# role: (email local part, organisation, job title)
ACCOUNTS = {
    Role.INTEGRATION_OFFICER: ("integration", "Walsall Council — Community Cohesion", "Integration officer"),
    Role.BUDDY_COORDINATOR: ("buddies", "Walsall for All CIC", "Buddy scheme coordinator"),
    Role.HATE_CRIME_CASEWORKER: ("caseworker", "Walsall Council — Community Cohesion", "Hate crime caseworker"),
    Role.ASB_OFFICER: ("asb", "Walsall Council — Anti-social Behaviour Team", "ASB officer"),
    Role.POLICE_LIAISON: ("police", "West Midlands Police — Walsall", "Hate crime liaison officer"),
    Role.VICTIM_SUPPORT_WORKER: ("victim-support", "Victim Support West Midlands", "Case worker"),
    Role.HOUSING_ENFORCEMENT_OFFICER: ("housing", "Walsall Council — Private Sector Housing", "Enforcement officer"),
    Role.GTR_LIAISON_OFFICER: ("gtr", "Walsall Council — Community Cohesion", "GTR liaison officer"),
    Role.PARTNER_ORGANISATION_USER: ("partner", "Brookvale Homes", "Community investment officer"),
    Role.THIRD_PARTY_REPORTING_CENTRE_USER: (
        "reporting-centre",
        "Pleck Neighbourhood Hub (third-party reporting centre)",
        "Hub volunteer",
    ),
    Role.AUDITOR: ("auditor", "Walsall Council — Information Governance", "Information governance auditor"),
    Role.ADMINISTRATOR: ("admin", "Walsall Council — Information Governance", "Systems administrator"),
    Role.VOLUNTEER: ("volunteer", "Caldmore Community Forum", "Community buddy"),
}

FIRST_NAMES = [
    "Aisha",
    "Bartosz",
    "Ceri",
    "Darius",
    "Elena",
    "Farhan",
    "Gurpreet",
    "Hannah",
    "Imran",
    "Joanna",
    "Kwame",
    "Laila",
    "Mihai",
    "Nasreen",
    "Owen",
    "Priya",
    "Rhiannon",
    "Sana",
    "Tomasz",
    "Yusuf",
]
LAST_NAMES = [
    "Ahmed",
    "Begum",
    "Clarke",
    "Dhillon",
    "Evans",
    "Hussain",
    "Kaur",
    "Kowalski",
    "Mahmood",
    "Nowak",
    "Okafor",
    "Popescu",
    "Rahman",
    "Sandhu",
    "Shah",
    "Thompson",
    "Walker",
    "Williams",
    "Zielinski",
    "Ionescu",
]


def demo_password():
    return getattr(settings, "DEMO_PASSWORD", None) or os.environ.get("DEMO_PASSWORD") or DEFAULT_DEMO_PASSWORD


def demo_email(role):
    return f"{ACCOUNTS[Role(role)][0]}@{DEMO_EMAIL_DOMAIN}"


def demo_totp_secret(email):
    """A fixed base32 TOTP secret for a demo account (public by design: the accounts are synthetic)."""
    digest = hashlib.sha256(f"living-together-demo-totp:{email.lower()}".encode()).digest()[:20]
    return base64.b32encode(digest).decode("ascii")


def load(rng):
    made_organisations = 0
    organisations = {}
    for name, kind in ORGANISATIONS:
        organisation = Organisation.objects.filter(name=name).first()
        if organisation is None:
            organisation = organisation_create(name=name, kind=kind, is_demo=True)
            made_organisations += 1
        organisations[name] = organisation

    made_users = 0
    password = demo_password()
    for role in Role:
        local_part, organisation_name, job_title = ACCOUNTS[role]
        email = f"{local_part}@{DEMO_EMAIL_DOMAIN}"
        # Draw the name every time so the sequence of names never depends on what already exists.
        full_name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        user = User.objects.filter(email=email).first()
        if user is None:
            user = user_create(
                email=email,
                full_name=full_name,
                password=password,
                organisation=organisations[organisation_name],
                job_title=job_title,
                roles=[role],
                is_demo=True,
            )
            made_users += 1
        elif not user.is_demo:
            raise RuntimeError(f"{email} exists and is not a demo account; refusing to touch it.")
        elif role not in user.roles:
            user_set_roles(user=user, roles=[*user.roles, role])
        else:
            # Accounts loaded before administrators could use the admin get ``is_staff`` now.
            user_sync_staff_status(user=user)
        activate_totp(user, demo_totp_secret(email))

    if not (made_organisations or made_users):
        return ""
    return f"{made_organisations} organisations and {made_users} staff sign-ins (one per role)"


def demo_signins():
    """(role label, email, password) for every demo sign-in, in role order."""
    password = demo_password()
    return [(str(Role(role).label), demo_email(role), password) for role in Role]
