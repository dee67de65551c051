"""Staff pages for casework (under staff/cases/) and the public hate crime figures. Thin: rules, then services."""

import csv

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import record_access
from core.access import permission_required, public
from reporting import evidence as evidence_files
from reporting import services as reporting_services
from reporting.models import Characteristic, Evidence, Message, Report, Side, Strand

from . import forms, selectors, services
from .models import Action, Case, CaseReview, Classification, NeedsAssessment, Referral

# Spreadsheet programs run cells that start with these characters as formulas.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


# The access rules get None for a reference that does not exist and refuse it like one of another
# team: a 404 would tell any signed-in user which case and report references exist.
def _case(request, reference, **kwargs):
    return Case.objects.filter(reference=reference).first()


def _report(request, reference, **kwargs):
    return Report.objects.select_related("case_link__case").filter(reference=reference).first()


def _referral(request, pk, **kwargs):
    return Referral.objects.select_related("case", "consent", "organisation").filter(pk=pk).first()


def _site_url(request):
    return request.build_absolute_uri("/")


def _case_url(case):
    return reverse("casework:case_detail", kwargs={"reference": case.reference})


# The queue ----------------------------------------------------------------------------------------


@permission_required("casework.view_queue")
def queue(request):
    names = selectors.ward_names()
    form = forms.QueueFilterForm(request.GET or None, wards=names.items())
    filters = form.cleaned_data if form.is_valid() else {}
    try:
        page_number = int(request.GET.get("page", "1"))
    except ValueError:
        page_number = 1
    page = selectors.queue_page(
        request.user,
        page=page_number,
        stage=filters.get("stage", ""),
        risk=filters.get("risk", ""),
        ward=filters.get("ward", ""),
        strand=filters.get("strand", ""),
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "casework/queue.html",
        {
            "form": form,
            "rows": page.rows,
            "page": page,
            "query": query.urlencode(),
            "labels": _labels(),
            "today": timezone.localdate(),
        },
    )


def _labels():
    return {
        "stage": {
            "new": _("New"),
            **dict(Case.Status.choices),
        },
        "strand": {**dict(Strand.choices), **dict(Characteristic.choices)},
        "classification": dict(Classification.choices),
    }


# A new report: triage ------------------------------------------------------------------------------


@permission_required("casework.triage_report", fn=_report)
def report_triage(request, reference):
    report = _report(request, reference)
    link = getattr(report, "case_link", None)
    if link is not None:
        return redirect(_case_url(link.case))
    error = ""
    if request.method == "POST":
        if request.POST.get("action") == "add":
            case = selectors.cases_for(request.user).filter(reference=request.POST.get("case", "").strip()).first()
            if case is None:
                error = _("Select a case of your team to add this report to")
            else:
                services.case_add_report(case=case, report=report, by=request.user, site_url=_site_url(request))
                messages.success(
                    request,
                    _("Report %(report)s added to case %(case)s")
                    % {"report": report.reference, "case": case.reference},
                )
                return redirect(_case_url(case))
        else:
            case = services.case_open(report=report, by=request.user, site_url=_site_url(request))
            messages.success(request, _("Case %(case)s opened and the report acknowledged") % {"case": case.reference})
            return redirect(_case_url(case))
    record_access(request=request, obj=report, reason="Report opened for triage")
    duplicates = selectors.possible_duplicates([report]).get(report.pk, [])
    duplicate_cases = sorted(
        {
            other.case_link.case.reference
            for other, _why in duplicates
            if getattr(other, "case_link", None) and other.case_link.case.team_id == request.user.organisation_id
        }
    )
    return render(
        request,
        "casework/report_triage.html",
        {
            "report": report,
            "duplicates": duplicates,
            "duplicate_cases": duplicate_cases,
            "error": error,
            "typed_case": request.POST.get("case", "") or (duplicate_cases[0] if duplicate_cases else ""),
            "acknowledge_by": services.policy.acknowledge_by(report),
            "enhanced": services.policy.has_enhanced_rights(report),
            "ward_names": selectors.ward_names(),
            "labels": _labels(),
        },
    )


# The case page -------------------------------------------------------------------------------------


@permission_required("casework.view_case", fn=_case)
def case_detail(request, reference):
    case = get_object_or_404(
        Case.objects.select_related("team", "lead").prefetch_related(
            "case_reports__report__consents", "parties", "earlier_cases", "later_cases"
        ),
        reference=reference,
    )
    record_access(request=request, obj=case, reason="Case page viewed")
    reports = [link.report for link in case.case_reports.all()]
    for report in reports:
        reporting_services.messages_mark_read(report=report, reader_side=Side.CASEWORKER)
    added = selectors.added_by_reporters(reports)
    actions = list(case.actions.select_related("party"))
    return render(
        request,
        "casework/case_detail.html",
        {
            "case": case,
            "reports": reports,
            "ward_names": selectors.ward_names(),
            "labels": _labels(),
            "classification": case.classifications.select_related("decided_by").first(),
            "risk": case.risk_assessments.select_related("assessed_by").first(),
            "needs": case.needs_assessments.first(),
            "referrals": list(case.referrals.select_related("organisation", "consent")),
            "actions": [(action, selectors.is_positive(action)) for action in actions],
            "notes": list(case.notes.select_related("written_by")[:50]),
            "messages_list": list(
                Message.objects.filter(report__in=reports).select_related("report").order_by("created_at")
            ),
            "review": CaseReview.objects.filter(case=case).first(),
            "qualifying": services.qualifying_complaints(case),
            "threshold": services.policy.setting("CASE_REVIEW_THRESHOLD"),
            "report_rows": [
                (report, duplicates, added.get(report.pk, ([], []))) for report, duplicates in _with_duplicates(reports)
            ],
            "need_labels": dict(NeedsAssessment.Need.choices),
        },
    )


@permission_required("casework.view_case", fn=_case)
def case_evidence_file(request, reference, evidence_id):
    """A file a reporter gave, as they gave it, for the case team only; every opening is audited."""
    case = _case(request, reference)
    item = Evidence.objects.filter(pk=evidence_id, report__case_link__case=case).first()
    if item is None:
        raise Http404
    record_access(request=request, obj=case, reason=f"Evidence {item.pk} opened")
    response = HttpResponse(evidence_files.read_decrypted(item.stored_name), content_type=item.content_type)
    response["Content-Disposition"] = "attachment"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _with_duplicates(reports):
    flags = selectors.possible_duplicates(reports)
    return [(report, sorted({other.reference for other, _why in flags.get(report.pk, [])})) for report in reports]


def _form_page(request, case, form, *, title, intro="", submit=None, template="casework/form_page.html", **extra):
    return render(
        request,
        template,
        {"case": case, "form": form, "title": title, "intro": intro, "submit": submit or _("Save"), **extra},
        status=400 if form.is_bound and form.errors else 200,
    )


@permission_required("casework.change_case", fn=_case)
def case_classify(request, reference):
    case = _case(request, reference)
    form = forms.ClassifyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.case_classify(
            case=case,
            classification=form.cleaned_data["classification"],
            nchi_threshold=form.cleaned_data["nchi_threshold"],
            reasons=form.cleaned_data["reasons"],
            by=request.user,
        )
        messages.success(request, _("Classification recorded"))
        return redirect(_case_url(case))
    return _form_page(
        request,
        case,
        form,
        title=_("Classify the case"),
        intro=_(
            "A non-crime hate incident is recorded only if the report is not trivial, irrational or "
            "malicious and there is a real risk of significant harm or of a criminal offence "
            "(Non-Crime Hate Incidents Code of Practice, 2023). Your name and the date are kept with the reasons."
        ),
    )


@permission_required("casework.change_case", fn=_case)
def case_risk(request, reference):
    case = _case(request, reference)
    form = forms.RiskForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        assessment = services.risk_assess(case=case, by=request.user, site_url=_site_url(request), **form.cleaned_data)
        messages.success(request, _("Risk assessed as %(level)s") % {"level": assessment.get_level_display()})
        return redirect(_case_url(case))
    return _form_page(
        request,
        case,
        form,
        title=_("Assess the risk"),
        intro=_(
            "Score each factor. The risk is high when the scores add up to 5 or more, when escalation is "
            "serious, or when a seriously vulnerable victim is targeted again; medium when they add up to 2 "
            "or more or any one is serious; low otherwise. High risk tells every caseworker of your team."
        ),
    )


@permission_required("casework.change_case", fn=_case)
def case_needs(request, reference):
    case = _case(request, reference)
    form = forms.NeedsForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.needs_assess(case=case, by=request.user, **form.cleaned_data)
        messages.success(request, _("Needs assessment recorded"))
        return redirect(_case_url(case))
    return _form_page(request, case, form, title=_("Assess the victim's needs"))


@permission_required("casework.change_case", fn=_case)
def case_party_add(request, reference):
    case = _case(request, reference)
    form = forms.PartyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.party_add(case=case, **form.cleaned_data)
        messages.success(request, _("Person added to the case"))
        return redirect(_case_url(case))
    return _form_page(request, case, form, title=_("Add a victim or someone responsible"))


@permission_required("casework.change_case", fn=_case)
def case_referral_add(request, reference):
    case = _case(request, reference)
    form = forms.ReferralForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.referral_make(case=case, by=request.user, site_url=_site_url(request), **form.cleaned_data)
        except ValidationError as error:
            form.add_error("recipient", error.messages[0])
        else:
            messages.success(request, _("Referral made"))
            return redirect(_case_url(case))
    consents = {recipient: services.consent_for(case, recipient) is not None for recipient in services.CONSENT_NEEDED}
    return _form_page(
        request,
        case,
        form,
        title=_("Make a referral"),
        intro=_(
            "Referrals to the police, Victim Support and a housing provider need the reporter's consent for "
            "that recipient. Without it the referral is refused."
        ),
        template="casework/referral_form.html",
        consents=consents,
    )


@permission_required("casework.change_case", fn=_case)
def case_action_add(request, reference):
    case = _case(request, reference)
    form = forms.ActionForm(request.POST or None, case=case)
    if request.method == "POST" and form.is_valid():
        services.action_record(case=case, by=request.user, **form.cleaned_data)
        messages.success(request, _("Action recorded"))
        return redirect(_case_url(case))
    return _form_page(request, case, form, title=_("Record an action against the people responsible"))


@permission_required("casework.change_case", fn=_case)
def case_message(request, reference):
    case = _case(request, reference)
    reports = [link.report for link in case.case_reports.select_related("report")]
    form = forms.MessageForm(request.POST or None, reports=reports)
    if request.method == "POST" and form.is_valid():
        report = next(report for report in reports if report.reference == form.cleaned_data["report"])
        services.case_message_send(
            case=case,
            report=report,
            body=form.cleaned_data["body"],
            by=request.user,
            idempotency_key=form.cleaned_data["idempotency_key"],
            site_url=_site_url(request),
        )
        messages.success(request, _("Message sent. The reporter is told there is news, not what it says."))
        return redirect(_case_url(case))
    return _form_page(request, case, form, title=_("Send a message to the reporter"), submit=_("Send message"))


@permission_required("casework.change_case", fn=_case)
def case_note_add(request, reference):
    case = _case(request, reference)
    form = forms.NoteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.note_add(case=case, by=request.user, **form.cleaned_data)
        messages.success(request, _("Note added"))
        return redirect(_case_url(case))
    return _form_page(request, case, form, title=_("Add a case note"))


@permission_required("casework.change_case", fn=_case)
def case_link(request, reference):
    case = _case(request, reference)
    form = forms.LinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        typed = form.cleaned_data["reference"].strip().upper()
        earlier = selectors.cases_for(request.user).filter(reference=typed).exclude(pk=case.pk).first()
        report = Report.objects.filter(reference=typed, case_link__isnull=True).first()
        if earlier is not None:
            services.case_link_earlier(case=case, earlier=earlier, site_url=_site_url(request))
            messages.success(request, _("Earlier case %(case)s linked") % {"case": earlier.reference})
            return redirect(_case_url(case))
        if report is not None and request.user.has_perm("casework.triage_report", report):
            services.case_add_report(case=case, report=report, by=request.user, site_url=_site_url(request))
            messages.success(request, _("Report %(report)s added") % {"report": report.reference})
            return redirect(_case_url(case))
        form.add_error(
            "reference", _("Enter the reference of another case of your team, or of a report not yet in a case")
        )
    return _form_page(request, case, form, title=_("Link an earlier case or add a report"))


@permission_required("casework.change_case", fn=_case)
def case_review(request, reference):
    case = _case(request, reference)
    review = CaseReview.objects.filter(case=case).first()
    if review is None:
        raise Http404
    form = forms.CaseReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        step, decision = form.cleaned_data["step"], form.cleaned_data["decision"]
        if step == CaseReview.Stage.APPLIED:
            services.case_review_apply(review=review)
        elif step == CaseReview.Stage.REVIEWED:
            services.case_review_record_outcome(review=review, decision=decision)
        else:
            services.case_review_decide(
                review=review, threshold_met=step == CaseReview.Stage.THRESHOLD_MET, decision=decision
            )
        messages.success(request, _("Case review updated"))
        return redirect(_case_url(case))
    return _form_page(request, case, form, title=_("Anti-social behaviour case review"))


@permission_required("casework.change_case", fn=_case)
def case_close(request, reference):
    case = _case(request, reference)
    if request.method == "POST":
        if case.status == Case.Status.CLOSED:
            services.case_reopen(case=case)
            messages.success(request, _("Case reopened"))
        else:
            services.case_close(case=case, by=request.user, site_url=_site_url(request))
            messages.success(request, _("Case closed"))
    return redirect(_case_url(case))


# Partners ---------------------------------------------------------------------------------------


@permission_required("casework.view_referrals")
def referral_list(request):
    return render(request, "casework/referral_list.html", {"referrals": selectors.referrals_for_partner(request.user)})


@permission_required("casework.view_referral", fn=_referral)
def referral_detail(request, pk):
    referral = _referral(request, pk)
    form = forms.ReferralOutcomeForm(
        request.POST or None,
        initial={"status": referral.status, "crime_reference": referral.crime_reference, "outcome": referral.outcome},
    )
    if request.method == "POST" and form.is_valid():
        services.referral_record_outcome(referral=referral, **form.cleaned_data)
        messages.success(request, _("Referral updated"))
        return redirect(reverse("casework:referral_detail", kwargs={"pk": referral.pk}))
    record_access(request=request, obj=referral.case, reason=f"Referral {referral.pk} viewed")
    is_caseworker = request.user.has_perm("casework.view_case", referral.case)
    return render(
        request,
        "casework/referral_detail.html",
        {
            "referral": referral,
            "reports": _reports_shared_with(referral, is_caseworker=is_caseworker),
            "partner_view": not is_caseworker,
            "form": form,
            "is_caseworker": is_caseworker,
            "labels": _labels(),
            "ward_names": selectors.ward_names(),
        },
        status=400 if form.is_bound and form.errors else 200,
    )


def _reports_shared_with(referral, *, is_caseworker):
    """The reports a referral's page shows: the case team sees them all; a partner only the report whose
    reporter consented to this recipient. A referral that needs no consent (the GTR liaison officer,
    another organisation) carries only its reasons: the reporter never agreed to share their words."""
    links = referral.case.case_reports.select_related("report").prefetch_related("report__consents")
    if is_caseworker:
        return [link.report for link in links]
    if not referral.consent_is_active:
        return []
    return [link.report for link in links if link.report_id == referral.consent.report_id]


@permission_required("casework.view_submitted")
def submitted_list(request):
    return render(
        request, "casework/submitted_list.html", {"reports": selectors.submitted_by_organisation(request.user)}
    )


# Statistics -------------------------------------------------------------------------------------


def _safe(value):
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


@permission_required("casework.view_statistics", personal_data=False)
def statistics(request):
    figures = selectors.case_statistics()
    return render(
        request,
        "casework/statistics.html",
        {
            "figures": figures,
            "labels": _labels(),
            "recipient_labels": dict(Referral.Recipient.choices),
            "status_labels": dict(Referral.Status.choices),
            "action_labels": _action_labels(),
        },
    )


def _action_labels():
    labels = dict(Action.Kind.choices)
    labels.update({f"police_outcome_{code}": label for code, label in Action.PoliceOutcome.choices})
    return labels


@permission_required("casework.view_statistics", personal_data=False)
def statistics_csv(request):
    figures = selectors.case_statistics()
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="hate-crime-asb-statistics-{timezone.localdate().isoformat()}.csv"'
    )
    writer = csv.writer(response)
    writer.writerow(["measure", "category", "subcategory", "value"])
    writer.writerow(["reports", "all", "", figures.total_reports])
    for code, count in figures.by_strand:
        writer.writerow(["reports by strand", code, "", count])
    for code, count in figures.by_characteristic:
        writer.writerow(["reports by characteristic", code, "", count])
    for code, name, count in figures.by_ward:
        writer.writerow(["reports by ward", code or "unknown", _safe(name), count])
    for month, count in figures.by_month:
        writer.writerow(["reports by month", month, "", count])
    writer.writerow(["cases", "all", "", figures.cases])
    writer.writerow(["cases with a repeat victim", "all", "", figures.repeat_victim_cases])
    writer.writerow(["hours to first contact", "median", "", _number(figures.first_contact_hours_median)])
    writer.writerow(["hours to first contact", "90th percentile", "", _number(figures.first_contact_hours_p90)])
    for recipient, status, count in figures.referrals:
        writer.writerow(["referrals", recipient, status, count])
    for kind, positive, count in figures.actions_by_kind:
        writer.writerow(["actions", kind, "positive" if positive else "not positive", count])
    writer.writerow(["recorded cases", "all", "", figures.recorded_cases])
    writer.writerow(["recorded cases with positive action", "all", "", figures.cases_with_positive_action])
    writer.writerow(["positive action rate", "all", "", _number(figures.positive_action_rate, 3)])
    return response


def _number(value, places=1):
    return "" if value is None else f"{value:.{places}f}"


@public(page_cache=False)
def public_figures(request):
    return render(
        request,
        "casework/public_figures.html",
        {"figures": selectors.public_figures(), "characteristic_labels": dict(Characteristic.choices)},
    )
