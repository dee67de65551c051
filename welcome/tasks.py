"""Packs made in the background: an officer printing packs for an event, one PDF per household.

The task's arguments are kept in the task queue's table, so they carry nothing that identifies a
person: a ward, the pack's language and the household facts the pack is tailored by (no postcode).
"""

from pathlib import Path

from django.conf import settings
from django_tasks import task

from . import pdf, selectors, services
from .household import Household
from .models import PackIssue

BATCH_DIRECTORY = "welcome/batches"


def batch_folder(batch_key):
    return Path(settings.MEDIA_ROOT) / BATCH_DIRECTORY / batch_key


@task()
def packs_print_batch(*, batch_key, packs, site_url):
    """Write one PDF per pack in ``packs`` (dicts of Household fields) to the batch's folder.

    Idempotent: a pack whose file is already there is neither made nor counted again, so a retried
    task finishes the batch without duplicates. Returns the number of PDFs made by this run.
    """
    folder = batch_folder(batch_key)
    folder.mkdir(parents=True, exist_ok=True)
    made = 0
    for number, answers in enumerate(packs, start=1):
        household = Household(**answers)
        target = folder / f"{number:05d}-{household.pack_language}.pdf"
        if target.exists():
            continue
        pack = selectors.pack_build(household, language=household.pack_language, site_url=site_url)
        if pack is None:
            continue
        content = pdf.pack_pdf(pack, site_url=site_url, links=selectors.pack_links(site_url, household.pack_language))
        partial = target.with_suffix(".part")
        partial.write_bytes(content)
        partial.replace(target)  # a file either is whole or is not there
        services.pack_issue_record(
            ward_code=household.ward_code,
            language=household.pack_language,
            format=PackIssue.Format.PDF,
            by_officer=True,
        )
        made += 1
    return made
