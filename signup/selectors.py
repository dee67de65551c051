from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Sum
from django.utils import timezone

from buddies.selectors import buddy_request_counts
from directory import search as directory_search
from directory.taxonomy import term_id
from welcome.selectors import pack_issue_counts

from .models import ErasureCount, FollowUp, SignUp

# The directory categories each follow-up points the resident to.
FOLLOW_UP_CATEGORIES = {
    FollowUp.Kind.GP_REGISTRATION: "gp-registration",
    FollowUp.Kind.CONVERSATION_CLUB: "learning-english",
}


def signup_by_reference(reference):
    return SignUp.objects.filter(reference=reference).first()


def nearest_services(signup, category_code, *, limit=1):
    """The active directory services in a category (and its children) nearest the resident's postcode."""
    origin = (signup.latitude, signup.longitude) if signup.latitude is not None else None
    query = directory_search.SearchQuery(origin=origin, category_id=str(term_id(category_code)))
    return list(directory_search.services_matching(query).prefetch_related("schedules")[:limit])


def next_session_text(service):
    """When the service next meets, in words, from its current schedules ("" when it gives none)."""
    today = timezone.localdate()
    for schedule in service.schedules.all():
        if directory_search.is_current(schedule, today):
            return directory_search.schedule_text(schedule)
    return ""


def services_to_choose_from(signup, *, limit=8):
    """Services near the resident in the categories they are interested in: what "which did you join" offers."""
    categories = [*signup.interests] or ["learning-english", "community-groups"]
    seen, services = set(), []
    for code in categories:
        for service in nearest_services(signup, code, limit=3):
            if service.pk not in seen:
                seen.add(service.pk)
                services.append(service)
    return services[:limit]


def signups_with_outcomes(*, since, until):
    return (
        SignUp.objects.filter(created_at__gte=since, created_at__lt=until)
        .prefetch_related("follow_ups")
        .order_by("-created_at")
    )


@dataclass
class Row:
    code: str
    sign_ups: int = 0
    buddy_requests: int = 0
    follow_ups_sent: int = 0
    outcomes: dict = field(default_factory=dict)  # outcome -> count
    services_joined: int = 0
    name: str = ""

    @property
    def done(self):
        return self.outcomes.get("done", 0)

    @property
    def not_yet(self):
        return self.outcomes.get("not_yet", 0)

    @property
    def wants_help(self):
        return self.outcomes.get("wants_help", 0)


def _rows(signups, key, names):
    rows = {}
    for signup in signups:
        values = key(signup) or [""]
        for value in values:
            row = rows.setdefault(value, Row(value, name=str(names.get(value, value))))
            row.sign_ups += 1
            row.buddy_requests += signup.wants_buddy
            for follow_up in signup.follow_ups.all():
                if follow_up.sent_channels:
                    row.follow_ups_sent += 1
                if follow_up.outcome:
                    row.outcomes[follow_up.outcome] = row.outcomes.get(follow_up.outcome, 0) + 1
                row.services_joined += len(follow_up.services_joined)
    return sorted(rows.values(), key=lambda row: (-row.sign_ups, row.code))


@dataclass
class Figures:
    since: object
    until: object
    packs_issued: int
    sign_ups: int
    services_joined: int
    buddy_requests_from_sign_ups: int
    buddy_requests_by_source: dict
    follow_ups_sent: int
    outcomes: dict
    erased: int
    by_ward: list
    by_language: list


def figures(*, since, until, ward_names=None, language_names=None):
    """The strategy's figures for sign-ups made from ``since`` (inclusive) to ``until`` (exclusive)."""
    signups = list(signups_with_outcomes(since=since, until=until))
    outcome_counts = Counter(f.outcome for s in signups for f in s.follow_ups.all() if f.outcome)
    # Packs have a start date only; a period that ends in the past subtracts the packs issued since.
    packs = sum(pack_issue_counts(field="format", since=since).values()) - sum(
        pack_issue_counts(field="format", since=until).values()
    )
    erased = ErasureCount.objects.filter(month__gte=since.date().replace(day=1), month__lt=until.date()).aggregate(
        total=Sum("count")
    )["total"]
    return Figures(
        since=since,
        until=until,
        packs_issued=packs,
        sign_ups=len(signups),
        services_joined=sum(len(f.services_joined) for s in signups for f in s.follow_ups.all()),
        buddy_requests_from_sign_ups=sum(s.wants_buddy for s in signups),
        buddy_requests_by_source=buddy_request_counts(field="source"),
        follow_ups_sent=sum(bool(f.sent_channels) for s in signups for f in s.follow_ups.all()),
        outcomes=outcome_counts,
        erased=erased or 0,
        by_ward=_rows(signups, lambda signup: [signup.ward_code], ward_names or {}),
        by_language=_rows(signups, lambda signup: signup.languages, language_names or {}),
    )


def outcome_status(signup):
    """A sign-up's follow-ups in brief for the officers' list: (kind label, state, outcome label).

    ``state`` is "waiting" (not due or not sent yet), "unsent" (its time came but no consent was left
    for it) or "sent".
    """
    return [
        (
            follow_up.get_kind_display(),
            "waiting" if follow_up.sent_at is None else "sent" if follow_up.sent_channels else "unsent",
            follow_up.get_outcome_display(),
        )
        for follow_up in signup.follow_ups.all()
    ]
