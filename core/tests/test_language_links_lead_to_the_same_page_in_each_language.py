import re

import pytest


def language_links(html):
    return dict(
        re.findall(r'class="govuk-language-navigation__link" href="([^"]+)" rel="alternate" lang="([^"]+)"', html)
    )


@pytest.mark.django_db
def test_an_urdu_page_links_to_itself_in_every_other_language_keeping_the_query(client):
    html = client.get("/ur/services/?q=english+classes").content.decode()

    links = {code: url for url, code in language_links(html).items()}
    assert links["en"] == "/services/?q=english+classes"
    assert links["pl"] == "/pl/services/?q=english+classes"
    assert links["ar"] == "/ar/services/?q=english+classes"
    assert "ur" not in links  # the current language is text, not a link


@pytest.mark.django_db
def test_the_english_home_page_links_to_each_prefixed_home_page(client):
    html = client.get("/").content.decode()

    links = {code: url for url, code in language_links(html).items()}
    assert links == {"pl": "/pl/", "ro": "/ro/", "pa": "/pa/", "ur": "/ur/", "bn": "/bn/", "ar": "/ar/"}
