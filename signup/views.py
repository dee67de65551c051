"""The public sign-up journey, the links in follow-up messages, and the integration officers' pages."""

import csv
import datetime
import uuid

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_ratelimit.decorators import ratelimit

from audit.services import record_access
from buddies.models import DAYS, BuddyRequest
from core.access import permission_required, public
from core.views import error_page, rate_limited
from places import selectors as places_selectors

from . import forms, links, selectors, services
from .models import Channel, FollowUp, Purpose, SignUp

SESSION_KEY = "signup_answers"
DONE_SESSION_KEY = "signup_done"
WELCOME_SESSION_KEY = "welcome_answers"
# Per client address, for each public form: enough for a family signing up together at a Place of Welcome.
PUBLIC_POST_RATE = "100/h"

# (slug, form, page title); "buddy-details" is asked only of those who want a buddy.
STEPS = [
    ("name", forms.NameForm, gettext_lazy("What should we call you?")),
    ("postcode", forms.PostcodeForm, gettext_lazy("What is your postcode?")),
    ("languages", forms.LanguagesForm, gettext_lazy("Which languages do you speak?")),
    ("interests", forms.InterestsForm, gettext_lazy("What would you like to find out about?")),
    ("buddy", forms.BuddyForm, gettext_lazy("Would you like a buddy?")),
    ("buddy-details", forms.BuddyDetailsForm, gettext_lazy("When could you meet a buddy?")),
    ("contact", forms.ContactForm, gettext_lazy("How can we contact you?")),
    ("consent", forms.ConsentForm, gettext_lazy("What may we contact you about?")),
]
STEP_SLUGS = [slug for slug, _form, _title in STEPS]


def _answers(request):
    return request.session.get(SESSION_KEY, {})


def _save_answers(request, answers):
    request.session[SESSION_KEY] = answers


def _steps_for(answers):
    return [slug for slug in STEP_SLUGS if slug != "buddy-details" or answers.get("wants_buddy") == "yes"]


def _first_missing_step(answers):
    done = answers.get("steps_done", [])
    return next((slug for slug in _steps_for(answers) if slug not in done), None)


def _rate_limited_post(view):
    return ratelimit(key="ip", rate=PUBLIC_POST_RATE, method="POST", block=False)(view)


def _prefill(request):
    """Postcode and languages from the Welcome Pack (its session answers) or from the link that brought them."""
    welcome = request.session.get(WELCOME_SESSION_KEY)
    if not isinstance(welcome, dict):  # another app's data: take only what has the expected shape
        welcome = {}
    postcode = request.GET.get("postcode") or welcome.get("postcode") or ""
    languages = request.GET.getlist("language") or welcome.get("languages") or []
    if not isinstance(languages, list):
        languages = [languages]
    if not languages and welcome.get("language"):
        languages = [welcome["language"]]
    if not languages and get_language() != "en":
        languages = [get_language()]
    known = dict(forms.LANGUAGES)
    return {
        "postcode": str(postcode)[:10],
        "languages": [code for code in languages if isinstance(code, str) and code in known],
    }


@public(page_cache=False)
def start(request):
    prefill = _prefill(request)
    answers = _answers(request)
    if any(prefill.values()) or not answers:
        answers = {**answers, "prefill": prefill}
        _save_answers(request, answers)
    return render(request, "signup/start.html", {"first_step": STEP_SLUGS[0]})


def _initial(slug, answers):
    if slug == "postcode":
        return {"postcode": answers.get("postcode") or answers.get("prefill", {}).get("postcode", "")}
    if slug == "languages":
        return {"languages": answers.get("languages") or answers.get("prefill", {}).get("languages", [])}
    if slug == "buddy-details":
        initial = {key: answers.get(key) for key in ("buddy_gender", "meet_only_at_place_of_welcome", "notes")}
        for day in DAYS:
            initial[forms.availability_field_name(day)] = [
                slot for slot in answers.get("availability", []) if slot.startswith(f"{day}_")
            ]
        return initial
    if slug == "consent":
        return {
            forms.consent_field_name(purpose): [
                item.split(":")[1] for item in answers.get("consents", []) if item.startswith(f"{purpose}:")
            ]
            for purpose in Purpose
        }
    return {key: answers.get(key) for key in ("name", "interests", "wants_buddy", "email", "phone", "safe_times")}


def _form_for(slug, answers, data=None):
    form_class = {s: f for s, f, _t in STEPS}[slug]
    kwargs = {"data": data, "initial": _initial(slug, answers)}
    if slug == "consent":
        kwargs.update(
            contact={"email": answers.get("email"), "phone": answers.get("phone")},
            wants_buddy=answers.get("wants_buddy") == "yes",
        )
    return form_class(**kwargs)


def _store(slug, form, answers):
    data = form.cleaned_data
    if slug == "postcode":
        lookup = form.lookup
        answers.update(
            postcode=data["postcode"],
            ward_code=lookup.ward.gss_code,
            ward_name=lookup.ward.name,
            latitude=lookup.postcode.lat,
            longitude=lookup.postcode.lon,
        )
    elif slug == "buddy-details":
        answers.update(
            availability=data["availability"],
            buddy_gender=data["buddy_gender"],
            meet_only_at_place_of_welcome=data["meet_only_at_place_of_welcome"],
            notes=data["notes"],
        )
    elif slug == "consent":
        answers["consents"] = data["consents"]
    else:
        answers.update(data)
    answers["steps_done"] = sorted({*answers.get("steps_done", []), slug})


def _back_link(slug, answers):
    steps = _steps_for(answers)
    if slug not in steps or steps.index(slug) == 0:
        return reverse("signup:start")
    return reverse("signup:question", kwargs={"step": steps[steps.index(slug) - 1]})


@public(page_cache=False)
@require_http_methods(["GET", "POST"])
@_rate_limited_post
def question(request, step):
    if step not in STEP_SLUGS:
        raise Http404
    if getattr(request, "limited", False):
        return rate_limited(request)
    answers = _answers(request)
    steps = _steps_for(answers)
    if step not in steps:
        return redirect("signup:question", step="buddy")
    missing = _first_missing_step(answers)
    if missing is not None and steps.index(missing) < steps.index(step):
        return redirect("signup:question", step=missing)
    returning_to_check = request.GET.get("return") == "check"
    if request.method == "POST":
        form = _form_for(step, answers, request.POST)
        if form.is_valid():
            _store(step, form, answers)
            if step == "buddy" and answers.get("wants_buddy") != "yes":
                for key in ("availability", "buddy_gender", "meet_only_at_place_of_welcome", "notes"):
                    answers.pop(key, None)
            if step == "contact":
                # Consent to a channel with no address behind it means nothing: ask again.
                answers["steps_done"] = [s for s in answers["steps_done"] if s != "consent"]
            _save_answers(request, answers)
            missing = _first_missing_step(answers)
            if missing is None:
                return redirect("signup:check")
            if returning_to_check and missing != step:
                return redirect(reverse("signup:question", kwargs={"step": missing}) + "?return=check")
            return redirect("signup:question", step=missing)
    else:
        form = _form_for(step, answers)
    title = {s: t for s, _f, t in STEPS}[step]
    return render(
        request,
        "signup/question.html",
        {
            "form": form,
            "step": step,
            "title": title,
            "single_question": len(form.fields) == 1,
            "back_link": reverse("signup:check") if returning_to_check else _back_link(step, answers),
            "action": request.get_full_path(),
            "days": [forms.availability_field_name(day) for day in DAYS] if step == "buddy-details" else [],
        },
    )


def _summary(answers):
    """Rows for check your answers: (key, question, answer lines, step to change it)."""
    labels = forms.LANGUAGE_LABELS
    rows = [
        ("name", _("Name"), [answers.get("name", "")], "name"),
        ("postcode", _("Postcode"), [answers.get("postcode", ""), answers.get("ward_name", "")], "postcode"),
        ("languages", _("Languages"), [str(labels.get(c, c)) for c in answers.get("languages", [])], "languages"),
        (
            "interests",
            _("Interested in"),
            [str(forms.INTEREST_LABELS.get(c, c)) for c in answers.get("interests", [])] or [_("Nothing chosen")],
            "interests",
        ),
        ("buddy", _("Would like a buddy"), [_("Yes") if answers.get("wants_buddy") == "yes" else _("No")], "buddy"),
    ]
    if answers.get("wants_buddy") == "yes":
        slots = []
        for day in DAYS:
            parts = [
                str(forms.PART_LABELS[slot.split("_")[1]])
                for slot in answers.get("availability", [])
                if slot.startswith(f"{day}_")
            ]
            if parts:
                slots.append(_("%(day)s: %(times)s") % {"day": forms.DAY_LABELS[day], "times": ", ".join(parts)})
        gender = str(BuddyRequest.BuddyGender(answers.get("buddy_gender") or "").label)
        rows += [
            ("availability", _("Times you could meet"), slots, "buddy-details"),
            ("buddy_gender", _("Buddy preference"), [gender], "buddy-details"),
            (
                "place_of_welcome",
                _("Meet only at a Place of Welcome"),
                [_("Yes") if answers.get("meet_only_at_place_of_welcome") else _("No")],
                "buddy-details",
            ),
            ("notes", _("For the coordinator"), [answers.get("notes") or _("Nothing added")], "buddy-details"),
        ]
    rows += [
        ("email", _("Email address"), [answers.get("email") or _("Not given")], "contact"),
        ("phone", _("Mobile number"), [answers.get("phone") or _("Not given")], "contact"),
        ("safe_times", _("When to contact you"), [answers.get("safe_times") or _("Any time")], "contact"),
    ]
    consents = []
    for item in answers.get("consents", []):
        purpose, channel = item.split(":")
        consents.append(
            _("%(purpose)s: %(channel)s") % {"purpose": Purpose(purpose).label, "channel": Channel(channel).label}
        )
    rows.append(("consents", _("You agreed to"), consents or [_("No messages")], "consent"))
    return rows


@public(page_cache=False, personal_data=True)
@require_http_methods(["GET", "POST"])
@_rate_limited_post
def check(request):
    if getattr(request, "limited", False):
        return rate_limited(request)
    answers = _answers(request)
    if request.method == "POST":
        key = _idempotency_key(request.POST.get("idempotency_key"))
        existing = SignUp.objects.filter(idempotency_key=key).first() if key else None
        if existing is not None:  # a second submit of a sign-up already made
            request.session[DONE_SESSION_KEY] = str(existing.reference)
            return redirect("signup:confirmation")
    missing = _first_missing_step(answers)
    if missing is not None:
        return redirect("signup:question", step=missing) if answers.get("steps_done") else redirect("signup:start")
    if not answers.get("idempotency_key"):
        answers["idempotency_key"] = str(uuid.uuid4())
        _save_answers(request, answers)
    if request.method == "POST" and key == uuid.UUID(answers["idempotency_key"]):
        signup, _created = services.signup_create(
            idempotency_key=key,
            name=answers["name"],
            postcode=answers["postcode"],
            ward_code=answers["ward_code"],
            latitude=answers.get("latitude"),
            longitude=answers.get("longitude"),
            language=get_language(),
            languages=answers.get("languages", []),
            interests=answers.get("interests", []),
            email=answers.get("email", ""),
            phone=answers.get("phone", ""),
            safe_times=answers.get("safe_times", ""),
            consents=[tuple(item.split(":")) for item in answers.get("consents", [])],
            buddy=(
                {
                    "availability": answers.get("availability", []),
                    "buddy_gender": answers.get("buddy_gender", ""),
                    "meet_only_at_place_of_welcome": bool(answers.get("meet_only_at_place_of_welcome")),
                    "notes": answers.get("notes", ""),
                }
                if answers.get("wants_buddy") == "yes"
                else None
            ),
        )
        request.session.pop(SESSION_KEY, None)
        request.session[DONE_SESSION_KEY] = str(signup.reference)
        return redirect("signup:confirmation")
    return render(
        request,
        "signup/check.html",
        {"rows": _summary(answers), "idempotency_key": answers["idempotency_key"]},
    )


def _idempotency_key(value):
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


@public(page_cache=False, personal_data=True)
def confirmation(request):
    reference = request.session.get(DONE_SESSION_KEY)
    signup = selectors.signup_by_reference(reference) if reference else None
    if signup is None:
        return redirect("signup:start")
    return render(
        request,
        "signup/confirmation.html",
        {
            "signup": signup,
            "erase_url": reverse("signup:erase", kwargs={"token": links.erase_token(signup)}),
            "follow_ups": signup.follow_ups.all(),
        },
    )


@public()
def privacy(request):
    return render(request, "signup/privacy.html")


def _bad_link(request, error):
    if error.args and error.args[0] == "expired":
        return error_page(
            request,
            400,
            _("This link has expired"),
            _("Links in our messages stop working after a while, to keep your details safe."),
            _("To change what we send you or to delete your details, contact Walsall for All."),
        )
    return error_page(
        request,
        400,
        _("This link does not work"),
        _("The link may have been changed or copied wrongly. Copy the whole link from the message we sent you."),
    )


@public(page_cache=False, personal_data=True)
@require_http_methods(["GET", "POST"])
@_rate_limited_post
def erase(request, token):
    if getattr(request, "limited", False):
        return rate_limited(request)
    try:
        reference = links.erase_reference(token)
    except links.BadLink as error:
        return _bad_link(request, error)
    signup = selectors.signup_by_reference(reference)
    if signup is None:
        return render(request, "signup/erased.html", {"already": True})
    if request.method == "POST":
        if request.POST.get("action") == "erase":
            services.signup_erase(signup=signup)
            request.session.pop(DONE_SESSION_KEY, None)
            return render(request, "signup/erased.html", {"already": False})
        purpose, _sep, channel = request.POST.get("consent", "").partition(":")
        if (
            purpose in Purpose.values
            and channel in Channel.values
            and services.consent_withdraw(signup=signup, purpose=purpose, channel=channel)
        ):
            messages.success(
                request,
                _("We will no longer contact you about “%(purpose)s” by %(channel)s.")
                % {"purpose": Purpose(purpose).label, "channel": Channel(channel).label.lower()},
            )
            if purpose == Purpose.BUDDY_SCHEME and signup.wants_buddy and not services.active_channels(signup, purpose):
                messages.success(
                    request,
                    _("The buddy scheme has no way left to contact you, so we have deleted your buddy request."),
                )
        return redirect("signup:erase", token=token)
    consents = signup.consents.filter(withdrawn_at=None).order_by("purpose", "channel")
    return render(request, "signup/erase.html", {"consents": consents, "token": token})


OUTCOME_CHOICES = {
    FollowUp.Kind.GP_REGISTRATION: [
        ("done", gettext_lazy("Yes, I have registered with a GP")),
        ("not_yet", gettext_lazy("Not yet")),
        ("wants_help", gettext_lazy("I would like help to register")),
    ],
}
JOINED_CHOICES = [
    ("done", gettext_lazy("Yes, I have joined something")),
    ("not_yet", gettext_lazy("Not yet")),
    ("wants_help", gettext_lazy("I would like help to find something")),
]


def _outcome_form(follow_up, data=None):
    choices = OUTCOME_CHOICES.get(follow_up.kind, JOINED_CHOICES)
    offered = (
        [] if follow_up.kind == FollowUp.Kind.GP_REGISTRATION else selectors.services_to_choose_from(follow_up.signup)
    )
    return forms.OutcomeForm(data, outcome_choices=choices, services=offered)


@public(page_cache=False, personal_data=True)
@require_http_methods(["GET", "POST"])
@_rate_limited_post
def outcome(request, token):
    if getattr(request, "limited", False):
        return rate_limited(request)
    try:
        reference, kind = links.outcome_target(token)
    except links.BadLink as error:
        return _bad_link(request, error)
    follow_up = FollowUp.objects.select_related("signup").filter(signup__reference=reference, kind=kind).first()
    if follow_up is None:
        return render(request, "signup/erased.html", {"already": True})
    if request.method == "POST":
        form = _outcome_form(follow_up, request.POST)
        if form.is_valid():
            services.follow_up_record_outcome(
                follow_up=follow_up, outcome=form.cleaned_data["outcome"], services_joined=form.chosen_services()
            )
            return render(request, "signup/outcome_thanks.html", {"follow_up": follow_up})
    else:
        form = _outcome_form(follow_up)
    return render(request, "signup/outcome.html", {"form": form, "follow_up": follow_up})


# Staff ---------------------------------------------------------------------------------------------


def _period(request):
    form = forms.PeriodForm(request.GET or None)
    today = timezone.localdate()
    since, until = today - datetime.timedelta(days=365), today
    if form.is_bound and form.is_valid():
        since = form.cleaned_data["since"] or since
        until = form.cleaned_data["until"] or until
    if not form.is_bound or form.is_valid():
        # The boxes show the period the figures are for, an end left empty included; a period in
        # error keeps what was typed.
        form = forms.PeriodForm(initial={"since": since, "until": until})
    zone = timezone.get_current_timezone()
    start = datetime.datetime.combine(since, datetime.time.min, tzinfo=zone)
    end = datetime.datetime.combine(until + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone)
    return form, since, until, start, end


def _ward_names():
    choice = places_selectors.generation_in_force()
    if choice is None:
        return {}
    return dict(choice.generation.wards.values_list("gss_code", "name"))


@permission_required("signup.view_figures")
def staff_overview(request):
    form, since, until, start, end = _period(request)
    ward_names = _ward_names()
    figures = selectors.figures(since=start, until=end, ward_names=ward_names, language_names=forms.LANGUAGE_LABELS)
    signups = list(selectors.signups_with_outcomes(since=start, until=end)[:LIST_LENGTH])
    query = request.GET.urlencode()
    return render(
        request,
        "signup/staff/overview.html",
        {
            "form": form,
            "since": since,
            "until": until,
            "figures": figures,
            "signups": [
                (signup, ward_names.get(signup.ward_code, signup.ward_code), selectors.outcome_status(signup))
                for signup in signups
            ],
            "show_names": request.user.has_perm("signup.view_signup"),
            "csv_url": reverse("signup:staff_csv") + (f"?{query}" if query else ""),
            "list_length": LIST_LENGTH,
            "buddy_sources": [
                (BuddyRequest.Source(source).label if source in BuddyRequest.Source.values else source, count)
                for source, count in figures.buddy_requests_by_source.items()
            ],
        },
    )


LIST_LENGTH = 200

CSV_HEADER = [
    "period_start",
    "period_end",
    "breakdown",
    "code",
    "name",
    "sign_ups",
    "buddy_requests",
    "follow_ups_sent",
    "outcome_done",
    "outcome_not_yet",
    "outcome_wants_help",
    "services_joined",
]


@permission_required("signup.view_figures")
def staff_csv(request):
    _form, since, until, start, end = _period(request)
    figures = selectors.figures(since=start, until=end, ward_names=_ward_names(), language_names=forms.LANGUAGE_LABELS)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="sign-ups-{since}-to-{until}.csv"'
    writer = csv.writer(response)
    writer.writerow(CSV_HEADER)
    period = [since.isoformat(), until.isoformat()]
    outcomes = figures.outcomes
    writer.writerow(
        [
            *period,
            "all",
            "",
            "Walsall",
            figures.sign_ups,
            figures.buddy_requests_from_sign_ups,
            figures.follow_ups_sent,
            outcomes.get("done", 0),
            outcomes.get("not_yet", 0),
            outcomes.get("wants_help", 0),
            figures.services_joined,
        ]
    )
    for breakdown, rows in (("ward", figures.by_ward), ("language", figures.by_language)):
        for row in rows:
            writer.writerow(
                [
                    *period,
                    breakdown,
                    row.code,
                    row.name,
                    row.sign_ups,
                    row.buddy_requests,
                    row.follow_ups_sent,
                    row.outcomes.get("done", 0),
                    row.outcomes.get("not_yet", 0),
                    row.outcomes.get("wants_help", 0),
                    row.services_joined,
                ]
            )
    writer.writerow([*period, "packs_issued", "", "Walsall", figures.packs_issued, "", "", "", "", "", ""])
    writer.writerow([*period, "erased", "", "Walsall", figures.erased, "", "", "", "", "", ""])
    return response


def _is_small_number(value):
    return value.isascii() and value.isdigit() and len(value) < 10


def _signup_for(request, reference):
    return get_object_or_404(SignUp, reference=reference)


@permission_required("signup.view_signup", fn=_signup_for)
@require_http_methods(["GET", "POST"])
def staff_detail(request, reference):
    signup = _signup_for(request, reference)
    if request.method == "POST":
        follow_up_id = request.POST.get("follow_up", "")
        follow_up = get_object_or_404(
            FollowUp, pk=int(follow_up_id) if _is_small_number(follow_up_id) else 0, signup=signup
        )
        chosen = request.POST.get("outcome", "")
        if chosen in {value for value, _label in FollowUp.Outcome.choices if value}:
            services.follow_up_record_outcome(
                follow_up=follow_up,
                outcome=chosen,
                services_joined=[],
                answered_by=FollowUp.AnsweredBy.PHONE_CALL,
            )
            messages.success(request, _("Answer recorded from the phone call."))
        else:
            messages.error(request, _("Select what the resident said"))
        return redirect("signup:staff_detail", reference=signup.reference)
    record_access(request=request, obj=signup, reason="Sign-up opened by an integration officer")
    return render(
        request,
        "signup/staff/detail.html",
        {
            "signup": signup,
            "ward_name": _ward_names().get(signup.ward_code, signup.ward_code),
            "languages": [forms.LANGUAGE_LABELS.get(code, code) for code in signup.languages],
            "interests": [forms.INTEREST_LABELS.get(code, code) for code in signup.interests],
            "consents": signup.consents.order_by("purpose", "channel"),
            "follow_ups": signup.follow_ups.all(),
            "outcome_choices": [choice for choice in FollowUp.Outcome.choices if choice[0]],
        },
    )
