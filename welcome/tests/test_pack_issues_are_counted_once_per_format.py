import pytest
from django.utils import translation

from welcome.models import PackIssue
from welcome.selectors import pack_issue_counts

from .factories import answers, put_in_session

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english_after():
    yield
    translation.activate("en")


def test_each_format_of_a_pack_is_counted_once_with_nothing_personal(client, postcode, taxonomy, content):
    put_in_session(client, answers(postcode))

    for url in ["/pl/welcome/pack/", "/pl/welcome/pack/", "/pl/welcome/pack/pdf/", "/pl/welcome/pack/print/"]:
        assert client.get(url).status_code == 200
    assert client.get("/pl/welcome/pack/easy-read/").status_code == 200

    assert pack_issue_counts(field="format") == {"easy_read": 1, "pdf": 1, "print": 1, "web": 1}
    assert pack_issue_counts(field="language") == {"pl": 4}
    assert set(PackIssue.objects.values_list("ward_code", flat=True)) == {postcode.ward_code}
    field_names = {field.name for field in PackIssue._meta.get_fields()}
    assert field_names == {"id", "issued_at", "ward_code", "language", "format", "by_officer", "is_demo"}


def test_the_same_pack_read_in_another_language_counts_for_that_language(client, postcode, taxonomy, content):
    put_in_session(client, answers(postcode))

    client.get("/pl/welcome/pack/")
    client.get("/ar/welcome/pack/")

    assert pack_issue_counts(field="language") == {"ar": 1, "pl": 1}
