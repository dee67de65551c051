"""The pilot report: requests, waiting times, matches, meetings, outcomes and survey results, by group."""

from collections import defaultdict
from dataclasses import dataclass, field

import numpy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import BuddyRequest, Match, Meeting, SurveyResponse
from .selectors import waiting_days

DIMENSIONS = [
    ("all", _("All requests")),
    ("organisation", _("By volunteer's organisation")),
    ("venue", _("By Place of Welcome")),
    ("ward", _("By ward")),
    ("language", _("By language")),
]
OUTCOMES = [choice for choice, _label in Meeting.Outcome.choices]
CSV_HEADER = [
    "dimension",
    "group",
    "requests",
    "waiting_days_median",
    "waiting_days_p90",
    "matches",
    "meetings",
    *[f"outcome_{outcome}" for outcome in OUTCOMES],
    "survey_responses",
    "survey_mean_rating",
    "survey_feel_more_connected",
]


@dataclass
class Group:
    label: str
    waits: list = field(default_factory=list)
    matches: set = field(default_factory=set)

    def figures(self, meetings_by_match, surveys_by_match):
        meetings = [meeting for match_id in self.matches for meeting in meetings_by_match.get(match_id, ())]
        surveys = [survey for match_id in self.matches for survey in surveys_by_match.get(match_id, ())]
        ratings = [survey.rating for survey in surveys]
        return {
            "group": self.label,
            "requests": len(self.waits),
            "waiting_days_median": round(float(numpy.median(self.waits)), 1) if self.waits else None,
            "waiting_days_p90": round(float(numpy.percentile(self.waits, 90)), 1) if self.waits else None,
            "matches": len(self.matches),
            "meetings": len(meetings),
            "outcomes": {
                outcome: sum(1 for meeting in meetings if outcome in meeting.outcomes) for outcome in OUTCOMES
            },
            "outcome_rows": [
                (outcome, sum(1 for meeting in meetings if outcome in meeting.outcomes)) for outcome in OUTCOMES
            ],
            "survey_responses": len(surveys),
            "survey_mean_rating": round(sum(ratings) / len(ratings), 1) if ratings else None,
            "survey_feel_more_connected": sum(1 for survey in surveys if survey.feels_more_connected),
        }


def pilot_report(*, ward_names=None, language_names=None):
    """{dimension: [figures per group]}; a request counts in every group it belongs to (e.g. each language)."""
    ward_names = ward_names or {}
    language_names = language_names or {}
    now = timezone.now()
    matches_by_request = defaultdict(list)
    for match in Match.objects.filter(status__in=[Match.Status.ACCEPTED, Match.Status.ENDED]).select_related(
        "volunteer__organisation", "place_of_welcome__location"
    ):
        matches_by_request[match.request_id].append(match)
    meetings_by_match = defaultdict(list)
    for meeting in Meeting.objects.only("match_id", "outcomes"):
        meetings_by_match[meeting.match_id].append(meeting)
    surveys_by_match = defaultdict(list)
    for survey in SurveyResponse.objects.only("match_id", "rating", "feels_more_connected"):
        surveys_by_match[survey.match_id].append(survey)

    not_matched = str(_("Not matched yet"))
    groups = {dimension: {} for dimension, _label in DIMENSIONS}

    def add(dimension, key, label, wait, matches):
        group = groups[dimension].setdefault(key, Group(label=label))
        group.waits.append(wait)
        group.matches.update(match.pk for match in matches)

    requests = BuddyRequest.objects.exclude(status=BuddyRequest.Status.WITHDRAWN).only(
        "pk", "created_at", "matched_at", "ward_code", "languages"
    )
    for request in requests:
        wait = waiting_days(request, now)
        matches = matches_by_request.get(request.pk, [])
        add("all", "all", str(_("All requests")), wait, matches)
        for match in matches or [None]:
            organisation = match.volunteer.organisation if match else None
            add(
                "organisation",
                organisation.pk if organisation else "",
                organisation.name if organisation else not_matched,
                wait,
                [match] if match else [],
            )
            place = match.place_of_welcome if match else None
            if place is not None:
                venue_key, venue_label = place.pk, place.location.name
            elif match is not None:
                venue_key, venue_label = "none", str(_("No Place of Welcome"))
            else:
                venue_key, venue_label = "", not_matched
            add("venue", venue_key, venue_label, wait, [match] if match else [])
        add(
            "ward",
            request.ward_code,
            ward_names.get(request.ward_code, request.ward_code or str(_("Unknown"))),
            wait,
            matches,
        )
        for language in request.languages or [""]:
            add("language", language, str(language_names.get(language, language or _("Unknown"))), wait, matches)

    return {
        dimension: sorted(
            (group.figures(meetings_by_match, surveys_by_match) for group in groups[dimension].values()),
            key=lambda row: (-row["requests"], row["group"]),
        )
        for dimension, _label in DIMENSIONS
    }


def csv_rows(report):
    for dimension, _label in DIMENSIONS:
        for row in report[dimension]:
            yield [
                dimension,
                row["group"],
                row["requests"],
                "" if row["waiting_days_median"] is None else row["waiting_days_median"],
                "" if row["waiting_days_p90"] is None else row["waiting_days_p90"],
                row["matches"],
                row["meetings"],
                *[row["outcomes"][outcome] for outcome in OUTCOMES],
                row["survey_responses"],
                "" if row["survey_mean_rating"] is None else row["survey_mean_rating"],
                row["survey_feel_more_connected"],
            ]
