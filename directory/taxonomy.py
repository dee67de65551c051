"""The Walsall services taxonomy: the categories residents search the directory by.

Data, not code: ``CATEGORIES`` lists each top-level category with its child terms. Names are
stored in English in the database (the Open Referral API serves them as they are) and shown
through gettext, looked up by the term's code, so the public pages read in the visitor's language.
``load_walsall_taxonomy()`` makes the taxonomy idempotently: ids are derived from the codes, so a
second run changes nothing and the ids survive export and import.
"""

import uuid

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from .models import Taxonomy, TaxonomyTerm

TAXONOMY_NAME = "Walsall services"
TAXONOMY_URI = "https://livingtogether.walsall.gov.uk/taxonomy/walsall-services"
TAXONOMY_VERSION = "1"
_NAMESPACE = uuid.UUID("8f0c6d1e-6a55-4f7e-9a3b-2b0c5e1d7a10")
TAXONOMY_ID = uuid.uuid5(_NAMESPACE, "taxonomy")

# (code, name, description, [(code, name, description), ...])
CATEGORIES = [
    (
        "learning-english",
        _("Learning English"),
        _("English classes and places to practise speaking English."),
        [
            ("esol-classes", _("ESOL classes"), _("English for Speakers of Other Languages courses, all levels.")),
            ("conversation-clubs", _("English conversation clubs"), _("Informal groups to practise everyday English.")),
        ],
    ),
    (
        "health",
        _("Health"),
        _("Doctors, dentists, pharmacies and health advice."),
        [
            ("gp-registration", _("Registering with a GP"), _("Help to register with a family doctor (GP).")),
            ("dentists", _("Dentists"), _("NHS dental practices.")),
            ("pharmacies", _("Pharmacies"), _("Chemists for medicines and health advice.")),
            ("mental-health", _("Mental health and wellbeing"), _("Support for mental health and wellbeing.")),
        ],
    ),
    (
        "schools-childcare",
        _("Schools and childcare"),
        _("School places, nurseries, childminders and family support."),
        [
            ("school-admissions", _("School places"), _("Applying for a school place and help with school.")),
            ("childcare", _("Childcare and nurseries"), _("Nurseries, childminders and free childcare hours.")),
            ("family-hubs", _("Family hubs and children's centres"), _("Support for parents, carers and children.")),
        ],
    ),
    (
        "council-services",
        _("Council services"),
        _("Services run by Walsall Council."),
        [
            ("council-tax", _("Council tax"), _("Paying council tax, discounts and support.")),
            ("waste-recycling", _("Waste and recycling"), _("Bin collections, recycling and bulky waste.")),
            ("register-to-vote", _("Registering to vote"), _("Getting on the electoral register.")),
        ],
    ),
    (
        "housing",
        _("Housing"),
        _("Housing advice, homelessness help and tenants' rights."),
        [
            ("housing-advice", _("Housing advice"), _("Advice on finding a home and homelessness.")),
            ("tenants-rights", _("Tenants' rights"), _("Help with landlords, repairs, deposits and evictions.")),
        ],
    ),
    (
        "money",
        _("Benefits and money advice"),
        _("Benefits, debt and budgeting help."),
        [
            ("benefits-advice", _("Benefits advice"), _("Help to claim the benefits you are entitled to.")),
            ("debt-advice", _("Debt and money advice"), _("Free, confidential help with debt and budgeting.")),
        ],
    ),
    (
        "employment",
        _("Work and skills"),
        _("Finding work, training and volunteering."),
        [
            ("job-search", _("Help finding work"), _("CVs, applications and job clubs.")),
            ("training-skills", _("Training and skills"), _("Courses and qualifications for work.")),
            ("volunteering", _("Volunteering"), _("Ways to give time and gain experience.")),
        ],
    ),
    (
        "community-groups",
        _("Community groups"),
        _("Local groups, clubs and community centres."),
        [],
    ),
    (
        "faith",
        _("Faith groups"),
        _("Places of worship and faith-based community support."),
        [],
    ),
    (
        "sport-leisure",
        _("Sport and leisure"),
        _("Sports clubs, leisure centres, parks and activities."),
        [],
    ),
    (
        "places-of-welcome",
        _("Places of Welcome"),
        _("Warm, friendly places open to anyone who wants company, a drink and a chat."),
        [],
    ),
    (
        "hate-crime-reporting",
        _("Hate crime reporting centres"),
        _("Third-party centres where you can report hate crime without going to the police first."),
        [],
    ),
    (
        "victim-support",
        _("Victim support"),
        _("Support for people affected by crime, abuse or harassment."),
        [],
    ),
    (
        "emergency-help",
        _("Emergency and urgent help"),
        _("Food, shelter and urgent help today."),
        [
            ("food-banks", _("Food banks and food clubs"), _("Free or low-cost food.")),
            ("crisis-support", _("Crisis support"), _("Urgent help with money, shelter or safety.")),
        ],
    ),
]


def term_id(code):
    return uuid.uuid5(_NAMESPACE, f"term:{code}")


def _all_terms():
    """(code, name, description, parent code or None) for every term, parents first."""
    for code, name, description, children in CATEGORIES:
        yield code, name, description, None
        for child_code, child_name, child_description in children:
            yield child_code, child_name, child_description, code


LABELS = {code: name for code, name, _description, _parent in _all_terms()}
TOP_LEVEL_CODES = [code for code, *_rest in CATEGORIES]


def term_label(term):
    """A term's name in the active language (the stored name for terms not in this taxonomy)."""
    label = LABELS.get(term.term) if term.taxonomy_id == TAXONOMY_ID else None
    return str(label) if label else term.name


@transaction.atomic
def load_walsall_taxonomy():
    """Make or update the taxonomy and its terms; returns the number of records created."""
    created = 0
    _taxonomy, made = Taxonomy.objects.update_or_create(
        id=TAXONOMY_ID,
        defaults={
            "name": TAXONOMY_NAME,
            "description": "Categories of public services in Walsall, for residents searching the directory.",
            "uri": TAXONOMY_URI,
            "version": TAXONOMY_VERSION,
        },
    )
    created += made
    for code, name, description, parent in _all_terms():
        with_english = {"name": _english(name), "description": _english(description)}
        term, made = TaxonomyTerm.objects.get_or_create(
            id=term_id(code),
            defaults={
                **with_english,
                "taxonomy_id": TAXONOMY_ID,
                "taxonomy_name": TAXONOMY_NAME,
                "term": code,
                "parent_id": term_id(parent) if parent else None,
            },
        )
        created += made
        if not made:
            wanted = {
                **with_english,
                "taxonomy_id": TAXONOMY_ID,
                "taxonomy_name": TAXONOMY_NAME,
                "term": code,
                "parent_id": term_id(parent) if parent else None,
            }
            changed = [field for field, value in wanted.items() if getattr(term, field) != value]
            if changed:
                for field in changed:
                    setattr(term, field, wanted[field])
                term.save(update_fields=changed)
    return created


def _english(text):
    from django.utils import translation

    with translation.override("en"):
        return str(text)
