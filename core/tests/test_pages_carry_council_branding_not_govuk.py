from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

BUILT_CSS = Path(settings.BASE_DIR) / "static_build" / "css" / "application.css"


def test_the_stylesheet_uses_arial_and_ships_no_gds_transport_font_or_crown():
    css = BUILT_CSS.read_text()

    assert "font-family:arial,sans-serif" in css.replace(" ", "").lower()
    assert "GDS Transport" not in css
    assert "@font-face" not in css
    assert "url(" not in css  # GOV.UK Frontend's only images are the crest and crown


def test_pages_have_the_walsall_for_all_generic_header_and_no_crown(client):
    html = client.get("/").content.decode()

    assert "govuk-generic-header" in html
    assert "Walsall for All" in html
    assert "govuk-header__logotype" not in html
    assert "govuk-footer__crown" not in html
    assert "govuk-header__crown" not in html
