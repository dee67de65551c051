"""The order of the question pages, and the answers kept between them.

Answers live in the visitor's session, encrypted with the field keys (the session table is a
database table too, and a half-finished report is as sensitive as a finished one). Each page's
answers are kept as they were typed and checked again by the page's own form when the report is
sent, so a change on one page can never leave another page's answer inconsistent.
"""

import datetime
import json
import uuid
from dataclasses import dataclass, field

from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from core.crypto import decrypt_text, encrypt_text

from . import forms
from .models import Channel, ReporterRole, Strand
from .services import strands_of

SESSION_KEY = "reporting_draft"


@dataclass(frozen=True)
class Step:
    slug: str
    form_class: type
    title: str
    # A function of the draft: whether the page is asked at all (default: always).
    applies: object = field(default=None)
    # The question that is the page's heading (one-question pages); otherwise ``title`` is.
    heading_field: str = ""

    def applies_to(self, draft):
        return self.applies is None or self.applies(draft)


def _is_hate(draft):
    return Strand.HATE in strands_of((draft.data("what") or {}).get("what", ""))


STEPS = [
    Step("who", forms.WhoForm, _("Who is making this report?"), heading_field="reporter_role"),
    Step("what", forms.WhatForm, _("What do you want to report?"), heading_field="what"),
    Step(
        "hostility",
        forms.CharacteristicsForm,
        _("What do you think the hostility was about?"),
        _is_hate,
        heading_field="characteristics",
    ),
    Step("when", forms.WhenForm, _("When did it happen?")),
    Step("where", forms.WhereForm, _("Where did it happen?"), heading_field="location_kind"),
    Step("what-happened", forms.AccountForm, _("Tell us what happened"), heading_field="account"),
    Step("people-responsible", forms.ResponsibleForm, _("About the people responsible")),
    Step("evidence", forms.EvidenceForm, _("Upload photos, screenshots or documents (optional)")),
    Step("impact", forms.ImpactForm, _("How it affected you")),
    Step("support", forms.SupportForm, _("Support and help to talk to us")),
    Step("barriers", forms.BarriersForm, _("What made reporting hard")),
    Step("consent", forms.ConsentForm, _("Who can we share your report with?")),
    Step("contact", forms.ContactForm, _("How to stay in touch")),
]
BY_SLUG = {step.slug: step for step in STEPS}


class Draft:
    """The answers so far, read from and written back to the session encrypted."""

    def __init__(self, session):
        self.session = session
        stored = session.get(SESSION_KEY)
        content = {}
        if stored:
            try:
                content = json.loads(decrypt_text(stored))
            except ValueError:
                content = {}
        self.key = content.get("key") or str(uuid.uuid4())
        self.steps = content.get("steps") or {}

    @property
    def idempotency_key(self):
        return uuid.UUID(self.key)

    def data(self, slug):
        return self.steps.get(slug)

    def save(self, slug, data):
        self.steps[slug] = data
        self.persist()

    def persist(self):
        self.session[SESSION_KEY] = encrypt_text(json.dumps({"key": self.key, "steps": self.steps}))

    def clear(self):
        self.session.pop(SESSION_KEY, None)

    @property
    def is_empty(self):
        return not self.steps


def raw_answers(form):
    """What was typed in ``form``'s questions, as strings or lists of strings, to keep in the draft."""
    data = {}
    for name, form_field in form.fields.items():
        if name == forms.HONEYPOT or isinstance(form_field, forms.forms.FileField):
            continue
        if isinstance(form_field, forms.forms.MultipleChoiceField):
            data[name] = [str(value) for value in form.data.getlist(name)][:20]
        elif isinstance(form_field.widget, forms.forms.MultiWidget):
            # Kept under the boxes' own names (``incident_date_day``...), so the form reads them back.
            for suffix in form_field.widget.widgets_names:
                data[name + suffix] = str(form.data.get(name + suffix, ""))
        else:
            data[name] = str(form.data.get(name, ""))
    return data


def initial_answers(step, saved):
    """What ``raw_answers`` kept for the page, as its form's initial values to show it again.

    A field of several boxes (a date) takes its initial value as one list, not under the boxes' names.
    """
    if not saved:
        return None
    initial = dict(saved)
    for name, form_field in step.form_class.base_fields.items():
        if isinstance(form_field.widget, forms.forms.MultiWidget):
            initial[name] = form_field.widget.value_from_datadict(saved, {}, name)
    return initial


def form_kwargs(step, user):
    return {"staff_choices": forms.staff_choices_for(user)} if step.form_class is forms.WhoForm else {}


def bound_form(step, draft, user):
    data = draft.data(step.slug)
    return step.form_class(data=data, **form_kwargs(step, user)) if data is not None else None


def applicable_steps(draft):
    return [step for step in STEPS if step.applies_to(draft)]


def next_step(slug, draft):
    steps = applicable_steps(draft)
    slugs = [step.slug for step in steps]
    if slug not in slugs:
        return steps[0]
    index = slugs.index(slug)
    return steps[index + 1] if index + 1 < len(steps) else None


def previous_step(slug, draft):
    steps = applicable_steps(draft)
    slugs = [step.slug for step in steps]
    index = slugs.index(slug) if slug in slugs else 0
    return steps[index - 1] if index > 0 else None


def first_unanswered(draft, *, before=None):
    """The first applicable page (before ``before``, if given) not answered yet.

    Answers were checked when their page was sent; check your answers checks them all again.
    """
    for step in applicable_steps(draft):
        if step.slug == before:
            return None
        if draft.data(step.slug) is None:
            return step
    return None


def checked_forms(draft, user):
    """Every applicable page's form bound to its answers and checked: ([(step, form)], first invalid step)."""
    checked = []
    for step in applicable_steps(draft):
        form = bound_form(step, draft, user)
        if form is None or not form.is_valid():
            return checked, step
        checked.append((step, form))
    return checked, None


def report_answers(checked):
    """The report's field values, the consents given and the channel, from ``checked_forms``."""
    cleaned = {step.slug: form.cleaned_data for step, form in checked}
    who = cleaned["who"]
    role = who["reporter_role"]
    if role == ReporterRole.STAFF:
        channel = who["channel"]
    elif role == ReporterRole.THIRD_PARTY_CENTRE_STAFF:
        channel = Channel.THIRD_PARTY_CENTRE
    else:
        channel = Channel.ONLINE
    when = cleaned["when"]
    answers = {
        "reporter_role": role,
        "strands": strands_of(cleaned["what"]["what"]),
        "characteristics": [],
        "characteristic_other": "",
        "incident_date": when["incident_date"],
        "incident_time_of_day": when.get("time_of_day") or "",
        "is_ongoing": when["when"] == "ongoing",
    }
    if "hostility" in cleaned:
        answers["characteristics"] = cleaned["hostility"]["characteristics"]
        answers["characteristic_other"] = cleaned["hostility"]["characteristic_other"]
    for slug in ("where", "what-happened", "people-responsible", "impact", "support", "barriers", "contact"):
        answers.update(cleaned[slug])
    answers["housing_provider_name"] = cleaned["consent"]["housing_provider_name"]
    return answers, cleaned["consent"]["consents"], channel


# Check your answers --------------------------------------------------------------------------------

_NOT_SHOWN = {forms.HONEYPOT, "interpreter", "file"}
# Questions whose label is too long to head their answer.
_SHORT_LABELS = {"incident_date": _("Date")}


def summary_rows(step, form):
    """(question, answer) pairs for the check-your-answers page; empty answers read 'Not given'."""
    rows = []
    cleaned = form.cleaned_data
    for bound in form.visible_questions():
        name = bound.name
        if name in _NOT_SHOWN:
            continue
        value = cleaned.get(name)
        choices = dict(getattr(bound.field, "choices", ()) or ())
        if isinstance(value, list):
            text = ", ".join(str(choices.get(item, item)) for item in value)
        elif isinstance(value, datetime.date):
            text = date_format(value, "j F Y")
        elif choices:
            text = str(choices.get(value, "")) if value else ""
        else:
            text = value or ""
        rows.append((_SHORT_LABELS.get(name, bound.label), text))
    return rows
