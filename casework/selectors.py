"""Reads for casework: the queue, possible duplicates, what partners may see, and the statistics."""

import datetime
import statistics as stats
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q
from django.utils import timezone

from places.disclosure import Line, hidden_cells
from reporting.models import Evidence, Report, ReportUpdate

from . import policy
from .models import Action, Case, CaseReport, Referral, RiskLevel
from .rules import CASE_ROLES, REFERRAL_ROLES, referral_visible_to, strands_for

# "Positive action": what counts as action against the people responsible, for the rate.
# Police outcomes that bring the offender to justice (Home Office "sanction" and out-of-court
# outcomes): charge/summons, cautions, taken into consideration, penalty notice, cannabis/khat
# warning, community resolution, diversionary activity.
POSITIVE_POLICE_OUTCOMES = frozenset({1, 2, 3, 4, 6, 7, 8, 22})
# Council and partner actions with a consequence for the perpetrator. Words of advice and "no
# further action" do not count; neither do police outcomes 5 and 9 to 21 (no action was taken).
POSITIVE_ACTION_KINDS = frozenset(
    {
        Action.Kind.WARNING_LETTER,
        Action.Kind.ACCEPTABLE_BEHAVIOUR_CONTRACT,
        Action.Kind.COMMUNITY_PROTECTION_WARNING,
        Action.Kind.COMMUNITY_PROTECTION_NOTICE,
        Action.Kind.CIVIL_INJUNCTION,
        Action.Kind.CLOSURE_ORDER,
        Action.Kind.TENANCY_ENFORCEMENT,
        Action.Kind.RESTORATIVE_JUSTICE,
        Action.Kind.PROSECUTION,
    }
)
POSITIVE_ACTION_Q = Q(kind__in=POSITIVE_ACTION_KINDS) | Q(
    kind=Action.Kind.POLICE_OUTCOME, police_outcome__in=POSITIVE_POLICE_OUTCOMES
)

# Possible duplicates are looked for among reports made this close in time to each other.
DUPLICATE_WINDOW_DAYS = 14
DUPLICATE_CANDIDATES = 500
QUEUE_LIMIT = 200
# Rows shown on one page of the queue; possible duplicates are looked for only for the page shown.
QUEUE_PAGE_SIZE = 50
DUPLICATE_FIELDS = ("submitted_at", "incident_date", "contact_email", "contact_phone", "postcode", "address_text")
# The queue itself needs no encrypted field: nothing is decrypted until duplicates are looked for.
QUEUE_REPORT_FIELDS = ("reference", "strands", "characteristics", "ward_code", "safe_now", "submitted_at")


def is_positive(action):
    if action.kind == Action.Kind.POLICE_OUTCOME:
        return action.police_outcome in POSITIVE_POLICE_OUTCOMES
    return action.kind in POSITIVE_ACTION_KINDS


def ward_names():
    from places import selectors as places

    choice = places.generation_in_force()
    if choice is None:
        return {}
    return dict(choice.generation.wards.values_list("gss_code", "name"))


def cases_for(user):
    if not user.has_role(*CASE_ROLES) or not user.organisation_id:
        return Case.objects.none()
    return Case.objects.filter(team_id=user.organisation_id)


def new_reports_for(user):
    """Reports of the user's strands that nobody has made a case of yet."""
    strands = strands_for(user)
    if not strands:
        return Report.objects.none()
    # Strands are a JSON list (no portable SQL lookup): pick the ids from plain columns, then load those.
    unlinked = Report.objects.filter(case_link__isnull=True).order_by("submitted_at", "pk")
    ids = []
    for pk, report_strands in unlinked.values_list("pk", "strands").iterator(chunk_size=2000):
        if strands & set(report_strands or []):
            ids.append(pk)
            if len(ids) == QUEUE_LIMIT:
                break
    return list(Report.objects.filter(pk__in=ids).only(*QUEUE_REPORT_FIELDS).order_by("submitted_at", "pk"))


@dataclass
class QueueRow:
    reference: str
    stage: str
    stage_label: str
    submitted_at: datetime.datetime
    strands: list
    characteristics: list
    ward_code: str
    ward_name: str
    risk: str
    due: datetime.date | None
    overdue: bool
    reports: list = field(default_factory=list)
    duplicates: list = field(default_factory=list)
    repeat: bool = False
    classification: str = ""

    @property
    def url(self):
        # Worked out for the rows shown only: reversing a URL for every row of a long queue is slow.
        from django.urls import reverse

        name = "casework:report_triage" if self.stage == "new" else "casework:case_detail"
        return reverse(name, kwargs={"reference": self.reference})


QUEUE_STAGES = ("new", "awaiting_triage", "open", "closed", "overdue")


def queue(user, *, stage="", risk="", ward="", strand="", today=None):
    """The user's whole queue (up to QUEUE_LIMIT of each kind), every row flagged for possible duplicates."""
    rows = _queue_rows(user, stage=stage, risk=risk, ward=ward, strand=strand, today=today)
    _flag_duplicates(rows)
    return rows


@dataclass
class QueuePage:
    rows: list
    total: int
    number: int
    count: int


def queue_page(user, *, page=1, per_page=QUEUE_PAGE_SIZE, **filters):
    """One page of the queue, in the queue's order; only its rows are checked for possible duplicates."""
    rows = _queue_rows(user, **filters)
    count = max(1, -(-len(rows) // per_page))
    number = min(max(1, page), count)
    shown = rows[(number - 1) * per_page : number * per_page]
    _flag_duplicates(shown)
    return QueuePage(rows=shown, total=len(rows), number=number, count=count)


def _flag_duplicates(rows):
    ids = [report.pk for row in rows for report in row.reports]
    # The queue's reports carry no decrypted fields; load the ones duplicates are compared on.
    reports = list(Report.objects.filter(pk__in=ids).only("reference", *DUPLICATE_FIELDS))
    flags = possible_duplicates(reports)
    for row in rows:
        row.duplicates = sorted({other.reference for report in row.reports for other, _why in flags.get(report.pk, [])})


def _queue_rows(user, *, stage="", risk="", ward="", strand="", today=None):
    """The user's queue: new reports of their strands, then their team's cases, filtered and sorted."""
    from .models import Case as CaseModel

    today = today or timezone.localdate()
    names = ward_names()
    rows = []
    if stage in ("", "new", "overdue") and not risk:
        for report in new_reports_for(user):
            due = policy.acknowledge_by(report)
            rows.append(
                QueueRow(
                    reference=report.reference,
                    stage="new",
                    stage_label="new",
                    submitted_at=report.submitted_at,
                    strands=list(report.strands or []),
                    characteristics=list(report.characteristics or []),
                    ward_code=report.ward_code,
                    ward_name=names.get(report.ward_code, ""),
                    risk="",
                    due=due,
                    overdue=due < today,
                    reports=[report],
                )
            )
    if stage != "new":
        lean_reports = CaseReport.objects.select_related("report").only(
            "case_id", "report_id", *(f"report__{name}" for name in QUEUE_REPORT_FIELDS)
        )
        cases = cases_for(user).prefetch_related(Prefetch("case_reports", queryset=lean_reports), "earlier_cases")
        if stage in ("awaiting_triage", "open", "closed"):
            cases = cases.filter(status=stage)
        elif stage != "closed":
            cases = cases.exclude(status=CaseModel.Status.CLOSED)
        if risk in RiskLevel.values:
            cases = cases.filter(risk_level=risk)
        for case in cases[:QUEUE_LIMIT]:
            reports = [link.report for link in case.case_reports.all()]
            first = reports[0] if reports else None
            overdue = case.is_overdue or (
                case.status != CaseModel.Status.CLOSED
                and (case.last_update_at or case.opened_at)
                < timezone.now() - datetime.timedelta(days=policy.setting("UPDATE_INTERVAL_DAYS"))
            )
            rows.append(
                QueueRow(
                    reference=case.reference,
                    stage=case.status,
                    stage_label=case.status,
                    submitted_at=first.submitted_at if first else case.opened_at,
                    strands=sorted({s for report in reports for s in (report.strands or [])}),
                    characteristics=sorted({c for report in reports for c in (report.characteristics or [])}),
                    ward_code=first.ward_code if first else "",
                    ward_name=names.get(first.ward_code, "") if first else "",
                    risk=case.risk_level,
                    due=case.acknowledge_by,
                    overdue=overdue,
                    reports=reports,
                    repeat=bool(case.earlier_cases.all()),
                    classification=case.classification,
                )
            )
    if ward:
        rows = [row for row in rows if row.ward_code == ward]
    if strand:
        rows = [row for row in rows if strand in row.strands or strand in row.characteristics]
    if stage == "overdue":
        rows = [row for row in rows if row.overdue]
    rows.sort(key=lambda row: (row.risk != RiskLevel.HIGH, not row.overdue, row.due or today, row.reference))
    return rows


def _normal(text):
    return "".join(ch for ch in (text or "").lower() if ch.isalnum())


def _keys(report):
    """The values two reports of the same victim, place and time would share, normalised once."""
    contacts = {("contact", value) for value in (_normal(report.contact_email), _normal(report.contact_phone)) if value}
    places = {("place", value) for value in (_normal(report.postcode), _normal(report.address_text)) if value}
    return contacts, places


def possible_duplicates(reports):
    """For each report, other reports that may tell the same events: {report id: [(other, reason)]}.

    Same victim: the same contact email or phone. Same place and time: the same postcode or
    address, with incident dates at most a day apart. Contact details and places are encrypted,
    so they are decrypted and compared in Python, over a bounded set of candidates: at most
    DUPLICATE_CANDIDATES reports made within DUPLICATE_WINDOW_DAYS of the reports asked about.
    Reports already in the same case are not flagged.
    """
    if not reports:
        return {}
    window = datetime.timedelta(days=DUPLICATE_WINDOW_DAYS)
    start = min(report.submitted_at for report in reports) - window
    end = max(report.submitted_at for report in reports) + window
    candidates = list(
        Report.objects.filter(submitted_at__range=(start, end))
        .only("reference", *DUPLICATE_FIELDS)
        .order_by("-submitted_at")[:DUPLICATE_CANDIDATES]
    )
    case_of = dict(CaseReport.objects.filter(report__in=[*candidates, *reports]).values_list("report_id", "case_id"))
    index = defaultdict(list)
    for other in candidates:
        contacts, places = _keys(other)
        for key in contacts | places:
            index[key].append(other)
    found = defaultdict(list)
    for report in reports:
        contacts, places = _keys(report)
        seen = set()
        for key in [*contacts, *places]:
            for other in index.get(key, ()):
                if other.pk == report.pk or other.pk in seen or abs(other.submitted_at - report.submitted_at) > window:
                    continue
                own_case = case_of.get(report.pk)
                if own_case is not None and own_case == case_of.get(other.pk):
                    continue
                if key[0] == "contact":
                    reason = "same_contact"
                elif (
                    report.incident_date is not None
                    and other.incident_date is not None
                    and abs((report.incident_date - other.incident_date).days) <= 1
                ):
                    reason = "same_place_and_time"
                else:
                    continue
                seen.add(other.pk)
                found[report.pk].append((other, reason))
    return dict(found)


def referrals_for_partner(user):
    """Referrals made to the user's role (and organisation) that they may see, newest first."""
    recipients = [recipient for recipient, roles in REFERRAL_ROLES.items() if user.has_role(*roles)]
    if not recipients:
        return []
    candidates = (
        Referral.objects.filter(recipient__in=recipients)
        .filter(Q(organisation__isnull=True) | Q(organisation_id=user.organisation_id))
        .select_related("case", "consent", "organisation")
    )
    return [referral for referral in candidates if referral_visible_to(user, referral)]


def submitted_by_organisation(user):
    if not user.organisation_id:
        return Report.objects.none()
    return Report.objects.filter(submitted_by_organisation_id=user.organisation_id).only(
        "reference", "submitted_at", "status", "handler_role"
    )


# Statistics ----------------------------------------------------------------------------------------


@dataclass
class Statistics:
    total_reports: int
    by_strand: list  # (code, count): hate / asb; a report in both counts under both
    by_characteristic: list  # (code, count): one report may count under several
    by_ward: list  # (code, name, count)
    by_month: list  # ("YYYY-MM", count)
    cases: int
    repeat_victim_cases: int
    first_contact_hours_median: float | None
    first_contact_hours_p90: float | None
    first_contact_measured: int
    referrals: list  # (recipient, status, count)
    cases_with_positive_action: int
    recorded_cases: int
    positive_action_rate: float | None
    actions_by_kind: list  # (kind, positive, count)


def _percentile(values, share):
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(share * (len(ordered) - 1))))
    return ordered[index]


def case_statistics(*, since=None):
    """Figures for officers over every report and case (since ``since``, a date, if given)."""
    reports = Report.objects.all()
    cases = Case.objects.all()
    if since is not None:
        reports = reports.filter(submitted_at__date__gte=since)
        cases = cases.filter(opened_at__date__gte=since)
    by_strand, by_characteristic, by_ward, by_month = Counter(), Counter(), Counter(), Counter()
    total = 0
    for strands, characteristics, ward_code, submitted_at in reports.values_list(
        "strands", "characteristics", "ward_code", "submitted_at"
    ).iterator(chunk_size=2000):
        total += 1
        by_strand.update(set(strands or []))
        by_characteristic.update(set(characteristics or []))
        by_ward[ward_code or ""] += 1
        by_month[timezone.localtime(submitted_at).strftime("%Y-%m")] += 1
    names = ward_names()
    case_ids = list(cases.values_list("pk", flat=True))
    repeat = cases.filter(earlier_cases__isnull=False).distinct().count()
    hours = []
    for case in cases.exclude(first_contact_at=None).prefetch_related("case_reports__report"):
        first_report = min((link.report.submitted_at for link in case.case_reports.all()), default=None)
        if first_report is not None:
            hours.append(max(0.0, (case.first_contact_at - first_report).total_seconds() / 3600))
    referral_counts = Counter(
        Referral.objects.filter(case_id__in=case_ids).values_list("recipient", "status").iterator()
    )
    recorded = cases.exclude(classification__in=["", "not_recorded"])
    recorded_count = recorded.count()
    positive_cases = recorded.filter(pk__in=Action.objects.filter(POSITIVE_ACTION_Q).values("case_id")).count()
    action_kinds = Counter()
    for action in Action.objects.filter(case_id__in=case_ids).only("kind", "police_outcome"):
        key = f"police_outcome_{action.police_outcome}" if action.kind == Action.Kind.POLICE_OUTCOME else action.kind
        action_kinds[(key, is_positive(action))] += 1
    return Statistics(
        total_reports=total,
        by_strand=sorted(by_strand.items()),
        by_characteristic=sorted(by_characteristic.items(), key=lambda item: (-item[1], item[0])),
        by_ward=sorted(
            ((code, names.get(code, ""), count) for code, count in by_ward.items()),
            key=lambda item: (item[1] or "~", item[0]),
        ),
        by_month=sorted(by_month.items()),
        cases=len(case_ids),
        repeat_victim_cases=repeat,
        first_contact_hours_median=stats.median(hours) if hours else None,
        first_contact_hours_p90=_percentile(hours, 0.9) if hours else None,
        first_contact_measured=len(hours),
        referrals=sorted((recipient, status, count) for (recipient, status), count in referral_counts.items()),
        cases_with_positive_action=positive_cases,
        recorded_cases=recorded_count,
        positive_action_rate=(positive_cases / recorded_count) if recorded_count else None,
        actions_by_kind=sorted((kind, positive, count) for (kind, positive), count in action_kinds.items()),
    )


def public_figures(*, months=12, today=None):
    """Hate reports by characteristic, ward and month for the public, with small counts hidden.

    Counts under 5 are hidden, and so are the cells that would let them be worked out from the
    published total and the other cells (places.disclosure). A report may count under several
    characteristics, so that table has no total to subtract from.
    """
    today = today or timezone.localdate()
    start = (today.replace(day=1) - datetime.timedelta(days=31 * (months - 1))).replace(day=1)
    by_characteristic, by_ward, by_month = Counter(), Counter(), Counter()
    total = 0
    for strands, characteristics, ward_code, submitted_at in Report.objects.filter(
        submitted_at__date__gte=start
    ).values_list("strands", "characteristics", "ward_code", "submitted_at"):
        if "hate" not in (strands or []):
            continue
        total += 1
        by_characteristic.update(set(characteristics or []))
        by_ward[ward_code or "unknown"] += 1
        by_month[timezone.localtime(submitted_at).strftime("%Y-%m")] += 1
    names = ward_names()
    for code in names:
        by_ward.setdefault(code, 0)
    counts = {("total",): total}
    counts.update({("ward", code): count for code, count in by_ward.items()})
    counts.update({("month", month): count for month, count in by_month.items()})
    counts.update({("characteristic", code): count for code, count in by_characteristic.items()})
    lines = [
        Line(("total",), [("ward", code) for code in by_ward]),
        Line(("total",), [("month", month) for month in by_month]),
    ]
    hidden = hidden_cells(counts, lines)

    def shown(key):
        return None if key in hidden else counts[key]

    return {
        "since": start,
        "total": shown(("total",)),
        "by_characteristic": sorted(
            ((code, shown(("characteristic", code))) for code in by_characteristic), key=lambda item: item[0]
        ),
        "by_ward": sorted(
            ((code, names.get(code, ""), shown(("ward", code))) for code in by_ward if code in names),
            key=lambda item: item[1],
        ),
        "unknown_ward": shown(("ward", "unknown")) if "unknown" in by_ward else 0,
        "by_month": [(month, shown(("month", month))) for month in sorted(by_month)],
    }


def added_by_reporters(reports):
    """What reporters added after sending: {report id: (information texts with dates, evidence files)}."""
    added = {report.pk: ([], []) for report in reports}
    for update in ReportUpdate.objects.filter(report__in=reports, kind=ReportUpdate.Kind.INFORMATION_ADDED).order_by(
        "created_at", "pk"
    ):
        added[update.report_id][0].append(update)
    for item in Evidence.objects.filter(report__in=reports).order_by("uploaded_at"):
        added[item.report_id][1].append(item)
    return added
