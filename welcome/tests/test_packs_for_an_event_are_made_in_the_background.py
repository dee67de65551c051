import pytest
from django.utils import translation

from welcome.models import PackIssue
from welcome.tasks import batch_folder, packs_print_batch

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english_after():
    yield
    translation.activate("en")


def test_a_batch_writes_one_pdf_per_household_once_even_when_run_again(postcode, taxonomy, content, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    packs = [
        {"ward_code": postcode.ward_code, "pack_language": language, "has_children": False, "english_level": "none"}
        for language in ("pl", "ar")
    ]

    first = packs_print_batch.enqueue(batch_key="event-1", packs=packs, site_url="https://example.org")
    again = packs_print_batch.enqueue(batch_key="event-1", packs=packs, site_url="https://example.org")

    assert first.return_value == 2
    assert again.return_value == 0
    files = sorted(path.name for path in batch_folder("event-1").iterdir())
    assert files == ["00001-pl.pdf", "00002-ar.pdf"]
    assert all(path.read_bytes().startswith(b"%PDF") for path in batch_folder("event-1").iterdir())
    assert sorted(PackIssue.objects.values_list("language", "format", "by_officer")) == [
        ("ar", "pdf", True),
        ("pl", "pdf", True),
    ]
