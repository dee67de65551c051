"""Staff pages of the directory: editors keep their services up to date; council editors approve changes."""

import uuid
from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from core.access import permission_required

from . import search, selectors, services
from .forms import ChangeDecisionForm, ServiceEditForm
from .models import Service, ServiceChange

STATUS_FILTERS = [
    ("", gettext_lazy("All")),
    (selectors.AssuranceStatus.OVERDUE, gettext_lazy("Overdue for checking")),
    (selectors.AssuranceStatus.DUE_SOON, gettext_lazy("Due for checking soon")),
    (selectors.AssuranceStatus.UP_TO_DATE, gettext_lazy("Up to date")),
]


def _service_or_404(request, service_id):
    return get_object_or_404(Service.objects.select_related("organization"), pk=service_id)


def _is_council_editor(user):
    return user.has_perm("directory.approve_changes")


@permission_required("directory.edit_services")
def service_list(request):
    user = request.user
    status = request.GET.get("status", "")
    if status not in dict(STATUS_FILTERS):
        status = ""
    text = request.GET.get("q", "").strip()[:100]
    today = timezone.localdate()
    page = Paginator(
        selectors.services_for_editor(user, status=status, text=text), selectors.EDITOR_PAGE_SIZE
    ).get_page(request.GET.get("page"))
    rows = [
        {
            "service": service,
            "status": selectors.assurance_status(service.assured_date, today),
            "due": selectors.check_due_date(service.assured_date),
        }
        for service in page
    ]
    is_council = _is_council_editor(user)
    return render(
        request,
        "directory/staff/service_list.html",
        {
            "page": page,
            "rows": rows,
            "status": status,
            "text": text,
            "querystring": urlencode([(key, value) for key, value in (("status", status), ("q", text)) if value]),
            "status_filters": STATUS_FILTERS,
            "is_council": is_council,
            "pending_count": selectors.pending_changes().count() if is_council else 0,
            "changes": selectors.changes_for_organisation(user.organisation_id) if user.organisation_id else [],
        },
    )


def _edit(request, service):
    user = request.user
    is_council = _is_council_editor(user)
    current = selectors.service_snapshot(selectors.service_for_editing(service.pk)) if service else None
    pending = selectors.pending_change_for(service) if service else None
    form_options = {
        "organizations": selectors.editor_organizations(user),
        "categories": search.category_choices(),
        "current": current,
    }
    if request.method == "POST":
        form = ServiceEditForm(request.POST, **form_options)
        if form.is_valid():
            proposed = form.snapshot()
            if current is not None and not services.changed_keys(current, proposed):
                messages.info(request, _("You did not change anything, so there was nothing to save."))
                return redirect("directory:staff_service_list")
            change, _created = services.service_change_submit(
                user=user,
                service=service,
                proposed=proposed,
                idempotency_key=form.cleaned_data["idempotency_key"],
                publish=is_council,
            )
            name = change.proposed["name"]
            if change.status == ServiceChange.Status.PENDING:
                messages.success(
                    request,
                    _("Your change to %(name)s is sent for approval. The public page changes once it is approved.")
                    % {"name": name},
                )
            else:
                messages.success(request, _("%(name)s has been saved and published.") % {"name": name})
            return redirect("directory:staff_service_list")
    else:
        initial = dict(current or {})
        if pending is not None and not is_council and pending.organisation_id == user.organisation_id:
            initial = dict(pending.proposed)
        initial["idempotency_key"] = uuid.uuid4()
        form = ServiceEditForm(initial=initial, **form_options)
    return render(
        request,
        "directory/staff/service_form.html",
        {"form": form, "service": service, "pending": pending, "is_council": is_council},
    )


@permission_required("directory.edit_services")
@require_http_methods(["GET", "POST"])
def service_create(request):
    return _edit(request, None)


@permission_required("directory.edit_service", fn=_service_or_404)
@require_http_methods(["GET", "POST"])
def service_edit(request, service_id):
    return _edit(request, _service_or_404(request, service_id))


@permission_required("directory.edit_service", fn=_service_or_404)
@require_http_methods(["GET", "POST"])
def service_check(request, service_id):
    service = _service_or_404(request, service_id)
    if request.method == "POST":
        services.service_mark_checked(service=service, user=request.user)
        messages.success(request, _("%(name)s is marked as checked today.") % {"name": service.name})
        return redirect("directory:staff_service_list")
    return render(
        request,
        "directory/staff/service_check.html",
        {
            "service": service,
            "status": selectors.assurance_status(service.assured_date, timezone.localdate()),
            "due": selectors.check_due_date(service.assured_date),
        },
    )


@permission_required("directory.approve_changes")
def approval_list(request):
    return render(request, "directory/staff/approval_list.html", {"changes": selectors.pending_changes()})


@permission_required("directory.approve_changes")
@require_http_methods(["GET", "POST"])
def approval_detail(request, change_id):
    change = get_object_or_404(
        ServiceChange.objects.select_related("service__organization", "organisation", "proposed_by", "decided_by"),
        pk=change_id,
    )
    form = ChangeDecisionForm(request.POST or None)
    if request.method == "POST" and change.status == ServiceChange.Status.PENDING and form.is_valid():
        name = change.proposed.get("name", "")
        if form.cleaned_data["decision"] == "approve":
            services.service_change_approve(change=change, user=request.user)
            messages.success(request, _("The change to %(name)s is published.") % {"name": name})
        else:
            services.service_change_reject(change=change, user=request.user, reason=form.cleaned_data["reason"])
            messages.success(request, _("The change to %(name)s is rejected.") % {"name": name})
        return redirect("directory:staff_approval_list")
    current = selectors.service_snapshot(selectors.service_for_editing(change.service_id)) if change.service_id else {}
    return render(
        request,
        "directory/staff/approval_detail.html",
        {"change": change, "rows": selectors.change_rows(change, current), "form": form},
    )
