from django.core.management import call_command
from django.utils import translation

from directory.models import Taxonomy, TaxonomyTerm
from directory.taxonomy import TAXONOMY_ID, load_walsall_taxonomy, term_label

REQUIRED = [
    "learning-english",
    "esol-classes",
    "conversation-clubs",
    "health",
    "gp-registration",
    "dentists",
    "pharmacies",
    "schools-childcare",
    "council-services",
    "council-tax",
    "waste-recycling",
    "register-to-vote",
    "housing-advice",
    "tenants-rights",
    "benefits-advice",
    "employment",
    "community-groups",
    "faith",
    "sport-leisure",
    "places-of-welcome",
    "hate-crime-reporting",
    "victim-support",
    "emergency-help",
]


def test_taxonomy_loader_covers_the_required_walsall_categories(db):
    load_walsall_taxonomy()
    codes = set(TaxonomyTerm.objects.filter(taxonomy_id=TAXONOMY_ID).values_list("term", flat=True))
    assert set(REQUIRED) <= codes
    esol = TaxonomyTerm.objects.get(term="esol-classes")
    assert esol.parent.term == "learning-english"
    assert esol.taxonomy_name == "Walsall services"


def test_taxonomy_loader_is_idempotent(db):
    first = load_walsall_taxonomy()
    counts = (Taxonomy.objects.count(), TaxonomyTerm.objects.count())
    assert first > 0
    assert load_walsall_taxonomy() == 0
    call_command("load_walsall_taxonomy", stdout=None)
    assert (Taxonomy.objects.count(), TaxonomyTerm.objects.count()) == counts


def test_taxonomy_loader_repairs_an_edited_term_name(db):
    load_walsall_taxonomy()
    TaxonomyTerm.objects.filter(term="dentists").update(name="Teeth")
    load_walsall_taxonomy()
    assert TaxonomyTerm.objects.get(term="dentists").name == "Dentists"


def test_term_names_are_shown_through_gettext(db):
    load_walsall_taxonomy()
    term = TaxonomyTerm.objects.get(term="places-of-welcome")
    with translation.override("en"):
        assert term_label(term) == "Places of Welcome"
