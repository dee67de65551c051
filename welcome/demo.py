"""Synthetic history of Welcome Packs issued over the last six months, for the demo's figures.

``load(rng)`` makes what is missing of ``DEMO_PACKS`` records (all ``is_demo``): packs across every
ward in force, in every language and format, more of them each month as the scheme grows. The
records are drawn from ``rng`` in a fixed order, so a second run makes none.
"""

import datetime

from django.utils import timezone

from places import selectors as places_selectors

from .models import PackIssue

DEMO_PACKS = 600
DAYS_BACK = 182
LANGUAGE_WEIGHTS = {"en": 28, "pl": 16, "ur": 15, "pa": 12, "ro": 11, "ar": 10, "bn": 8}
FORMAT_WEIGHTS = {
    PackIssue.Format.WEB: 50,
    PackIssue.Format.PDF: 25,
    PackIssue.Format.PRINT: 15,
    PackIssue.Format.EASY_READ: 10,
}


def _draws(rng, wards, now):
    for _number in range(DEMO_PACKS):
        # More packs in recent months: the age in days is skewed towards today.
        days_ago = DAYS_BACK * (1 - rng.random() ** 0.6)
        yield (
            PackIssue(
                ward_code=rng.choice(wards),
                language=rng.choices(list(LANGUAGE_WEIGHTS), weights=list(LANGUAGE_WEIGHTS.values()))[0],
                format=rng.choices(list(FORMAT_WEIGHTS), weights=list(FORMAT_WEIGHTS.values()))[0],
                by_officer=rng.random() < 0.3,
                is_demo=True,
            ),
            now - datetime.timedelta(days=days_ago, minutes=rng.randrange(24 * 60)),
        )


def load(rng):
    existing = PackIssue.objects.filter(is_demo=True).count()
    choice = places_selectors.generation_in_force()
    if existing >= DEMO_PACKS or choice is None:
        return ""
    wards = sorted(choice.generation.wards.values_list("gss_code", flat=True))
    # Today at midnight, so a second run on another day draws the same records.
    today = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    missing = list(_draws(rng, wards, today))[existing:]
    issues = PackIssue.objects.bulk_create([issue for issue, _when in missing])
    for issue, (_issue, when) in zip(issues, missing, strict=True):
        issue.issued_at = when  # issued_at is stamped on creation; set the history's own dates after
    PackIssue.objects.bulk_update(issues, ["issued_at"])
    return f"{len(issues)} Welcome Packs issued (synthetic history over {DAYS_BACK} days)"
