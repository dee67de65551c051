"""Pages of the pledge and of Places of Welcome: public lists, signing, badges, iCal; staff registry."""

import uuid

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_ratelimit.decorators import ratelimit

from audit.services import record_access
from core.access import permission_required, public

from . import selectors, services
from .forms import (
    FivePsForm,
    OpeningTimeFormSet,
    PlaceAddForm,
    PlaceDetailsForm,
    PlaceFilterForm,
    PledgeApproveForm,
    PledgeDecisionNoteForm,
    PledgeSignForm,
)
from .ical import opening_times_calendar
from .models import COMMITMENT_LABELS, FIVE_PS, PlaceOfWelcome, Pledge

DRAFT_KEY = "pledge_draft"
SUBMITTED_KEY = "pledge_submitted"
# Signatures from one address: enough for a community centre helping people sign, too few to flood approvals.
SIGN_RATE = "30/h"


def _sign_rate(group, request):
    return SIGN_RATE


# Public: the pledge --------------------------------------------------------------------------------


@public()
def signatory_list(request):
    rows = list(selectors.signatories())
    organisations = [pledge for pledge in rows if pledge.kind == Pledge.Kind.ORGANISATION]
    individuals = [pledge for pledge in rows if pledge.kind == Pledge.Kind.INDIVIDUAL]
    return render(
        request,
        "pledges/signatory_list.html",
        {"organisations": organisations, "individuals": individuals},
    )


@public()
def signatory_detail(request, pledge_id):
    pledge = selectors.public_pledge(pledge_id)
    if pledge is None:
        raise Http404
    return render(request, "pledges/signatory_detail.html", {"pledge": pledge})


@public()
def badge(request, pledge_id):
    pledge = selectors.public_pledge(pledge_id)
    if pledge is None:
        raise Http404
    response = render(
        request,
        "pledges/badge.svg",
        {"pledge": pledge, "year": pledge.badge_year},
        content_type="image/svg+xml; charset=utf-8",
    )
    if request.GET.get("download"):
        response["Content-Disposition"] = f'attachment; filename="walsall-for-all-pledge-{pledge.badge_year}.svg"'
    return response


def _draft(request):
    return request.session.get(DRAFT_KEY)


@public(personal_data=True, page_cache=False)
@require_http_methods(["GET", "POST"])
def sign(request):
    draft = _draft(request)
    if request.method == "POST":
        form = PledgeSignForm(request.POST)
        if form.is_valid():
            data = dict(form.cleaned_data)
            key = (draft or {}).get("submission_key") or str(uuid.uuid4())
            request.session[DRAFT_KEY] = {**data, "submission_key": key}
            return redirect("pledges:sign_check")
    else:
        form = PledgeSignForm(initial=draft)
    return render(request, "pledges/sign.html", {"form": form})


@public(personal_data=True, page_cache=False)
@require_http_methods(["GET", "POST"])
@ratelimit(key="ip", rate=_sign_rate, method="POST", block=False)
def sign_check(request):
    draft = _draft(request)
    if request.method == "POST" and getattr(request, "limited", False) and draft is not None:
        return render(request, "pledges/sign_check.html", _check_context(draft, limited=True), status=429)
    if request.method == "POST":
        submitted = request.session.get(SUBMITTED_KEY)
        key = request.POST.get("submission_key", "")
        if draft is None or draft.get("submission_key") != key:
            # A second press of "Sign the pledge" after the first went through: show its confirmation.
            if submitted and submitted == key:
                return redirect("pledges:sign_done")
            return redirect("pledges:sign")
        form = PledgeSignForm(draft)
        if not form.is_valid():
            return redirect("pledges:sign")
        data = form.cleaned_data
        services.pledge_submit(
            submission_key=uuid.UUID(key),
            kind=data["kind"],
            organisation_name=data["organisation_name"],
            show_name=data["show_name"] == "yes",
            contact_name=data["contact_name"],
            contact_email=data["contact_email"],
            contact_phone=data["contact_phone"],
            commitments=data["commitments"],
            own_words=data["own_words"],
        )
        request.session.pop(DRAFT_KEY, None)
        request.session[SUBMITTED_KEY] = key
        return redirect("pledges:sign_done")
    if draft is None:
        return redirect("pledges:sign")
    return render(request, "pledges/sign_check.html", _check_context(draft))


def _check_context(draft, limited=False):
    commitments = [COMMITMENT_LABELS[code] for code in draft.get("commitments", []) if code in COMMITMENT_LABELS]
    return {
        "draft": draft,
        "commitments": commitments,
        "is_individual": draft.get("kind") == Pledge.Kind.INDIVIDUAL,
        "limited": limited,
    }


@public(page_cache=False)
def sign_done(request):
    if not request.session.get(SUBMITTED_KEY):
        return redirect("pledges:sign")
    return render(request, "pledges/sign_done.html")


# Public: Places of Welcome -------------------------------------------------------------------------


@public()
def place_list(request):
    generation, names = selectors.ward_names()
    wards = sorted(names.items(), key=lambda item: item[1])
    form = PlaceFilterForm(request.GET or None, wards=wards)
    ward_code, weekday = "", None
    if form.is_bound and form.is_valid():
        ward_code, weekday = form.cleaned_data.get("ward") or "", form.weekday()
    places = list(selectors.open_places(ward_code=ward_code, weekday=weekday)) if not form.errors else []
    rows = [
        {
            "number": number,
            "place": place,
            "ward_name": names.get(place.location.ward_code, ""),
            "opening_times": list(place.opening_times.all()),
        }
        for number, place in enumerate(places, start=1)
    ]
    places_map = (
        selectors.places_map(generation, [(row["number"], row["place"]) for row in rows], selected_ward=ward_code)
        if generation is not None and rows
        else None
    )
    status = 400 if form.errors else 200
    return render(
        request,
        "pledges/place_list.html",
        {"form": form, "rows": rows, "places_map": places_map, "ward_name": names.get(ward_code, "")},
        status=status,
    )


@public()
def place_detail(request, place_id):
    place = selectors.public_place(place_id)
    if place is None:
        raise Http404
    _generation, names = selectors.ward_names()
    return render(
        request,
        "pledges/place_detail.html",
        {
            "place": place,
            "ward_name": names.get(place.location.ward_code, ""),
            "address": next(iter(place.location.addresses.all()), None),
            "accessibility": list(place.location.accessibility.all()),
            "check": selectors.latest_check(place),
        },
    )


def _calendar_response(request, opening_times, name, filename):
    body = opening_times_calendar(
        opening_times,
        name=name,
        today=timezone.localdate(),
        url_for=lambda place: request.build_absolute_uri(reverse("pledges:place_detail", args=[place.pk])),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@public()
def calendar_all(request):
    return _calendar_response(
        request, selectors.opening_times_in_calendar(), _("Places of Welcome in Walsall"), "places-of-welcome.ics"
    )


@public()
def calendar_place(request, place_id):
    place = selectors.public_place(place_id)
    if place is None:
        raise Http404
    times = selectors.opening_times_in_calendar([place.pk])
    return _calendar_response(request, times, place.location.name, f"place-of-welcome-{place.pk}.ics")


# Staff: the pledge registry ------------------------------------------------------------------------


def _pledge(request, pledge_id, **kwargs):
    return get_object_or_404(Pledge, pk=pledge_id)


@permission_required("pledges.view_pledges")
def staff_pledge_list(request):
    status = request.GET.get("status", "")
    if status not in Pledge.Status.values:
        status = ""
    pledges = selectors.pledges_for(request.user, status=status)
    return render(
        request,
        "pledges/staff/pledge_list.html",
        {
            "pledges": pledges[:500],
            "status": status,
            "statuses": Pledge.Status.choices,
            "can_decide": request.user.has_perm("pledges.decide_pledge"),
            # By permission name only: pledges sits below buddies and never imports it.
            "can_put_forward": request.user.has_perm("buddies.put_forward_volunteer"),
            "can_list_volunteers": request.user.has_perm("buddies.list_volunteers"),
            "today": timezone.localdate(),
        },
    )


@permission_required("pledges.view_pledge", fn=_pledge)
def staff_pledge_detail(request, pledge_id):
    pledge = get_object_or_404(Pledge.objects.select_related("organisation", "decided_by"), pk=pledge_id)
    record_access(request=request, obj=pledge, reason="Pledge contact details viewed")
    return render(
        request,
        "pledges/staff/pledge_detail.html",
        {
            "pledge": pledge,
            "reminders": list(pledge.reminders.all()),
            "can_decide": request.user.has_perm("pledges.decide_pledge"),
            # By permission name only: pledges sits below buddies and never imports it.
            "can_put_forward": request.user.has_perm("buddies.put_forward_volunteer"),
            "can_list_volunteers": request.user.has_perm("buddies.list_volunteers"),
            "today": timezone.localdate(),
        },
    )


PLEDGE_ACTIONS = {
    "approve": (services.pledge_approve, PledgeApproveForm),
    "reject": (services.pledge_reject, PledgeDecisionNoteForm),
    "renew": (services.pledge_renew, None),
    "withdraw": (services.pledge_withdraw, PledgeDecisionNoteForm),
}


@permission_required("pledges.decide_pledge", fn=_pledge)
@require_http_methods(["GET", "POST"])
def staff_pledge_action(request, pledge_id, action):
    if action not in PLEDGE_ACTIONS:
        raise Http404
    pledge = get_object_or_404(Pledge, pk=pledge_id)
    service, form_class = PLEDGE_ACTIONS[action]
    initial = {"organisation": selectors.organisation_matching(pledge)} if action == "approve" else None
    form = form_class(request.POST or None, initial=initial) if form_class else None
    if request.method == "POST" and (form is None or form.is_valid()):
        options = dict(form.cleaned_data) if form else {}
        try:
            service(pledge=pledge, by=request.user, **options)
        except services.PledgeStateError:
            messages.error(request, _("This pledge has changed since you opened it. Nothing was changed."))
        else:
            messages.success(request, SUCCESS_MESSAGES[action]())
        return redirect("pledges:staff_pledge_detail", pledge_id=pledge.pk)
    return render(request, "pledges/staff/pledge_action.html", {"pledge": pledge, "action": action, "form": form})


SUCCESS_MESSAGES = {
    "approve": lambda: _("Pledge approved. It is now on the public list."),
    "reject": lambda: _("Pledge not approved."),
    "renew": lambda: _("Renewal recorded. The pledge runs for another year."),
    "withdraw": lambda: _("Pledge withdrawn. It is no longer on the public list."),
}


# Staff: Places of Welcome --------------------------------------------------------------------------


def _place(request, place_id, **kwargs):
    return get_object_or_404(PlaceOfWelcome, pk=place_id)


@permission_required("pledges.manage_places")
def staff_place_list(request):
    _generation, names = selectors.ward_names()
    places = selectors.places_for(request.user)
    rows = [
        {"place": place, "ward_name": names.get(place.location.ward_code, ""), "check": selectors.latest_check(place)}
        for place in places
    ]
    return render(request, "pledges/staff/place_list.html", {"rows": rows})


def _officer_can_choose_organisation(user):
    from .rules import is_places_officer

    return is_places_officer(user)


@permission_required("pledges.manage_places")
@require_http_methods(["GET", "POST"])
def staff_place_add(request):
    choose_organisation = _officer_can_choose_organisation(request.user)
    locations = list(selectors.locations_without_a_place()[:500])
    form = PlaceAddForm(request.POST or None, locations=locations, organisation_fixed=not choose_organisation)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        organisation = data["organisation"] if choose_organisation else request.user.organisation
        if data["location"]:
            location = form.locations[data["location"]]
        else:
            lat, lon = form.postcode_point
            location = services.location_create(
                name=data["new_name"].strip(),
                address_1=data["new_address"].strip(),
                city=data["new_town"].strip(),
                postal_code=data["new_postcode"],
                latitude=lat,
                longitude=lon,
            )
        place = services.place_create(
            location=location,
            organisation=organisation,
            what_to_expect=data["what_to_expect"],
            coordinator_name=data["coordinator_name"],
            coordinator_email=data["coordinator_email"],
            coordinator_phone=data["coordinator_phone"],
            status=data["status"],
        )
        messages.success(request, _("Place of Welcome added. Now add its opening times."))
        return redirect("pledges:staff_place_opening_times", place_id=place.pk)
    return render(request, "pledges/staff/place_add.html", {"form": form})


@permission_required("pledges.change_place", fn=_place)
def staff_place_detail(request, place_id):
    place = selectors.staff_place(place_id)
    record_access(request=request, obj=place, reason="Place of Welcome coordinator details viewed")
    _generation, names = selectors.ward_names()
    return render(
        request,
        "pledges/staff/place_detail.html",
        {
            "place": place,
            "ward_name": names.get(place.location.ward_code, ""),
            "checks": list(place.checks.all()[:10]),
            "check": selectors.latest_check(place),
        },
    )


@permission_required("pledges.change_place", fn=_place)
@require_http_methods(["GET", "POST"])
def staff_place_edit(request, place_id):
    place = get_object_or_404(PlaceOfWelcome.objects.select_related("location"), pk=place_id)
    initial = {
        "what_to_expect": place.what_to_expect,
        "status": place.status,
        "coordinator_name": place.coordinator_name or "",
        "coordinator_email": place.coordinator_email or "",
        "coordinator_phone": place.coordinator_phone or "",
    }
    form = PlaceDetailsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.place_update(place=place, **form.cleaned_data)
        messages.success(request, _("Place of Welcome updated."))
        return redirect("pledges:staff_place_detail", place_id=place.pk)
    return render(request, "pledges/staff/place_edit.html", {"place": place, "form": form})


@permission_required("pledges.change_place", fn=_place)
@require_http_methods(["GET", "POST"])
def staff_place_opening_times(request, place_id):
    place = get_object_or_404(PlaceOfWelcome.objects.select_related("location"), pk=place_id)
    initial = [
        {"weekday": time.weekday, "opens": time.opens, "closes": time.closes, "notes": time.notes}
        for time in place.opening_times.all()
    ]
    formset = OpeningTimeFormSet(request.POST or None, initial=initial, prefix="times")
    if request.method == "POST" and formset.is_valid():
        sessions = [session for form in formset.forms if (session := form.session()) is not None]
        services.place_set_opening_times(place=place, sessions=sessions)
        messages.success(request, _("Opening times saved."))
        return redirect("pledges:staff_place_detail", place_id=place.pk)
    return render(request, "pledges/staff/place_opening_times.html", {"place": place, "formset": formset})


@permission_required("pledges.change_place", fn=_place)
@require_http_methods(["GET", "POST"])
def staff_place_check(request, place_id):
    place = get_object_or_404(PlaceOfWelcome.objects.select_related("location"), pk=place_id)
    form = FivePsForm(request.POST or None, initial={"checked_on": timezone.localdate()})
    key = request.POST.get("submission_key") or str(uuid.uuid4())
    if request.method == "POST" and form.is_valid():
        try:
            submission_key = uuid.UUID(key)
        except ValueError:
            submission_key = uuid.uuid4()
        services.five_ps_check_record(
            place=place,
            by=request.user,
            checked_on=form.cleaned_data["checked_on"],
            results=form.results(),
            submission_key=submission_key,
        )
        messages.success(request, _("5 Ps check recorded."))
        return redirect("pledges:staff_place_detail", place_id=place.pk)
    return render(
        request,
        "pledges/staff/place_check.html",
        {"place": place, "form": form, "submission_key": key, "five_ps": FIVE_PS},
    )
