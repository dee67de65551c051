import re

import pytest
import segno
from django.utils import translation

from welcome.models import ShortLink
from welcome.selectors import qr_payload
from welcome.services import short_links_ensure

from .factories import answers, listed_service, put_in_session

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english_after():
    yield
    translation.activate("en")


def test_a_short_link_redirects_to_the_service_page(client, db):
    from directory.tests.factories import ServiceFactory

    service = ServiceFactory()
    code = short_links_ensure(service_ids=[service.pk])[service.pk]

    response = client.get(f"/s/{code}")
    polish = client.get(f"/pl/s/{code.upper()}")

    assert response.status_code == 302
    assert response["Location"] == f"/services/{service.pk}/"
    assert polish["Location"] == f"/pl/services/{service.pk}/"
    assert client.get("/s/nothere").status_code == 404


def test_codes_are_short_and_stable(db):
    from directory.tests.factories import ServiceFactory

    service = ServiceFactory()
    first = short_links_ensure(service_ids=[service.pk])[service.pk]
    ShortLink.objects.all().delete()

    again = short_links_ensure(service_ids=[service.pk, service.pk])[service.pk]

    assert first == again
    assert re.fullmatch(r"[a-z2-7]{7}", first)


def test_each_entry_has_a_short_link_and_a_qr_code_holding_it(client, postcode, taxonomy, content):
    service = listed_service("esol-classes", lat=postcode.lat, lon=postcode.lon, name="Larkfield ESOL")
    put_in_session(client, answers(postcode, pack_language="pl"))

    page = client.get("/pl/welcome/pack/").content.decode()

    code = ShortLink.objects.get(service=service).code
    url = f"http://testserver/pl/s/{code}"
    assert f'href="{url}"' in page
    # The QR drawn in the page is exactly the code for the short link (segno cannot read QR codes back).
    expected_path = re.search(r' d="([^"]+)"', qr_payload(url).svg_inline(scale=2, border=2)).group(1)
    entry = page[page.index("Larkfield ESOL") :]
    with translation.override("pl"):
        label = translation.gettext("QR code for %(name)s: %(url)s") % {"name": "Larkfield ESOL", "url": url}
    assert f'aria-label="{label}"' in entry
    assert expected_path in entry
    assert qr_payload(url).designator == segno.make(url, error="m").designator
