"""Property tests: whatever is typed or sent to any question page, nothing breaks and nothing typed is lost."""

from urllib.parse import quote_from_bytes

import pytest
from django import forms
from django.utils.html import escape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reporting.steps import SESSION_KEY, STEPS, Draft, form_kwargs

from .journey import step_url, walk

pytestmark = pytest.mark.django_db

FUZZ = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

text = st.one_of(
    st.text(max_size=60),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=400),
    st.integers(min_value=0, max_value=25000).map(lambda n: "ي" * n),
    st.sampled_from(["", " ", "0", "-1", "2026", "31", "<script>alert(1)</script>", "WS1 1TP", "' OR 1=1 --"]),
)


def form_data(step):
    """A strategy for everything a page's form could be sent: each field missing, odd, or a list."""
    fields = {}
    for name, field in question_fields(step).items():
        if name == "website" or isinstance(field, forms.FileField):
            continue
        choices = [str(value) for value, _label in getattr(field, "choices", [])]
        value = st.one_of(text, st.sampled_from(choices)) if choices else text
        if isinstance(field, forms.MultipleChoiceField):
            value = st.lists(value, max_size=4)
        fields[name] = st.one_of(st.none(), value)
    return st.fixed_dictionaries(fields).map(lambda data: {k: v for k, v in data.items() if v is not None})


def posted_names(name, field):
    """The names a field's answers are sent under: one for each box of a field with several (a date)."""
    if isinstance(field.widget, forms.MultiWidget):
        return [name + suffix for suffix in field.widget.widgets_names]
    return [name]


def question_fields(step):
    """The page's fields by the names their answers are sent under."""
    fields = step.form_class(**form_kwargs(step, None)).fields
    return {posted: field for name, field in fields.items() for posted in posted_names(name, field)}


def visible_without_loss(value, html):
    plain = value.replace("\r", "").replace("\x00", "")
    return not plain.strip() or escape(plain) in html.replace("\r", "") or escape(plain.strip()) in html


@pytest.fixture
def walked(client):
    walk(client)
    return client


@pytest.mark.parametrize("step", STEPS, ids=[step.slug for step in STEPS])
def test_any_answer_gives_a_page_or_moves_on_and_keeps_what_was_typed(walked, step):
    @FUZZ
    @given(data=form_data(step))
    def check(data):
        response = walked.post(step_url(step.slug), data)
        assert response.status_code in (200, 302)
        if response.status_code == 200 and step.slug != "evidence":
            html = response.content.decode()
            for name, value in data.items():
                if isinstance(value, str) and "\x00" not in value:
                    field = question_fields(step)[name]
                    if not getattr(field, "choices", None):
                        assert visible_without_loss(value, html), name
        if response.status_code == 302 and step.slug != "evidence":
            kept = Draft(walked.session).data(step.slug)
            if kept is not None and "\x00" not in str(data):
                for name, value in data.items():
                    if isinstance(value, str) and name in kept:
                        assert kept[name] == value

    check()


@pytest.mark.parametrize("step", STEPS[:6], ids=[step.slug for step in STEPS[:6]])
def test_any_bytes_in_any_encoding_never_cause_a_server_error(walked, step):
    @FUZZ
    @given(body=st.binary(max_size=300), charset=st.sampled_from(["utf-8", "latin-1", "utf-16", "koi8-r"]))
    def check(body, charset):
        name = next(iter(n for n in step.form_class.base_fields if n != "website"))
        payload = f"{name}=".encode() + quote_from_bytes(body).encode()
        response = walked.generic(
            "POST",
            step_url(step.slug),
            payload,
            content_type=f"application/x-www-form-urlencoded; charset={charset}",
        )
        # Django refuses form bodies declared in another charset with 400 Bad Request: never a 500.
        assert response.status_code in (200, 302, 400)
        assert SESSION_KEY in walked.session

    check()


def test_any_reference_and_receipt_typed_to_check_a_report_never_cause_a_server_error(client, db):
    from django.urls import reverse

    from .journey import hidden_fields

    fields = hidden_fields(client.get(reverse("reporting:check")).content.decode())

    @settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(reference=text, receipt=text)
    def check(reference, receipt):
        from django.core.cache import cache

        cache.clear()  # the per-address limit is tested elsewhere
        response = client.post(reverse("reporting:check"), fields | {"reference": reference, "receipt": receipt})
        assert response.status_code == 200
        if reference.strip() and "\x00" not in reference and len(reference) <= 30:
            assert escape(reference.strip()) in response.content.decode()

    check()
