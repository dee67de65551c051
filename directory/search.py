"""Reads for the public directory search and service pages.

Search is by a postcode's point (results sorted by great-circle distance, computed in SQL as the
haversine of each service's nearest location) or by ward, narrowed by category, language spoken,
cost, opening day or "open now", accessibility and age. Every filter is an ``EXISTS`` subquery on
the service, so the result count and the page come from two queries whatever the filters; the
rows of a page bring their locations, languages and cost options in three more.
"""

import calendar
from dataclasses import dataclass, field
from math import cos, radians

from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, F, Min, OuterRef, Prefetch, Q, Value, Window
from django.db.models.functions import ASin, Cos, Power, Radians, Sin, Sqrt
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from places import selectors as places_selectors

from .models import (
    Accessibility,
    Attribute,
    Contact,
    CostOption,
    Language,
    Location,
    Schedule,
    Service,
    ServiceAtLocation,
    TaxonomyTerm,
)
from .taxonomy import TAXONOMY_ID, TOP_LEVEL_CODES, term_label

EARTH_RADIUS_M = 6_371_000
METRES_PER_MILE = 1609.344
PER_PAGE = 20
MAX_PAGE = 100_000  # any page beyond is clamped with a count first (no SQL offset overflow)
STALE_AFTER_MONTHS = 3

DAYS = [
    ("MO", _("Monday")),
    ("TU", _("Tuesday")),
    ("WE", _("Wednesday")),
    ("TH", _("Thursday")),
    ("FR", _("Friday")),
    ("SA", _("Saturday")),
    ("SU", _("Sunday")),
]
DAY_NAMES = dict(DAYS)

# Languages most spoken in Walsall after English (Census 2021), by ISO 639-1 code.
LANGUAGES = [
    ("en", _("English")),
    ("pl", _("Polish")),
    ("ro", _("Romanian")),
    ("pa", _("Punjabi")),
    ("ur", _("Urdu")),
    ("bn", _("Bengali")),
    ("ar", _("Arabic")),
    ("gu", _("Gujarati")),
    ("hi", _("Hindi")),
    ("ku", _("Kurdish")),
    ("fa", _("Persian (Farsi)")),
    ("so", _("Somali")),
    ("ti", _("Tigrinya")),
    ("uk", _("Ukrainian")),
    ("zh", _("Chinese")),
    ("bsl", _("British Sign Language")),
]
LANGUAGE_NAMES = dict(LANGUAGES)
ENGLISH_LANGUAGE_NAMES = {
    "en": "English",
    "pl": "Polish",
    "ro": "Romanian",
    "pa": "Punjabi",
    "ur": "Urdu",
    "bn": "Bengali",
    "ar": "Arabic",
    "gu": "Gujarati",
    "hi": "Hindi",
    "ku": "Kurdish",
    "fa": "Persian",
    "so": "Somali",
    "ti": "Tigrinya",
    "uk": "Ukrainian",
    "zh": "Chinese",
    "bsl": "British Sign Language",
}

# (key, label, the words an accessibility record's description or details contain)
ACCESSIBILITY_FEATURES = [
    ("step-free", _("Step-free access"), "step-free"),
    ("hearing-loop", _("Hearing loop"), "hearing loop"),
    ("accessible-toilet", _("Accessible toilet"), "accessible toilet"),
    ("parking", _("Blue Badge parking"), "blue badge"),
    ("quiet-space", _("Quiet space"), "quiet space"),
]
ACCESSIBILITY_WORDS = {key: words for key, _label, words in ACCESSIBILITY_FEATURES}
# A description that denies the feature ("No step-free access", "Lift not working") does not count.
NEGATION = r"(^|[^a-z])(no|not|without|none)([^a-z]|$)|n['’]t([^a-z]|$)"


def months_before(day, months):
    year, month0 = divmod(day.year * 12 + day.month - 1 - months, 12)
    return day.replace(year=year, month=month0 + 1, day=min(day.day, calendar.monthrange(year, month0 + 1)[1]))


def is_stale(assured_date, today=None):
    """True when a record was last checked more than three months ago (or never)."""
    if assured_date is None:
        return True
    return assured_date < months_before(today or timezone.localdate(), STALE_AFTER_MONTHS)


# Categories ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CategoryChoice:
    id: str
    label: str
    is_child: bool


def category_choices():
    """The Walsall taxonomy's terms, each top-level category followed by its children (one query)."""
    terms = list(TaxonomyTerm.objects.filter(taxonomy_id=TAXONOMY_ID).only("id", "name", "term", "parent_id"))
    children = {}
    for term in terms:
        children.setdefault(term.parent_id, []).append(term)
    order = {code: index for index, code in enumerate(TOP_LEVEL_CODES)}
    choices = []
    for top in sorted(children.get(None, []), key=lambda t: (order.get(t.term, 999), t.name)):
        top.taxonomy_id = TAXONOMY_ID
        choices.append(CategoryChoice(str(top.id), term_label(top), False))
        for child in children.get(top.id, []):
            child.taxonomy_id = TAXONOMY_ID
            choices.append(CategoryChoice(str(child.id), term_label(child), True))
    return choices


# Search -------------------------------------------------------------------------------------------


@dataclass
class SearchQuery:
    origin: tuple | None = None  # (lat, lon) of the postcode
    ward_code: str = ""
    category_id: str = ""
    language: str = ""
    free: bool = False
    when: str = ""  # "", "now" or a day code MO..SU
    accessibility: list = field(default_factory=list)
    age: int | None = None
    text: str = ""


def _distance_expression(lat, lon, prefix):
    """Haversine distance in metres from (lat, lon) to the location at ``prefix`` (SQL functions only)."""
    lat2 = Radians(F(f"{prefix}latitude"))
    lon2 = Radians(F(f"{prefix}longitude"))
    lat1 = Value(radians(lat))
    lon1 = Value(radians(lon))
    a = Power(Sin((lat2 - lat1) / Value(2.0)), 2) + Value(cos(radians(lat))) * Cos(lat2) * Power(
        Sin((lon2 - lon1) / Value(2.0)), 2
    )
    return Value(2.0 * EARTH_RADIUS_M) * ASin(Sqrt(a))


def _for_service(queryset):
    return queryset.filter(service_id=OuterRef("pk"))


def services_matching(query, *, now=None):
    """Active services matching ``query``, annotated with ``distance`` (metres, nearest location) and sorted."""
    return _ordered(services_filtered(query, now=now), query)


def services_filtered(query, *, now=None):
    """Active services matching ``query``'s filters (unordered, no distance: cheap to count)."""
    services = Service.objects.filter(status=Service.Status.ACTIVE)
    for word in query.text.split()[:10]:  # every word, in any order, as the API's search does
        services = services.filter(
            Q(name__icontains=word) | Q(description__icontains=word) | Q(organization__name__icontains=word)
        )
    if query.ward_code:
        services = services.filter(
            Exists(_for_service(ServiceAtLocation.objects.filter(location__ward_code=query.ward_code)))
        )
    if query.category_id:
        term_ids = TaxonomyTerm.objects.filter(Q(pk=query.category_id) | Q(parent_id=query.category_id)).values("pk")
        services = services.filter(
            Exists(
                Attribute.objects.filter(
                    link_id=OuterRef("pk"),
                    link_entity=Attribute.LinkEntity.SERVICE,
                    taxonomy_term_id__in=term_ids,
                )
            )
        )
    if query.language:
        name = ENGLISH_LANGUAGE_NAMES.get(query.language, query.language)
        services = services.filter(Exists(_for_service(Language.objects.filter(Q(code=query.language) | Q(name=name)))))
    if query.free:
        # Free only when the service lists its costs, every one is 0, and no fees text adds a charge.
        services = services.filter(
            Exists(_for_service(CostOption.objects.all())),
            fees="",
        ).exclude(Exists(_for_service(CostOption.objects.filter(Q(amount__gt=0) | Q(amount__isnull=True)))))
    if query.when:
        # The service's own schedules, or those at one of its locations: two IN subqueries, each
        # hashed once (one EXISTS with an OR across both joins cannot use the indexes).
        schedules = _schedules_open(query.when, now)
        services = services.filter(
            Q(pk__in=schedules.filter(service_id__isnull=False).values("service_id"))
            | Q(pk__in=schedules.filter(service_at_location__isnull=False).values("service_at_location__service_id"))
        )
    for key in query.accessibility:
        words = ACCESSIBILITY_WORDS.get(key)
        if words:
            services = services.filter(
                Exists(
                    Accessibility.objects.filter(
                        (Q(description__icontains=words) & ~Q(description__iregex=NEGATION))
                        | (Q(details__icontains=words) & ~Q(details__iregex=NEGATION)),
                        location__service_at_locations__service_id=OuterRef("pk"),
                    )
                )
            )
    if query.age is not None:
        services = services.filter(
            Q(minimum_age__isnull=True) | Q(minimum_age__lte=query.age),
            Q(maximum_age__isnull=True) | Q(maximum_age__gte=query.age),
        )
    return services


def _ordered(services, query):
    if query.origin is not None:
        lat, lon = query.origin
        distance = _distance_expression(lat, lon, "service_at_locations__location__")
        return services.annotate(distance=Min(distance)).order_by(F("distance").asc(nulls_last=True), "name", "id")
    return services.annotate(distance=Value(None, output_field=Service._meta.get_field("minimum_age"))).order_by(
        "name", "id"
    )


def _on_day(day):
    """Schedules open every week on ``day``: a whole ``byday`` token ("MO", not "1MO"), not monthly rules."""
    return Q(byday__regex=rf"(^|,)\s*{day}\s*(,|$)") & ~Q(freq=Schedule.Freq.MONTHLY)


def _valid_on(day):
    return (Q(valid_from__isnull=True) | Q(valid_from__lte=day)) & (Q(valid_to__isnull=True) | Q(valid_to__gte=day))


def _schedules_open(when, now):
    """Schedules open on a day, or right now (overnight hours, closing before they open, included)."""
    now = timezone.localtime(now or timezone.now())
    today = now.date()
    schedules = Schedule.objects.filter(_valid_on(today))
    if when == "now":
        day = DAYS[now.weekday()][0]
        yesterday = DAYS[(now.weekday() - 1) % 7][0]
        moment = now.time().replace(tzinfo=None)
        overnight = Q(closes_at__lt=F("opens_at"))
        return schedules.filter(
            (_on_day(day) & Q(opens_at__lte=moment) & (Q(closes_at__gt=moment) | overnight))
            | (_on_day(yesterday) & overnight & Q(closes_at__gt=moment))
        )
    return schedules.filter(_on_day(when))


def is_current(schedule, today=None):
    """True unless the schedule has ended or has not started yet."""
    today = today or timezone.localdate()
    return (schedule.valid_from is None or schedule.valid_from <= today) and (
        schedule.valid_to is None or schedule.valid_to >= today
    )


@dataclass
class ResultRow:
    number: int
    service: Service
    location: Location | None
    distance_miles: float | None
    ward_name: str
    is_free: bool
    cost_label: str
    languages: list
    is_stale: bool


def _language_label(language):
    label = LANGUAGE_NAMES.get((language.code or "").lower())
    return str(label) if label else (language.name or language.code)


def cost_summary(cost_options, fees=""):
    """(is_free, label): free only when there are cost options, every amount is 0 and no fees text."""
    paid = [option for option in cost_options if option.amount is not None and option.amount > 0]
    if not paid:
        if cost_options and all(option.amount is not None for option in cost_options) and not fees:
            return True, str(_("Free"))
        return False, str(_("Ask about cost"))
    cheapest = min(paid, key=lambda option: option.amount)
    return False, str(_("From £%(amount)s") % {"amount": number_format(cheapest.amount, 2)})


def result_rows(services, *, origin=None, ward_names=None, first_number=1, today=None):
    ward_names = ward_names or {}
    rows = []
    for offset, service in enumerate(services):
        locations = [sal.location for sal in service.service_at_locations.all()]
        placed = [loc for loc in locations if loc.latitude is not None and loc.longitude is not None]
        location = None
        if origin is not None and placed:
            from .geography import distance_m

            location = min(placed, key=lambda loc: distance_m(origin[0], origin[1], loc.latitude, loc.longitude))
        elif placed:
            location = placed[0]
        elif locations:
            location = locations[0]
        distance = getattr(service, "distance", None)
        is_free, cost_label = cost_summary(list(service.cost_options.all()), service.fees)
        rows.append(
            ResultRow(
                number=first_number + offset,
                service=service,
                location=location,
                distance_miles=distance / METRES_PER_MILE if distance is not None else None,
                ward_name=ward_names.get(location.ward_code, "") if location else "",
                is_free=is_free,
                cost_label=cost_label,
                languages=sorted({_language_label(language) for language in service.languages.all()}),
                is_stale=is_stale(service.assured_date, today),
            )
        )
    return rows


class _CountedPaginator(Paginator):
    """Counts the filtered services without the distance aggregate and its joins."""

    def __init__(self, *args, count, **kwargs):
        super().__init__(*args, **kwargs)
        self._count = count

    @property
    def count(self):
        if not hasattr(self, "_counted"):
            self._counted = self._count()
        return self._counted


@dataclass
class SearchResults:
    page: object
    rows: list
    count: int


def search(query, page_number=1, *, per_page=PER_PAGE, ward_names=None, now=None):
    """One page of results (constant queries: the page with its total, locations, languages, cost options)."""
    filtered = services_filtered(query, now=now)
    services = (
        _ordered(filtered, query)
        .select_related("organization")
        .only(
            "id",
            "name",
            "description",
            "fees",
            "assured_date",
            "minimum_age",
            "maximum_age",
            "organization__id",
            "organization__name",
        )
        .prefetch_related(
            Prefetch(
                "service_at_locations",
                queryset=ServiceAtLocation.objects.select_related("location").only(
                    "id",
                    "service_id",
                    "location__id",
                    "location__name",
                    "location__latitude",
                    "location__longitude",
                    "location__ward_code",
                ),
            ),
            Prefetch("languages", queryset=Language.objects.only("id", "service_id", "name", "code")),
            Prefetch("cost_options", queryset=CostOption.objects.only("id", "service_id", "amount")),
        )
    )
    # The total comes with the page (COUNT(*) OVER ()), so the filters run once, not twice.
    services = services.annotate(total=Window(Count("pk")))
    try:
        number = max(int(str(page_number)[:20]), 1)
    except (TypeError, ValueError):
        number = 1
    # A page past the end (or too large for an SQL offset) is counted first, then clamped to the last
    # page, as Paginator.get_page does.
    if number > MAX_PAGE:
        total = filtered.count()
        number = max((total + per_page - 1) // per_page, 1)
    found = list(services[(number - 1) * per_page : number * per_page])
    if found:
        total = found[0].total
    else:
        total = filtered.count() if number > 1 else 0
        last = max((total + per_page - 1) // per_page, 1)
        if number > last:
            number = last
            found = list(services[(number - 1) * per_page : number * per_page])
    paginator = _CountedPaginator(services, per_page, count=lambda: total)
    page = Page(found, number, paginator)
    rows = result_rows(
        page.object_list,
        origin=query.origin,
        ward_names=ward_names,
        first_number=page.start_index(),
        today=timezone.localdate(now) if now else None,
    )
    return SearchResults(page=page, rows=rows, count=paginator.count)


# Map ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MapPoint:
    number: int
    label: str
    x: float
    y: float


@dataclass
class ResultsMap:
    ward_map: object
    points: list
    origin: MapPoint | None = None
    selected_ward: str = ""


def results_map(generation, rows, *, origin=None, selected_ward=""):
    """Ward boundaries (places' cached map) with the numbered result locations and the searched point."""
    ward_map = places_selectors.ward_map(generation)
    if not ward_map.areas:
        return None
    project = ward_map.project_point
    points = []
    for row in rows:
        location = row.location
        if location is not None and location.latitude is not None and location.longitude is not None:
            x, y = project(location.latitude, location.longitude)
            points.append(MapPoint(row.number, row.service.name, x, y))
    origin_point = None
    if origin is not None:
        x, y = project(*origin)
        origin_point = MapPoint(0, "", x, y)
    return ResultsMap(ward_map, points, origin_point, selected_ward)


def ward_names(generation):
    """{gss_code: name} from places' cached ward map (no query once the map is built)."""
    return {area.gss_code: area.name for area in places_selectors.ward_map(generation).areas}


# Service page -------------------------------------------------------------------------------------


def service_detail(service_id):
    """A service with everything its public page shows, or None (inactive services included, flagged)."""
    return (
        Service.objects.select_related("organization")
        .prefetch_related(
            Prefetch(
                "service_at_locations",
                queryset=ServiceAtLocation.objects.select_related("location").prefetch_related(
                    "location__addresses", "location__accessibility", "location__phones", "schedules"
                ),
            ),
            "schedules",
            "languages",
            "cost_options",
            "phones",
            Prefetch("contacts", queryset=Contact.objects.prefetch_related("phones")),
            "service_areas",
        )
        .filter(pk=service_id)
        .first()
    )


def service_categories(service):
    terms = TaxonomyTerm.objects.filter(
        attributes__link_id=service.pk, attributes__link_entity=Attribute.LinkEntity.SERVICE
    ).distinct()
    return [term_label(term) for term in terms]


def schedule_text(schedule):
    """A schedule in plain words, e.g. 'Monday, Wednesday: 09:00 to 17:00'."""
    if schedule.description:
        return schedule.description
    tokens = {token.strip() for token in (schedule.byday or "").split(",")}
    days = [str(DAY_NAMES[code]) for code in DAY_NAMES if code in tokens]
    times = ""
    if schedule.opens_at and schedule.closes_at:
        times = str(_("%(opens)s to %(closes)s")) % {
            "opens": schedule.opens_at.strftime("%H:%M"),
            "closes": schedule.closes_at.strftime("%H:%M"),
        }
    return ": ".join(part for part in [", ".join(days), times] if part)
