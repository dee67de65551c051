import pytest
from django.urls import reverse

from directory.models import TaxonomyTerm
from directory.taxonomy import TAXONOMY_ID, load_walsall_taxonomy
from directory.tests.factories import AttributeFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def test_the_start_page_says_what_counts_who_sees_it_and_how_to_get_help_now(client):
    page = client.get(reverse("reporting:start")).content.decode()

    assert "call 999" in page and "101" in page and "True Vision" in page
    assert "thinks was done because of hostility or prejudice" in page
    assert "You can stay anonymous" in page and "Who will see your report" in page
    assert reverse("reporting:easy_read") in page and reverse("reporting:begin") in page


def test_third_party_reporting_centres_come_from_the_directory(client):
    load_walsall_taxonomy()
    category = TaxonomyTerm.objects.get(taxonomy_id=TAXONOMY_ID, term="hate-crime-reporting")
    centre = ServiceFactory(name="Synthetic Community Hub reporting centre")
    AttributeFactory(service=centre, taxonomy_term=category)
    ServiceFactory(name="Synthetic swimming lessons")

    page = client.get(reverse("reporting:start")).content.decode()

    assert "Synthetic Community Hub reporting centre" in page
    assert "Synthetic swimming lessons" not in page
    assert reverse("directory:service_detail", kwargs={"service_id": centre.id}) in page


def test_the_easy_read_page_uses_short_sentences_and_starts_the_same_report(client):
    page = client.get(reverse("reporting:easy_read")).content.decode()

    assert "If you are in danger now, phone 999." in page
    assert reverse("reporting:begin") in page


def test_urdu_and_arabic_pages_read_right_to_left(client):
    for language in ("ur", "ar"):
        page = client.get(f"/{language}/report/").content.decode()
        assert f'lang="{language}" dir="rtl"' in page
