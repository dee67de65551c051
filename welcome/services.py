import base64
import hashlib

from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import PackIssue, PackSection, ReviewStatus, ShortLink

SHORT_CODE_LENGTH = 7


def pack_issue_record(*, ward_code, language, format, by_officer=False, is_demo=False):
    return PackIssue.objects.create(
        ward_code=ward_code, language=language, format=format, by_officer=by_officer, is_demo=is_demo
    )


def pack_issue_record_once(*, household, session, language, format):
    """Count a pack's format once per confirmed pack, however often the resident opens or reloads it."""
    marker = f"{format}:{language}"
    if marker in household.issued_formats:
        return None
    issue = pack_issue_record(
        ward_code=household.ward_code, language=language, format=format, by_officer=household.by_officer
    )
    household.issued_formats.append(marker)
    household.save(session)
    return issue


def _short_code(service_id, length):
    digest = hashlib.sha256(f"welcome-short-link:{service_id}".encode()).digest()
    return base64.b32encode(digest).decode("ascii").lower()[:length]


def short_links_ensure(*, service_ids):
    """{service id: code} for every service, making the missing ones.

    Codes are derived from the service's id, so a service keeps its code, and the same code comes
    back if the link is ever made again; a clash with another service's code takes one more letter.
    """
    service_ids = list(dict.fromkeys(service_ids))
    codes = dict(ShortLink.objects.filter(service_id__in=service_ids).values_list("service_id", "code"))
    for service_id in service_ids:
        if service_id in codes:
            continue
        for length in range(SHORT_CODE_LENGTH, 13):
            code = _short_code(service_id, length)
            try:
                with transaction.atomic():
                    link, _made = ShortLink.objects.get_or_create(service_id=service_id, defaults={"code": code})
            except IntegrityError:
                continue  # the code belongs to another service: try a longer one
            codes[service_id] = link.code
            break
    return codes


@transaction.atomic
def section_translation_save(*, section, language, title, body, easy_read_body):
    """A person's edit: the text now waits for a reviewer."""
    section.set_current_language(language)
    section.title = title
    section.body = body
    section.easy_read_body = easy_read_body
    section.review_status = ReviewStatus.AWAITING_REVIEW
    section.save()
    return section


@transaction.atomic
def section_translation_approve(*, section, language, reviewer, today=None):
    section.set_current_language(language)
    section.review_status = ReviewStatus.APPROVED
    section.last_reviewed_on = today or timezone.localdate()
    section.reviewed_by = reviewer
    section.save()
    return section


@transaction.atomic
def pack_content_load(*, sections, translations):
    """Make the sections and translations that are missing; never change one that exists.

    ``sections``: [(key, order, part)]; ``translations``: {language: {key: (title, body, easy_read,
    status)}}. Returns (sections made, translations made).
    """
    made_sections = made_translations = 0
    for key, order, part in sections:
        section = PackSection.objects.filter(key=key).first()
        if section is None:
            section = PackSection(key=key, order=order, part=part)
            made_sections += 1
        existing = set(section.get_available_languages()) if section.pk else set()
        for language, texts in translations.items():
            if key not in texts or language in existing:
                continue
            title, body, easy_read, status = texts[key]
            section.set_current_language(language)
            section.title = title
            section.body = body
            section.easy_read_body = easy_read
            section.review_status = status
            made_translations += 1
        section.save()
    return made_sections, made_translations
