"""Pages of the buddy scheme: thin views over selectors and services; access rules in rules.py."""

import csv
import functools

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from accounts.models import Organisation
from accounts.roles import Role
from audit.services import record_access
from core.access import permission_required, public
from core.views import error_page
from directory.search import LANGUAGE_NAMES
from places import selectors as places_selectors
from pledges.selectors import active_places_of_welcome, organisation_has_active_pledge

from . import forms, notify, report, selectors, services
from .models import BuddyRequest, Match, SafeguardingConcern, SurveyResponse, Volunteer

Stage = Volunteer.Stage


def _volunteer(request, volunteer_id, **kwargs):
    return get_object_or_404(Volunteer.objects.select_related("user", "organisation"), pk=volunteer_id)


def _match(request, match_id, **kwargs):
    return get_object_or_404(Match.objects.select_related("volunteer__user", "request"), pk=match_id)


def _site_url(request):
    return request.build_absolute_uri("/")


def _ward_names():
    from directory.search import ward_names

    choice = places_selectors.generation_in_force()
    return ward_names(choice.generation) if choice else {}


def _labels(values, names):
    return [str(names.get(value, value)) for value in values]


# Coordinator's dashboard -------------------------------------------------------------------------


@permission_required("buddies.view_dashboard")
def dashboard(request):
    today = timezone.localdate()
    return render(
        request,
        "buddies/dashboard.html",
        {
            "concerns": selectors.open_concerns(),
            "counts": selectors.dashboard_counts(),
            "expiring": selectors.expiring_checks(today=today),
            "quiet": selectors.quiet_matches(today=today),
            "today": today,
        },
    )


# Volunteers --------------------------------------------------------------------------------------


@permission_required("buddies.list_volunteers")
def volunteer_list(request):
    return render(
        request,
        "buddies/volunteer_list.html",
        {
            "volunteers": selectors.volunteers_visible_to(request.user),
            "can_put_forward": request.user.has_perm("buddies.put_forward_volunteer"),
            "today": timezone.localdate(),
        },
    )


def _organisations_for(user):
    if user.has_perm("buddies.view_dashboard"):
        return Organisation.objects.filter(
            is_active=True, pledges__status="active"
        ).distinct()  # only pledge organisations put volunteers forward
    return Organisation.objects.filter(pk=user.organisation_id)


@permission_required("buddies.put_forward_volunteer")
def volunteer_create(request):
    organisations = _organisations_for(request.user)
    if request.method == "POST":
        # A second submit of the same form: its email now has an account, so show the first result.
        earlier = selectors.volunteer_put_forward_with_key(request.POST.get("idempotency_key"), organisations)
        if earlier is not None:
            return redirect("buddies:volunteer_detail", volunteer_id=earlier.pk)
    form = forms.VolunteerForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if not organisation_has_active_pledge(data["organisation"]):
            raise PermissionDenied
        volunteer = services.volunteer_put_forward(
            by=request.user,
            organisation=data["organisation"],
            full_name=data["full_name"],
            email=data["email"],
            phone=data["phone"],
            role=data["role"],
            languages=data["languages"],
            postcode=data["postcode"],
            interests=data["interests"],
            availability=data["availability"],
            gender=data["gender"],
            capacity=data["capacity"],
            max_travel_km=data["max_travel_km"],
            idempotency_key=data["idempotency_key"],
            **form.location(),
        )
        messages.success(
            request,
            _("%(name)s has been put forward. The buddy coordinator will take up references.")
            % {"name": volunteer.user.full_name},
        )
        return redirect("buddies:volunteer_detail", volunteer_id=volunteer.pk)
    return render(
        request,
        "buddies/form_page.html",
        {
            "form": form,
            "title": _("Put forward a volunteer"),
            "caption": _("Buddy scheme"),
            "submit": _("Put forward"),
            "back": reverse("buddies:volunteer_list"),
        },
    )


ONBOARDING_STEPS = ["applied", "references", "identity", "dbs", "trained", "approved"]


def _next_step(volunteer):
    return {
        Stage.APPLIED: "references",
        Stage.REFERENCES: "identity",
        Stage.IDENTITY: "dbs",
        Stage.DBS: "training",
        Stage.TRAINED: "approve",
    }.get(volunteer.stage, "status" if volunteer.stage != Stage.LEFT else None)


@permission_required("buddies.view_volunteer", fn=_volunteer)
def volunteer_detail(request, volunteer_id):
    volunteer = selectors.volunteer_detail(volunteer_id)
    record_access(request=request, obj=volunteer, reason="Volunteer record viewed")
    stages = [Stage.APPLIED, Stage.REFERENCES, Stage.IDENTITY, Stage.DBS, Stage.TRAINED, Stage.APPROVED, Stage.ACTIVE]
    reached = {change.stage for change in volunteer.stage_changes.all()}
    return render(
        request,
        "buddies/volunteer_detail.html",
        {
            "volunteer": volunteer,
            "pipeline": [{"stage": stage, "label": Stage(stage).label, "done": stage in reached} for stage in stages],
            "can_manage": request.user.has_perm("buddies.manage_onboarding"),
            "next_step": _next_step(volunteer),
            "languages": _labels(volunteer.languages, LANGUAGE_NAMES),
            "interests": _labels(volunteer.interests, forms.INTEREST_LABELS),
            "availability": _labels(volunteer.availability, forms.AVAILABILITY_LABELS),
            "free_places": selectors.free_places(volunteer),
            "today": timezone.localdate(),
        },
    )


STEP_TITLES = {
    "references": _("Record references"),
    "identity": _("Record the identity check"),
    "dbs": _("Record the DBS check"),
    "training": _("Record training"),
    "approve": _("Approve the volunteer"),
    "status": _("Change status"),
}


# The stage each onboarding step moves a volunteer on to.
STEP_STAGES = {
    "references": Stage.REFERENCES,
    "identity": Stage.IDENTITY,
    "dbs": Stage.DBS,
    "training": Stage.TRAINED,
    "approve": Stage.APPROVED,
}


@permission_required("buddies.manage_onboarding", fn=_volunteer)
def volunteer_step(request, volunteer_id, step):
    volunteer = _volunteer(request, volunteer_id)
    if step not in STEP_TITLES:
        raise Http404
    form_classes = {
        "references": forms.ReferencesForm,
        "identity": forms.IdentityForm,
        "training": forms.TrainingForm,
        "status": forms.StatusForm,
    }
    data = request.POST if request.method == "POST" else None
    if step == "dbs":
        form = forms.DbsForm(data, role=volunteer.role)
    elif step == "approve":
        form = None
    else:
        form = form_classes[step](data)
    if request.method == "POST" and (form is None or form.is_valid()):
        values = form.cleaned_data if form else {}
        record = {
            "references": services.volunteer_record_references,
            "identity": services.volunteer_record_identity,
            "dbs": services.volunteer_record_dbs,
            "training": services.volunteer_record_training,
            "approve": services.volunteer_approve,
            "status": services.volunteer_set_status,
        }[step]
        try:
            record(volunteer=volunteer, by=request.user, **values)
        except services.OnboardingError as error:
            if volunteer.stage_changes.filter(stage=STEP_STAGES.get(step)).exists():
                # The same form sent twice: the first one recorded it, which is what the person wanted.
                messages.success(request, _("Saved."))
            else:
                messages.error(request, str(error))
        else:
            messages.success(request, _("Saved."))
        return redirect("buddies:volunteer_detail", volunteer_id=volunteer.pk)
    return render(
        request,
        "buddies/form_page.html",
        {
            "form": form,
            "title": STEP_TITLES[step],
            "caption": volunteer.user.full_name,
            "submit": _("Approve") if step == "approve" else _("Save"),
            "back": reverse("buddies:volunteer_detail", kwargs={"volunteer_id": volunteer.pk}),
            "intro": _("Approve this volunteer: references, identity, DBS check and training are all recorded.")
            if step == "approve"
            else "",
        },
    )


# Buddy requests ----------------------------------------------------------------------------------


@permission_required("buddies.view_requests")
def request_list(request):
    return render(request, "buddies/request_list.html", {"requests": selectors.requests_waiting()})


@permission_required("buddies.refer_newcomer")
def request_create(request):
    form = forms.ReferralForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        source = (
            BuddyRequest.Source.PARTNER
            if request.user.has_role(Role.PARTNER_ORGANISATION_USER)
            and not request.user.has_role(Role.BUDDY_COORDINATOR, Role.INTEGRATION_OFFICER)
            else BuddyRequest.Source.OFFICER
        )
        referral = services.buddy_request_create(
            source=source,
            name=data["name"],
            email=data["email"],
            phone=data["phone"],
            languages=data["languages"],
            postcode=data["postcode"],
            interests=data["interests"],
            availability=data["availability"],
            buddy_gender=data["buddy_gender"],
            meet_only_at_place_of_welcome=data["meet_only_at_place_of_welcome"],
            notes=data["notes"],
            referred_by=request.user,
            referring_organisation=request.user.organisation,
            idempotency_key=data["idempotency_key"],
            **form.location(),
        )
        return redirect(reverse("buddies:request_referred") + f"?reference={referral.reference}")
    return render(
        request,
        "buddies/form_page.html",
        {
            "form": form,
            "title": _("Refer a newcomer for a buddy"),
            "caption": _("Buddy scheme"),
            "submit": _("Send referral"),
            "intro": _(
                "Tell the newcomer you are referring them and that the buddy coordinator will see these details."
            ),
        },
    )


@permission_required("buddies.refer_newcomer", personal_data=False)
def request_referred(request):
    return render(request, "buddies/request_referred.html", {"reference": request.GET.get("reference", "")[:36]})


@permission_required("buddies.view_requests")
def request_detail(request, request_id):
    buddy_request = selectors.request_detail(request_id)
    if buddy_request is None:
        raise Http404
    record_access(request=request, obj=buddy_request, reason="Buddy request viewed")
    return render(
        request,
        "buddies/request_detail.html",
        {
            "buddy_request": buddy_request,
            "waiting_days": int(selectors.waiting_days(buddy_request)),
            "languages": _labels(buddy_request.languages, LANGUAGE_NAMES),
            "interests": _labels(buddy_request.interests, forms.INTEREST_LABELS),
            "availability": _labels(buddy_request.availability, forms.AVAILABILITY_LABELS),
            "ward_name": _ward_names().get(buddy_request.ward_code, buddy_request.ward_code),
        },
    )


# Matching ----------------------------------------------------------------------------------------


@permission_required("buddies.run_matching")
def matching(request):
    if request.method == "POST":
        found = services.matching_run()
        messages.success(request, _("Matching found %(count)s proposed pairs.") % {"count": len(found)})
        return redirect("buddies:matching")
    rows = [{"match": match, "reasons": selectors.reason_texts(match)} for match in selectors.proposals()]
    return render(
        request,
        "buddies/matching.html",
        {"rows": rows, "waiting": selectors.dashboard_counts()["waiting"], "reject_form": forms.RejectForm()},
    )


@require_POST
@permission_required("buddies.run_matching", fn=_match)
def proposal_accept(request, match_id):
    match = _match(request, match_id)
    try:
        services.match_accept(match=match, by=request.user, site_url=_site_url(request))
    except services.DecisionError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Matched. %(volunteer)s and %(newcomer)s have been introduced.")
            % {"volunteer": match.volunteer.first_name, "newcomer": match.request.first_name},
        )
        if not (match.request.email or match.request.phone):
            messages.warning(
                request,
                _("%(newcomer)s gave no email address or phone number: tell them about their buddy yourself.")
                % {"newcomer": match.request.first_name},
            )
    return redirect("buddies:matching")


@require_http_methods(["GET", "POST"])
@permission_required("buddies.run_matching", fn=_match)
def proposal_reject(request, match_id):
    match = _match(request, match_id)
    if match.status != Match.Status.PROPOSED:
        messages.error(request, _("This proposal has already been decided."))
        return redirect("buddies:matching")
    form = forms.RejectForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.match_reject(match=match, by=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, _("Rejected. This pair will not be proposed again."))
        return redirect("buddies:matching")
    return render(
        request,
        "buddies/form_page.html",
        {
            "form": form,
            "title": _("Reject this pair"),
            "caption": f"{match.volunteer.user.full_name} – {match.request.first_name}",
            "submit": _("Reject"),
            "back": reverse("buddies:matching"),
        },
    )


# Matches -----------------------------------------------------------------------------------------


@permission_required("buddies.view_own_matches")
def my_matches(request):
    volunteer = Volunteer.objects.filter(user=request.user).first()
    return render(
        request,
        "buddies/my_matches.html",
        {"volunteer": volunteer, "matches": selectors.matches_of_volunteer(request.user)},
    )


@permission_required("buddies.view_match", fn=_match)
def match_detail(request, match_id):
    match = selectors.match_detail(match_id)
    record_access(request=request, obj=match, reason="Buddy match viewed")
    user = request.user
    return render(
        request,
        "buddies/match_detail.html",
        {
            "match": match,
            "meetings": selectors.meetings_of(match),
            "reasons": selectors.reason_texts(match),
            "is_coordinator": user.has_perm("buddies.view_dashboard"),
            "can_log_meeting": user.has_perm("buddies.log_meeting", match),
            "can_raise_concern": user.has_perm("buddies.raise_concern", match),
            "can_end": user.has_perm("buddies.end_match", match),
            "can_answer_survey": user.has_perm("buddies.answer_survey", match)
            and not match.survey_responses.filter(respondent=SurveyResponse.Respondent.VOLUNTEER).exists(),
            "languages": _labels(match.request.languages, LANGUAGE_NAMES),
            "concerns": match.concerns.all() if user.has_perm("buddies.view_dashboard") else (),
        },
    )


@permission_required("buddies.log_meeting", fn=_match)
def meeting_create(request, match_id):
    match = _match(request, match_id)
    places = active_places_of_welcome()
    started_on = timezone.localtime(match.decided_at).date() if match.decided_at else timezone.localdate()
    form = forms.MeetingForm(
        request.POST or None,
        places=places,
        started_on=started_on,
        initial={"place_of_welcome": match.place_of_welcome_id},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.meeting_log(
            match=match,
            by=request.user,
            met_on=data["met_on"],
            duration_minutes=data["duration_minutes"],
            outcomes=data["outcomes"],
            place_of_welcome=data["place_of_welcome"],
            other_place=data["other_place"] if not data["place_of_welcome"] else "",
            idempotency_key=data["idempotency_key"],
        )
        messages.success(request, _("Meeting logged. Thank you."))
        return redirect("buddies:match_detail", match_id=match.pk)
    return render(
        request,
        "buddies/form_page.html",
        {
            "form": form,
            "title": _("Log a meeting"),
            "caption": _("Your buddy %(name)s") % {"name": match.request.first_name},
            "submit": _("Log meeting"),
            "back": reverse("buddies:match_detail", kwargs={"match_id": match.pk}),
        },
    )


def _concern_form_page(request, form, back):
    return render(
        request,
        "buddies/form_page.html",
        {
            "form": form,
            "title": _("Raise a safeguarding concern"),
            "caption": _("Buddy scheme"),
            "submit": _("Send to the coordinator"),
            "back": back,
            "intro": _(
                "Tell the buddy coordinator about anything that worries you about your buddy or your meetings. "
                "They see it straight away."
            ),
            "warning": _("If someone is in immediate danger, call 999."),
        },
    )


@permission_required("buddies.raise_concern", fn=_match)
def concern_create(request, match_id):
    match = _match(request, match_id)
    form = forms.ConcernForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.concern_raise(
            match=match,
            raised_by=SafeguardingConcern.RaisedBy.VOLUNTEER,
            description=form.cleaned_data["description"],
            idempotency_key=form.cleaned_data["idempotency_key"],
        )
        messages.success(request, _("Your concern has been sent to the buddy coordinator."))
        return redirect("buddies:match_detail", match_id=match.pk)
    return _concern_form_page(request, form, reverse("buddies:match_detail", kwargs={"match_id": match.pk}))


@require_http_methods(["GET", "POST"])
@permission_required("buddies.end_match", fn=_match)
def match_end(request, match_id):
    match = _match(request, match_id)
    if request.method == "POST":
        try:
            services.match_end(match=match, by=request.user, site_url=_site_url(request))
        except services.DecisionError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The match has ended. Both have been asked for the short survey."))
        return redirect("buddies:match_detail", match_id=match.pk)
    return render(
        request,
        "buddies/form_page.html",
        {
            "form": None,
            "title": _("End this match"),
            "caption": f"{match.volunteer.user.full_name} – {match.request.first_name}",
            "submit": _("End the match"),
            "intro": _("Both will be asked for a short survey about how it went."),
            "back": reverse("buddies:match_detail", kwargs={"match_id": match.pk}),
        },
    )


def _survey_page(request, form, back):
    return render(
        request,
        "buddies/form_page.html",
        {"form": form, "title": _("How did it go?"), "caption": _("Buddy scheme"), "submit": _("Send"), "back": back},
    )


@permission_required("buddies.answer_survey", fn=_match)
def volunteer_survey(request, match_id):
    match = _match(request, match_id)
    form = forms.SurveyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.survey_answer(match=match, respondent=SurveyResponse.Respondent.VOLUNTEER, **form.cleaned_data)
        messages.success(request, _("Thank you for your answers."))
        return redirect("buddies:match_detail", match_id=match.pk)
    return _survey_page(request, form, reverse("buddies:match_detail", kwargs={"match_id": match.pk}))


@require_http_methods(["GET", "POST"])
@permission_required("buddies.view_dashboard")
def concern_detail(request, concern_id):
    concern = get_object_or_404(
        SafeguardingConcern.objects.select_related(
            "match__volunteer__user", "match__request", "volunteer__user", "acknowledged_by"
        ),
        pk=concern_id,
    )
    record_access(request=request, obj=concern, reason="Safeguarding concern viewed")
    if request.method == "POST":
        services.concern_acknowledge(concern=concern, by=request.user)
        messages.success(request, _("Marked as being dealt with."))
        return redirect("buddies:concern_detail", concern_id=concern.pk)
    return render(request, "buddies/concern_detail.html", {"concern": concern})


# Pilot report ------------------------------------------------------------------------------------


def _report():
    return report.pilot_report(ward_names=_ward_names(), language_names=LANGUAGE_NAMES)


@permission_required("buddies.view_report", personal_data=False)
def report_page(request):
    figures = _report()
    return render(
        request,
        "buddies/report.html",
        {
            "sections": [(dimension, label, figures[dimension]) for dimension, label in report.DIMENSIONS],
            "outcomes": forms.Meeting.Outcome.choices,
        },
    )


@permission_required("buddies.view_report", personal_data=False)
def report_csv(request):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="buddy-scheme-pilot-report.csv"'
    writer = csv.writer(response)
    writer.writerow(report.CSV_HEADER)
    writer.writerows(report.csv_rows(_report()))
    return response


# The newcomer's own pages, reached by the signed link in their messages ---------------------------


class NewcomerLinkError(Exception):
    """The newcomer's link cannot open their match: ``expired`` says whether it once could."""

    def __init__(self, *, expired):
        super().__init__()
        self.expired = expired


def _newcomer_match(token):
    match_id = notify.match_id_from_newcomer_token(token)
    match = selectors.match_detail(match_id) if match_id else None
    if match is None or match.status not in (Match.Status.ACCEPTED, Match.Status.ENDED):
        raise NewcomerLinkError(expired=False)
    if not notify.newcomer_link_is_live(match):
        raise NewcomerLinkError(expired=True)
    return match


def _newcomer_link_error(request, error):
    if error.expired:
        return error_page(
            request,
            410,
            _("This link has expired"),
            ngettext(
                "The link to your buddy stops working %(days)s day after your time with your buddy ended.",
                "The link to your buddy stops working %(days)s days after your time with your buddy ended.",
                notify.NEWCOMER_LINK_DAYS_AFTER_END,
            )
            % {"days": notify.NEWCOMER_LINK_DAYS_AFTER_END},
            _("If something about your buddy still worries you, contact Walsall for All or call 999 in an emergency."),
        )
    return error_page(
        request,
        404,
        _("This link does not work"),
        _("The link may have been changed or copied wrongly. Copy the whole link from the message we sent you."),
    )


def newcomer_page(view):
    """The newcomer's pages: the match from the signed link, or a page saying why the link does not open."""

    @functools.wraps(view)
    def wrapped(request, token):
        try:
            match = _newcomer_match(token)
        except NewcomerLinkError as error:
            return _newcomer_link_error(request, error)
        return view(request, token, match)

    return wrapped


@public(personal_data=True, page_cache=False)
@newcomer_page
def newcomer_match(request, token, match):
    return render(
        request,
        "buddies/newcomer_match.html",
        {
            "match": match,
            "token": token,
            "can_answer_survey": match.status == Match.Status.ENDED
            and not match.survey_responses.filter(respondent=SurveyResponse.Respondent.NEWCOMER).exists(),
        },
    )


@public(personal_data=True, page_cache=False)
@newcomer_page
def newcomer_concern(request, token, match):
    form = forms.ConcernForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.concern_raise(
            match=match,
            raised_by=SafeguardingConcern.RaisedBy.NEWCOMER,
            description=form.cleaned_data["description"],
            idempotency_key=form.cleaned_data["idempotency_key"],
        )
        messages.success(request, _("Your concern has been sent to the buddy coordinator."))
        return redirect("buddies:newcomer_match", token=token)
    return _concern_form_page(request, form, reverse("buddies:newcomer_match", kwargs={"token": token}))


@public(personal_data=True, page_cache=False)
@newcomer_page
def newcomer_survey(request, token, match):
    if match.status != Match.Status.ENDED:
        raise Http404
    form = forms.SurveyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.survey_answer(match=match, respondent=SurveyResponse.Respondent.NEWCOMER, **form.cleaned_data)
        messages.success(request, _("Thank you for your answers."))
        return redirect("buddies:newcomer_match", token=token)
    return _survey_page(request, form, reverse("buddies:newcomer_match", kwargs={"token": token}))
