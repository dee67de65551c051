"""The reporter's pages: start, one question per page, check your answers, receipt, and checking a report.

Every page works without JavaScript. Pages that hold a report's content are marked personal data
(sent ``no-store``) and kept out of the page cache.
"""

import uuid

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django_ratelimit.core import is_ratelimited

from core.access import public
from core.crypto import decrypt_text, encrypt_text
from core.views import rate_limited

from . import evidence as evidence_files
from . import forms, selectors, services, steps
from .models import Consent, Side

# Error reports (the debug page, mail to admins, error trackers) show a request's POST data: every
# page that takes the receipt or the report's content hides all of it there (sensitive_post_parameters).
WRONG_RECEIPT = _("The case reference or secret receipt is not right. Check them and try again.")
RECEIPT_SESSION_KEY = "reporting_receipt"
CHECKED_REPORT_SESSION_KEY = "reporting_checked_report"


def _limits():
    return getattr(settings, "REPORTING_RATE_LIMITS", {}) or {}


def _limited(request, group, default_rate):
    """True when this address has sent too many of these forms; staff signed in are not limited."""
    if request.user.is_authenticated:
        return False
    rate = _limits().get(group, default_rate)
    return is_ratelimited(request, group=f"reporting:{group}", key="ip", rate=rate, method="POST", increment=True)


# Start pages -----------------------------------------------------------------------------------


@public()
def start(request):
    return render(request, "reporting/start.html", {"centres": selectors.third_party_reporting_centres()})


@public()
def easy_read(request):
    return render(request, "reporting/easy_read.html", {"centres": selectors.third_party_reporting_centres()})


@public(personal_data=True, page_cache=False)
def begin(request):
    """Start a fresh report (a new idempotency key) and go to the first question."""
    draft = steps.Draft(request.session)
    if not draft.is_empty and request.GET.get("new") != "1":
        unanswered = steps.first_unanswered(draft)
        return redirect(_step_url(unanswered.slug) if unanswered else reverse("reporting:check_answers"))
    draft.clear()
    steps.Draft(request.session).persist()
    return redirect(_step_url(steps.STEPS[0].slug))


def _step_url(slug, *, change=False):
    url = reverse("reporting:step", kwargs={"slug": slug})
    return f"{url}?change=1" if change else url


# Question pages --------------------------------------------------------------------------------


@public(personal_data=True, page_cache=False)
@sensitive_post_parameters()
def step(request, slug):
    current = steps.BY_SLUG.get(slug)
    if current is None:
        raise Http404
    draft = steps.Draft(request.session)
    if not current.applies_to(draft):
        following = steps.next_step(slug, draft)
        return redirect(_step_url(following.slug) if following else reverse("reporting:check_answers"))
    missing = steps.first_unanswered(draft, before=slug)
    if missing is not None:
        return redirect(_step_url(missing.slug))
    changing = request.GET.get("change") == "1"
    if current.slug == "evidence":
        return _evidence_step(request, current, draft, changing)
    kwargs = steps.form_kwargs(current, request.user)
    if request.method == "POST":
        if _limited(request, "answers", "120/m"):
            return rate_limited(request)
        form = current.form_class(data=request.POST, **kwargs)
        if form.is_valid():
            draft.save(slug, steps.raw_answers(form))
            return _after(slug, draft, changing)
    else:
        form = current.form_class(initial=steps.initial_answers(current, draft.data(slug)), **kwargs)
    return _render_step(request, current, draft, form, changing)


def _after(slug, draft, changing):
    if changing:
        # A changed answer may open a page not yet answered (e.g. hate crime added to ASB).
        unanswered = steps.first_unanswered(draft)
        return redirect(_step_url(unanswered.slug, change=True) if unanswered else reverse("reporting:check_answers"))
    following = steps.next_step(slug, draft)
    return redirect(_step_url(following.slug) if following else reverse("reporting:check_answers"))


def _render_step(request, current, draft, form, changing, **extra):
    previous = steps.previous_step(current.slug, draft)
    if changing:
        back_url = reverse("reporting:check_answers")
    elif previous:
        back_url = _step_url(previous.slug)
    else:
        back_url = reverse("reporting:start")
    applicable = steps.applicable_steps(draft)
    context = {
        "step": current,
        "form": form,
        "back_url": back_url,
        "changing": changing,
        "question_number": [s.slug for s in applicable].index(current.slug) + 1,
        "question_count": len(applicable),
        **extra,
    }
    return render(request, [f"reporting/steps/{current.slug}.html", "reporting/steps/question.html"], context)


def _evidence_step(request, current, draft, changing):
    form = forms.EvidenceForm()
    if request.method == "POST":
        if _limited(request, "answers", "120/m"):
            return rate_limited(request)
        form = forms.EvidenceForm(data=request.POST, files=request.FILES)
        action = request.POST.get("action", "continue")
        if action.startswith("remove:"):
            services.evidence_remove_draft(evidence_id=_uuid_or_none(action[7:]), draft_key=draft.idempotency_key)
            return redirect(_step_url(current.slug, change=changing))
        if form.is_valid():
            upload = form.cleaned_data.get("file")
            if upload is not None:
                if selectors.draft_evidence(draft.idempotency_key).count() >= evidence_files.MAX_EVIDENCE_FILES:
                    form.add_error("file", _("You can upload up to 10 files"))
                else:
                    try:
                        services.evidence_store(upload=upload, draft_key=draft.idempotency_key)
                    except evidence_files.EvidenceRejected as error:
                        form.add_error("file", str(error))
            elif action == "upload":
                form.add_error("file", _("Select a file"))
            if form.is_valid():
                if action == "upload":
                    return redirect(_step_url(current.slug, change=changing))
                draft.save(current.slug, {})
                return _after(current.slug, draft, changing)
    uploaded = selectors.draft_evidence(draft.idempotency_key)
    return _render_step(request, current, draft, form, changing, uploaded=uploaded)


def _uuid_or_none(value):
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


# Check your answers and send ---------------------------------------------------------------------


@public(personal_data=True, page_cache=False)
@sensitive_post_parameters()
def check_answers(request):
    draft = steps.Draft(request.session)
    if request.method == "POST" and selectors.report_by_idempotency_key(
        _uuid_or_none(request.POST.get("idempotency_key", ""))
    ):
        # The same form sent twice (a double click, or back and send again): the report exists once.
        return redirect("reporting:confirmation")
    checked, invalid = steps.checked_forms(draft, request.user)
    if invalid is not None:
        return redirect(_step_url(invalid.slug))
    if request.method == "POST":
        if _limited(request, "submit", "10/h"):
            return rate_limited(request)
        form = forms.SubmitForm(data=request.POST)
        if form.is_valid():
            return _submit(request, draft, checked, form.cleaned_data["idempotency_key"])
    else:
        form = forms.SubmitForm(initial={"idempotency_key": draft.idempotency_key})
    sections = []
    for current, bound in checked:
        sections.append(
            {
                "step": current,
                "rows": steps.summary_rows(current, bound),
                "change_url": _step_url(current.slug, change=True),
            }
        )
    context = {
        "form": form,
        "sections": sections,
        "uploaded": selectors.draft_evidence(draft.idempotency_key),
        "back_url": _step_url(steps.STEPS[-1].slug),
    }
    return render(request, "reporting/check_answers.html", context)


def _submit(request, draft, checked, idempotency_key):
    if idempotency_key != draft.idempotency_key:
        return redirect("reporting:check_answers")
    answers, consents, channel = steps.report_answers(checked)
    staff = request.user if request.user.is_authenticated and channel != "online" else None
    submission = services.report_submit(
        answers=answers,
        idempotency_key=idempotency_key,
        consents=consents,
        submitted_by=staff,
        channel=channel,
        language=get_language() or "en",
    )
    if submission.created:
        request.session[RECEIPT_SESSION_KEY] = encrypt_text(f"{submission.report.reference} {submission.receipt}")
    draft.clear()
    return redirect("reporting:confirmation")


@public(personal_data=True, page_cache=False)
def confirmation(request):
    """The case reference and the receipt, shown until the reporter confirms they have saved them."""
    stored = request.session.get(RECEIPT_SESSION_KEY)
    if not stored:
        return render(request, "reporting/already_sent.html")
    try:
        reference, receipt = decrypt_text(stored).split(" ", 1)
    except ValueError:
        request.session.pop(RECEIPT_SESSION_KEY, None)
        return render(request, "reporting/already_sent.html")
    form = forms.ReceiptSavedForm(data=request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        # Shown once: from here on only the hash exists, and this browser forgets the receipt.
        request.session.pop(RECEIPT_SESSION_KEY, None)
        return redirect("reporting:what_happens_next")
    context = {"reference": reference, "receipt": receipt, "form": form}
    return render(request, "reporting/confirmation.html", context)


@public()
def what_happens_next(request):
    return render(request, "reporting/what_happens_next.html")


# Check your report ---------------------------------------------------------------------------------


@public(personal_data=True, page_cache=False)
@sensitive_post_parameters()
def check(request):
    """Reference and receipt in; the report opens for this browser session only."""
    locked = None
    if request.method == "POST":
        if _limited(request, "check", "10/m") or _limited(request, "check-hour", "30/h"):
            return rate_limited(request)
        form = forms.CheckSignInForm(data=request.POST)
        if form.is_valid():
            result = services.receipt_check(
                reference=form.cleaned_data["reference"],
                receipt=form.cleaned_data["receipt"],
                address=request.META.get("REMOTE_ADDR", ""),
            )
            if result.outcome == services.ReceiptCheck.OK:
                request.session.cycle_key()
                request.session[CHECKED_REPORT_SESSION_KEY] = result.report.pk
                return redirect("reporting:your_report")
            if result.outcome == services.ReceiptCheck.LOCKED:
                locked = result
            else:
                form.add_error("receipt", WRONG_RECEIPT)
    else:
        form = forms.CheckSignInForm()
    context = {"form": form, "locked": locked}
    return render(request, "reporting/check.html", context, status=423 if locked else 200)


def _checked_report(request):
    report_id = request.session.get(CHECKED_REPORT_SESSION_KEY)
    return selectors.report_for_reporter(report_id) if report_id else None


@public(personal_data=True, page_cache=False)
@sensitive_post_parameters()
def your_report(request):
    report = _checked_report(request)
    if report is None:
        return redirect("reporting:check")
    message_form = forms.MessageForm()
    if request.method == "POST":
        if _limited(request, "message", "20/h"):
            return rate_limited(request)
        message_form = forms.MessageForm(data=request.POST)
        if message_form.is_valid():
            services.message_send(report=report, author_side=Side.REPORTER, body=message_form.cleaned_data["body"])
            return redirect(reverse("reporting:your_report") + "#messages")
    services.messages_mark_read(report=report, reader_side=Side.REPORTER)
    return render(request, "reporting/your_report.html", selectors.reporter_view(report) | {"form": message_form})


@public(personal_data=True, page_cache=False)
@sensitive_post_parameters()
def add_information(request):
    report = _checked_report(request)
    if report is None:
        return redirect("reporting:check")
    form = forms.AddInformationForm()
    evidence_form = forms.EvidenceForm()
    if request.method == "POST":
        if _limited(request, "message", "20/h"):
            return rate_limited(request)
        if request.POST.get("action") == "upload":
            evidence_form = forms.EvidenceForm(data=request.POST, files=request.FILES)
            if evidence_form.is_valid():
                upload = evidence_form.cleaned_data.get("file")
                if upload is None:
                    evidence_form.add_error("file", _("Select a file"))
                elif report.evidence.count() >= evidence_files.MAX_EVIDENCE_FILES * 2:
                    evidence_form.add_error("file", _("You can upload up to 20 files"))
                else:
                    try:
                        services.evidence_store(upload=upload, report=report)
                    except evidence_files.EvidenceRejected as error:
                        evidence_form.add_error("file", str(error))
                    else:
                        return redirect("reporting:your_report")
        else:
            form = forms.AddInformationForm(data=request.POST)
            if form.is_valid():
                services.report_add_information(report=report, text=form.cleaned_data["text"])
                return redirect("reporting:your_report")
    context = {"report": report, "form": form, "evidence_form": evidence_form}
    return render(request, "reporting/add_information.html", context)


@public(personal_data=True, page_cache=False)
def withdraw_consent(request, recipient):
    report = _checked_report(request)
    if report is None:
        return redirect("reporting:check")
    if recipient not in Consent.Recipient.values:
        raise Http404
    consent = report.consents.filter(recipient=recipient).first()
    if consent is None or not consent.is_active:
        return redirect("reporting:your_report")
    form = forms.WithdrawConsentForm(data=request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.consent_withdraw(report=report, recipient=recipient)
        return redirect("reporting:your_report")
    context = {"report": report, "form": form, "recipient_label": Consent.Recipient(recipient).label}
    return render(request, "reporting/withdraw_consent.html", context)


@public(personal_data=True, page_cache=False)
@require_POST
def leave_report(request):
    """Close the report in this browser (a shared computer must not keep it open)."""
    request.session.pop(CHECKED_REPORT_SESSION_KEY, None)
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = reverse("reporting:check")
    return redirect(next_url)


@public(personal_data=True, page_cache=False)
def evidence_file(request, evidence_id):
    """The reporter's own copy of a file they gave, for the signed-in report only."""
    report = _checked_report(request)
    if report is None:
        return redirect("reporting:check")
    item = report.evidence.filter(pk=evidence_id).first()
    if item is None:
        raise Http404
    response = HttpResponse(evidence_files.read_decrypted(item.stored_name), content_type=item.content_type)
    response["Content-Disposition"] = "attachment"
    response["X-Content-Type-Options"] = "nosniff"
    return response
