import pytest
from django.utils import translation

from welcome import pdf, selectors

from .factories import answers, put_in_session

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english_after():
    yield
    translation.activate("en")


@pytest.mark.parametrize("language", ["ur", "ar"])
def test_urdu_and_arabic_pages_and_pdfs_are_right_to_left(client, postcode, taxonomy, content, language):
    put_in_session(client, answers(postcode, pack_language=language))

    page = client.get(f"/{language}/welcome/pack/").content.decode()
    site = "https://example.org"
    pack = selectors.pack_build(answers(postcode), language=language, site_url=site)
    html = pdf.pack_html(pack, site_url=site, links=selectors.pack_links(site, language))

    assert f'<html lang="{language}" dir="rtl"' in page
    assert f'<html lang="{language}" dir="rtl">' in html
    assert '"Noto Naskh Arabic"' in html


def test_polish_is_left_to_right_in_a_latin_font(postcode, taxonomy, content):
    pack = selectors.pack_build(answers(postcode), language="pl", site_url="https://example.org")
    html = pdf.pack_html(pack, site_url="https://example.org", links=selectors.pack_links("https://example.org", "pl"))

    assert '<html lang="pl" dir="ltr">' in html
    assert 'font-family: "Liberation Sans"' in html
