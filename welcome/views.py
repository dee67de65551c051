"""The Welcome Pack: a resident's questions (answers kept in their session), the pack in four forms,
short links to directory entries, and the editors' pages for the pack's text."""

import re
import uuid

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.access import permission_required, public
from directory import search as directory_search
from places import selectors as places_selectors

from . import forms, pdf, selectors, services
from .household import ENGLISH_LEVEL_NAMES, NEED_NAMES, Household
from .models import PackIssue, ShortLink

EDIT_CONTENT = "welcome.edit_content"
# Short codes are base32 (a–z, 2–7), typed in either case; 12 is the column's length.
SHORT_CODE = re.compile(r"[a-zA-Z2-7]{1,12}")
QUESTIONS = ["welcome:where", "welcome:household", "welcome:languages", "welcome:needs", "welcome:pack_language"]


def _generation():
    choice = places_selectors.generation_in_force()
    return choice.generation if choice else None


def _ward_choices(generation):
    names = directory_search.ward_names(generation) if generation else {}
    return sorted(names.items(), key=lambda item: item[1])


def _next_step(request, current):
    """The next question, or back to the check page when the resident came from there to change an answer."""
    household = Household.from_session(request.session)
    if request.GET.get("return") == "check" and household.first_missing_step() is None:
        return redirect("welcome:check")
    following = QUESTIONS[QUESTIONS.index(current) + 1 :]
    return redirect(following[0] if following else "welcome:check")


def _back_link(current):
    index = QUESTIONS.index(current)
    return reverse(QUESTIONS[index - 1]) if index else reverse("welcome:start")


def _question(request, *, url_name, form_class, template, initial, store, form_kwargs=None):
    household = Household.from_session(request.session)
    form_kwargs = form_kwargs or {}
    if request.method == "POST":
        form = form_class(request.POST, **form_kwargs)
        if form.is_valid():
            store(household, form)
            household.pack_id = ""  # changed answers make a new pack
            household.issued_formats = []
            household.save(request.session)
            return _next_step(request, url_name)
    else:
        form = form_class(initial=initial(household), **form_kwargs)
    return render(
        request,
        template,
        {"form": form, "back_link": _back_link(url_name), "returning": request.GET.get("return") == "check"},
    )


@public()
def start(request):
    return render(
        request,
        "welcome/start.html",
        {
            "for_resident": request.user.has_perm("welcome.build_for_resident"),
            "can_edit": request.user.has_perm(EDIT_CONTENT),
        },
    )


@public(personal_data=True, page_cache=False)
@require_http_methods(["GET", "POST"])
def where(request):
    generation = _generation()

    def store(household, form):
        household.postcode = form.cleaned_data["postcode"]
        household.ward_code = form.ward_code()

    return _question(
        request,
        url_name="welcome:where",
        form_class=forms.WhereForm,
        template="welcome/where.html",
        initial=lambda household: {
            "postcode": household.postcode,
            "ward": "" if household.postcode else household.ward_code,
        },
        store=store,
        form_kwargs={"wards": _ward_choices(generation), "generation": generation},
    )


@public(personal_data=True, page_cache=False)
@require_http_methods(["GET", "POST"])
def household(request):
    def initial(household):
        if household.has_children is None:
            return {}
        return {
            "has_children": "yes" if household.has_children else "no",
            "child_ages": ", ".join(str(age) for age in household.child_ages),
        }

    def store(household, form):
        household.has_children = form.cleaned_data["has_children"]
        household.child_ages = form.cleaned_data["child_ages"]

    return _question(
        request,
        url_name="welcome:household",
        form_class=forms.HouseholdForm,
        template="welcome/household.html",
        initial=initial,
        store=store,
    )


@public(personal_data=True, page_cache=False)
@require_http_methods(["GET", "POST"])
def languages(request):
    def store(household, form):
        household.languages = form.cleaned_data["languages"]
        household.english_level = form.cleaned_data["english_level"]

    return _question(
        request,
        url_name="welcome:languages",
        form_class=forms.LanguagesForm,
        template="welcome/languages.html",
        initial=lambda household: {"languages": household.languages, "english_level": household.english_level},
        store=store,
    )


@public(personal_data=True, page_cache=False)
@require_http_methods(["GET", "POST"])
def needs(request):
    def store(household, form):
        household.needs = form.cleaned_data["needs"]

    return _question(
        request,
        url_name="welcome:needs",
        form_class=forms.NeedsForm,
        template="welcome/needs.html",
        initial=lambda household: {"needs": household.needs},
        store=store,
    )


@public(personal_data=True, page_cache=False)
@require_http_methods(["GET", "POST"])
def pack_language(request):
    def store(household, form):
        household.pack_language = form.cleaned_data["pack_language"]

    return _question(
        request,
        url_name="welcome:pack_language",
        form_class=forms.PackLanguageForm,
        template="welcome/pack_language.html",
        initial=lambda household: {"pack_language": household.pack_language or translation.get_language()},
        store=store,
    )


def _answer_rows(household):
    generation = _generation()
    ward_name = directory_search.ward_names(generation).get(household.ward_code, "") if generation else ""
    where = household.postcode or ward_name
    children = (
        _("Yes, aged %(ages)s") % {"ages": ", ".join(str(age) for age in household.child_ages)}
        if household.has_children
        else _("No")
    )
    spoken = ", ".join(str(directory_search.LANGUAGE_NAMES.get(code, code)) for code in household.languages)
    needs = ", ".join(str(NEED_NAMES.get(need, need)) for need in household.needs) or _("None")
    pack_language = dict(settings.LANGUAGES).get(household.pack_language, "")
    return [
        (_("Where you live"), where, "welcome:where"),
        (_("Children"), children, "welcome:household"),
        (_("Languages spoken at home"), spoken, "welcome:languages"),
        (_("English"), str(ENGLISH_LEVEL_NAMES.get(household.english_level, "")), "welcome:languages"),
        (_("Access needs"), needs, "welcome:needs"),
        (_("Language of the pack"), pack_language, "welcome:pack_language"),
    ]


@public(personal_data=True, page_cache=False)
@require_http_methods(["GET", "POST"])
def check(request):
    household = Household.from_session(request.session)
    missing = household.first_missing_step()
    if missing:
        return redirect(missing)
    if request.method == "POST":
        form = forms.ConfirmForm(request.POST)
        if form.is_valid():
            pack_id = str(form.cleaned_data["pack_id"])
            if household.pack_id != pack_id:  # a second press of the button keeps the same pack
                household.pack_id = pack_id
                household.issued_formats = []
            household.by_officer = request.user.has_perm("welcome.build_for_resident")
            household.save(request.session)
            with translation.override(household.pack_language):
                return redirect(reverse("welcome:pack"))
    else:
        form = forms.ConfirmForm(initial={"pack_id": household.pack_id or uuid.uuid4()})
    return render(request, "welcome/check.html", {"form": form, "rows": _answer_rows(household)})


def _site_url(request):
    return request.build_absolute_uri("/").rstrip("/")


def _confirmed_household(request):
    household = Household.from_session(request.session)
    if household.first_missing_step() or not household.pack_id:
        return None
    return household


def _pack_page(request, *, template, format):
    household = _confirmed_household(request)
    if household is None:
        return redirect("welcome:start")
    language = translation.get_language()
    site_url = _site_url(request)
    pack = selectors.pack_build(household, language=language, site_url=site_url)
    if pack is None:
        raise Http404
    services.pack_issue_record_once(household=household, session=request.session, language=language, format=format)
    return render(
        request,
        template,
        {"pack": pack, "links": selectors.pack_links("", language), "format": format},
    )


@public(personal_data=True, page_cache=False)
def pack(request):
    return _pack_page(request, template="welcome/pack.html", format=PackIssue.Format.WEB)


@public(personal_data=True, page_cache=False)
def pack_print(request):
    return _pack_page(request, template="welcome/pack_print.html", format=PackIssue.Format.PRINT)


@public(personal_data=True, page_cache=False)
def pack_easy_read(request):
    return _pack_page(request, template="welcome/pack_easy_read.html", format=PackIssue.Format.EASY_READ)


@public(personal_data=True, page_cache=False)
def pack_pdf(request):
    household = _confirmed_household(request)
    if household is None:
        return redirect("welcome:start")
    language = translation.get_language()
    site_url = _site_url(request)
    pack = selectors.pack_build(household, language=language, site_url=site_url)
    if pack is None:
        raise Http404
    content = pdf.pack_pdf(pack, site_url=site_url, links=selectors.pack_links(site_url, language))
    services.pack_issue_record_once(
        household=household, session=request.session, language=language, format=PackIssue.Format.PDF
    )
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="welcome-pack-{language}.pdf"'
    return response


@public(page_cache=False)
def short_link(request, code):
    if not SHORT_CODE.fullmatch(code):
        raise Http404  # not a code we print: no need to ask the database (nor pass it odd characters)
    link = ShortLink.objects.filter(code=code.lower()).only("service_id").first()
    if link is None:
        raise Http404
    return redirect("directory:service_detail", service_id=link.service_id)


# Editors ------------------------------------------------------------------------------------------------


def _section_or_404(key):
    section = selectors.section_get(key)
    if section is None:
        raise Http404
    return section


def _language_or_404(language):
    if language not in dict(settings.LANGUAGES):
        raise Http404
    return language


@permission_required(EDIT_CONTENT)
def section_list(request):
    return render(
        request,
        "welcome/staff/section_list.html",
        {"rows": selectors.section_statuses(settings.LANGUAGES), "languages": settings.LANGUAGES},
    )


@permission_required(EDIT_CONTENT)
@require_http_methods(["GET", "POST"])
def section_edit(request, key, language):
    section = _section_or_404(key)
    language = _language_or_404(language)
    translated = section.has_translation(language)
    if translated:
        section.set_current_language(language)
    version = selectors.section_version(section, language) if translated else ""
    if request.method == "POST":
        form = forms.SectionTranslationForm(request.POST, current_version=version)
        if form.is_valid():
            text = {name: form.cleaned_data[name] for name in ("title", "body", "easy_read_body")}
            services.section_translation_save(section=section, language=language, **text)
            messages.success(request, _("Saved. The text now waits for a reviewer to approve it."))
            return redirect("welcome:section_list")
    else:
        initial = {"based_on": version}
        if translated:
            initial.update(title=section.title, body=section.body, easy_read_body=section.easy_read_body)
        form = forms.SectionTranslationForm(initial=initial, current_version=version)
    english = section.get_translation("en") if section.has_translation("en") else None
    return render(
        request,
        "welcome/staff/section_edit.html",
        {
            "section": section,
            "language": language,
            "language_name": dict(settings.LANGUAGES)[language],
            "form": form,
            "english": english,
            "status": section.review_status if translated else "",
            "rtl": language in settings.LANGUAGES_BIDI,
        },
    )


@permission_required(EDIT_CONTENT)
@require_http_methods(["GET", "POST"])
def section_approve(request, key, language):
    section = _section_or_404(key)
    language = _language_or_404(language)
    if not section.has_translation(language):
        raise Http404
    section.set_current_language(language)
    if request.method == "POST":
        services.section_translation_approve(section=section, language=language, reviewer=request.user)
        messages.success(request, _("Approved. Readers no longer see the 'not yet checked' notice for this text."))
        return redirect("welcome:section_list")
    return render(
        request,
        "welcome/staff/section_approve.html",
        {
            "section": section,
            "language": language,
            "language_name": dict(settings.LANGUAGES)[language],
            "text": selectors.SectionText(
                key=section.key,
                part=section.part,
                title=section.title,
                body=section.body,
                easy_read_body=section.easy_read_body,
                language=language,
                review_status=section.review_status,
            ),
            "rtl": language in settings.LANGUAGES_BIDI,
        },
    )
