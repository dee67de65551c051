import io
import subprocess

import pypdf
import pytest
from django.utils import translation

from .factories import answers, listed_service, put_in_session

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english_after():
    yield
    translation.activate("en")


def pdf_for(client, postcode, language):
    put_in_session(client, answers(postcode, pack_language=language))
    response = client.get(f"/{language}/welcome/pack/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return response.content


def poppler(*arguments, **options):
    """Run one of poppler's tools (installed by make setup) on files this test wrote."""
    return subprocess.run(arguments, capture_output=True, check=True, **options)  # noqa: S603


def text_of(pdf, tmp_path):
    path = tmp_path / "pack.pdf"
    path.write_bytes(pdf)
    return poppler("pdftotext", str(path), "-", text=True).stdout


def test_polish_pdf_carries_the_polish_text_the_ward_and_the_nearest_class(
    client, postcode, ward_name, taxonomy, content, tmp_path
):
    listed_service("esol-classes", lat=postcode.lat, lon=postcode.lon, name="Kestrel ESOL Entry 1")

    text = text_of(pdf_for(client, postcode, "pl"), tmp_path)

    assert "Nauka angielskiego" in text
    assert "Rejestracja u lekarza rodzinnego (GP)" in text
    assert ward_name in text
    assert "Kestrel ESOL Entry 1" in text


def test_the_pdf_is_tagged_for_assistive_technology(client, postcode, taxonomy, content):
    reader = pypdf.PdfReader(io.BytesIO(pdf_for(client, postcode, "pl")))
    catalog = reader.trailer["/Root"]

    assert "/StructTreeRoot" in catalog
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert catalog["/Lang"] == "pl"
    assert b'pdfuaid:part="1"' in catalog["/Metadata"].get_object().get_data()


def test_the_urdu_pdf_is_in_naskh_and_its_text_can_be_copied(client, postcode, taxonomy, content, tmp_path):
    pdf = pdf_for(client, postcode, "ur")

    fonts = poppler("pdffonts", "-", input=pdf).stdout.decode()
    assert "Noto-Naskh-Arabic" in fonts
    assert "کونسل ٹیکس" in text_of(pdf, tmp_path)
    assert pypdf.PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/Lang"] == "ur"


def test_the_bengali_pdf_is_drawn_in_a_bengali_font(client, postcode, taxonomy, content, tmp_path):
    # Bengali's text layer comes back garbled from any Noto font (RECIPES.md): check what is drawn.
    pdf = pdf_for(client, postcode, "bn")
    path = tmp_path / "bn.pdf"
    path.write_bytes(pdf)

    fonts = poppler("pdffonts", str(path), text=True).stdout
    poppler("pdftoppm", "-f", "1", "-l", "1", "-r", "30", "-gray", str(path), str(tmp_path / "page"))
    page = next(tmp_path.glob("page*.pgm")).read_bytes()
    pixels = page[page.index(b"255\n") + 4 :]

    assert "Noto-Sans-Bengali" in fonts
    assert sum(1 for value in pixels if value < 128) > 500  # the page has text drawn on it
