"""Reads for the Welcome Pack: packs issued, the pack's text in a language, and the pack itself.

A pack is assembled from the live directory: for each kind of place (a GP, ESOL classes, a
third-party hate crime reporting centre...) the nearest services to the resident's postcode (or
their ward's centre), found with the directory's own search, so the pack and the directory agree.
"""

import functools
import hashlib
import threading
from dataclasses import dataclass, field

import segno
from django.db.models import Count
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from shapely.geometry import shape

from directory import search as directory_search
from directory.models import Address
from directory.taxonomy import term_id
from places import selectors as places_selectors
from places.postcodes import normalise_postcode

from . import markup
from .household import ENGLISH_LEVEL_NAMES, NEED_NAMES
from .models import PART_ORDER, PackIssue, PackSection, Part, ReviewStatus
from .services import short_links_ensure


def pack_issue_counts(*, field, since=None):
    """Packs issued for each value of ``field`` (``"ward_code"``, ``"language"`` or ``"format"``)."""
    issues = PackIssue.objects.all()
    if since is not None:
        issues = issues.filter(issued_at__gte=since)
    rows = issues.values(field).annotate(count=Count("id")).order_by(field)
    return {row[field]: row["count"] for row in rows}


# The pack's text -------------------------------------------------------------------------------------

TRANSLATION_MODEL = PackSection._parler_meta.root_model


@dataclass
class SectionText:
    key: str
    part: str
    title: str
    body: str
    easy_read_body: str
    language: str  # the language the text is in (English when not yet translated)
    review_status: str

    @property
    def is_checked(self):
        return self.review_status == ReviewStatus.APPROVED

    @property
    def body_html(self):
        return markup.render(self.body)

    @property
    def easy_read_html(self):
        return markup.render(self.easy_read_body or self.body, paragraph_class="govuk-body-l app-easy-read__line")


def section_texts(language):
    """Every section's text in ``language`` (English where there is none yet), in pack order (one query)."""
    rows = (
        TRANSLATION_MODEL.objects.filter(language_code__in={language, "en"})
        .select_related("master")
        .order_by("master__order", "master__key")
    )
    by_key = {}
    for row in rows:
        if row.language_code == language or row.master.key not in by_key:
            by_key[row.master.key] = SectionText(
                key=row.master.key,
                part=row.master.part,
                title=row.title,
                body=row.body,
                easy_read_body=row.easy_read_body,
                language=row.language_code,
                review_status=row.review_status,
            )
    return list(by_key.values())


@dataclass
class SectionStatus:
    section: PackSection
    cells: list  # (language code, language name, review status or "" when not translated yet)


def section_statuses(languages):
    """Every section with each language's review status, for the editors' list (two queries)."""
    sections = list(PackSection.objects.order_by("order", "key"))
    statuses = {section.pk: {} for section in sections}
    for master_id, language, status in TRANSLATION_MODEL.objects.values_list(
        "master_id", "language_code", "review_status"
    ):
        statuses.setdefault(master_id, {})[language] = status
    return [
        SectionStatus(section, [(code, name, statuses[section.pk].get(code, "")) for code, name in languages])
        for section in sections
    ]


def section_get(key):
    return PackSection.objects.filter(key=key).first()


# Where the resident lives ------------------------------------------------------------------------------

_centre_lock = threading.Lock()
_ward_centres = {}


def ward_centre(generation, ward_code):
    """A point inside the ward (its representative point), cached per generation version."""
    key = (generation.pk, generation.updated_at, ward_code)
    with _centre_lock:
        if key in _ward_centres:
            return _ward_centres[key]
    ward = generation.wards.filter(gss_code=ward_code).only("boundary").first()
    point = None
    if ward is not None and ward.boundary:
        inside = shape(ward.boundary).representative_point()
        point = (inside.y, inside.x)
    with _centre_lock:
        _ward_centres[key] = point
    return point


@dataclass
class Place:
    ward_code: str
    ward_name: str
    origin: tuple | None  # (lat, lon) the distances are measured from
    postcode: str = ""


def place_for(household):
    choice = places_selectors.generation_in_force()
    if choice is None:
        return None
    generation = choice.generation
    names = directory_search.ward_names(generation)
    origin = None
    postcode = normalise_postcode(household.postcode) if household.postcode else None
    if postcode:
        lookup = places_selectors.postcode_lookup(postcode, generation=generation)
        if lookup is not None and lookup.postcode.lat is not None:
            origin = (lookup.postcode.lat, lookup.postcode.lon)
    if origin is None:
        origin = ward_centre(generation, household.ward_code)
    return Place(household.ward_code, names.get(household.ward_code, ""), origin, postcode or "")


# Entries from the directory ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Slot:
    """One kind of place the pack lists, found by directory category (and words, if given)."""

    key: str
    part: str
    label: object
    category: str
    limit: int = 2
    text: str = ""
    for_children: bool = False
    for_under_fives: bool = False
    unless_fluent: bool = False


SLOTS = [
    Slot("gp", Part.YOUR_AREA, _("Registering with a GP"), "gp-registration", limit=2),
    Slot("schools", Part.YOUR_AREA, _("School places"), "school-admissions", for_children=True),
    Slot("childcare", Part.YOUR_AREA, _("Childcare and nurseries"), "childcare", for_under_fives=True),
    Slot("family_hubs", Part.YOUR_AREA, _("Family hubs and children's centres"), "family-hubs", for_children=True),
    Slot("library", Part.YOUR_AREA, _("Libraries"), "", limit=1, text="library"),
    Slot("recycling", Part.YOUR_AREA, _("Bins and recycling"), "waste-recycling", limit=1),
    Slot("places_of_welcome", Part.YOUR_AREA, _("Places of Welcome"), "places-of-welcome", limit=3),
    Slot("esol", Part.LEARNING_ENGLISH, _("English classes (ESOL)"), "esol-classes", limit=3, unless_fluent=True),
    Slot(
        "conversation",
        Part.LEARNING_ENGLISH,
        _("English conversation clubs"),
        "conversation-clubs",
        limit=2,
        unless_fluent=True,
    ),
    Slot("tenants", Part.RIGHTS, _("Help with landlords and tenants' rights"), "tenants-rights", limit=2),
    Slot("council_tax", Part.RIGHTS, _("Help with council tax"), "council-tax", limit=1),
    Slot("reporting_centres", Part.HATE_CRIME, _("Third-party reporting centres"), "hate-crime-reporting", limit=3),
    Slot("victim_support", Part.HATE_CRIME, _("Support if you have been a victim"), "victim-support", limit=1),
    Slot("groups", Part.COMMUNITY, _("Community groups"), "community-groups", limit=2),
    Slot("volunteering", Part.COMMUNITY, _("Volunteering"), "volunteering", limit=2),
]


@dataclass
class Entry:
    service_id: object
    name: str
    organisation: str
    place_name: str
    address: str
    distance_miles: float | None
    ward_name: str
    languages: list
    speaks_your_language: bool
    meets_your_needs: bool
    cost_label: str
    short_url: str = ""
    qr_svg: str = ""
    qr_data_uri: str = ""


@dataclass
class EntryGroup:
    slot: Slot
    entries: list


def _speaks(service, languages):
    wanted = set(languages) - {"en"}
    if not wanted:
        return False
    english_names = {directory_search.ENGLISH_LANGUAGE_NAMES.get(code, code).lower() for code in wanted}
    return any(
        (language.code or "").lower() in wanted or (language.name or "").lower() in english_names
        for language in service.languages.all()
    )


def _slot_rows(slot, place, household, names):
    query = directory_search.SearchQuery(
        origin=place.origin,
        ward_code="" if place.origin else place.ward_code,
        category_id=str(term_id(slot.category)) if slot.category else "",
        text=slot.text,
    )
    if slot.for_under_fives:
        query.age = min(household.child_ages)
    features = household.accessibility_features
    rows = []
    if features:
        accessible = directory_search.SearchQuery(**{**query.__dict__, "accessibility": features})
        rows = [
            (row, True) for row in directory_search.search(accessible, 1, per_page=slot.limit, ward_names=names).rows
        ]
    if len(rows) < slot.limit:
        seen = {row.service.pk for row, _meets in rows}
        for row in directory_search.search(query, 1, per_page=slot.limit, ward_names=names).rows:
            if row.service.pk not in seen and len(rows) < slot.limit:
                rows.append((row, not features))
    return rows


def _slot_applies(slot, household):
    if slot.for_children and not household.has_children:
        return False
    if slot.for_under_fives and not any(age < 5 for age in household.child_ages):
        return False
    return not (slot.unless_fluent and household.is_fluent)


def qr_payload(url):
    """What a pack's QR code holds: the entry's short link, nothing more."""
    return segno.make(url, error="m")


@functools.lru_cache(maxsize=4096)
def _qr(url, name):
    """The QR code as inline SVG and as a PNG data URI (for the PDF), kept: choosing a QR's mask is slow.

    The PDF gets one pixel a module, drawn crisp (``image-rendering: pixelated``): WeasyPrint places a
    PNG as a single image, where an SVG QR is redrawn as hundreds of path segments in every PDF.
    """
    code = qr_payload(url)
    label = escape(str(_("QR code for %(name)s: %(url)s")) % {"name": name, "url": url})
    svg = code.svg_inline(scale=2, border=2, svgclass="app-qr", lineclass=None)
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{label}" focusable="false" ', 1)
    # segno's own markup, with only our escaped label added: safe to place in the page as it is.
    return mark_safe(svg), code.png_data_uri(scale=1, border=2)  # noqa: S308


def short_url(site_url, code, language):
    with translation.override(language):
        return site_url.rstrip("/") + reverse("welcome:short_link", kwargs={"code": code})


def entry_groups(place, household, language, site_url):
    choice = places_selectors.generation_in_force()
    names = directory_search.ward_names(choice.generation) if choice else {}
    found = [(slot, _slot_rows(slot, place, household, names)) for slot in SLOTS if _slot_applies(slot, household)]
    services = [row.service for _slot, rows in found for row, _meets in rows]
    codes = short_links_ensure(service_ids=[service.pk for service in services])
    locations = {row.location.pk for _slot, rows in found for row, _meets in rows if row.location}
    addresses = {}
    for address in Address.objects.filter(location_id__in=locations).order_by("location_id", "address_1"):
        addresses.setdefault(address.location_id, str(address))
    groups = []
    for slot, rows in found:
        entries = []
        for row, meets in rows:
            url = short_url(site_url, codes[row.service.pk], language)
            qr_svg, qr_data_uri = _qr(url, row.service.name)
            entries.append(
                Entry(
                    service_id=row.service.pk,
                    name=row.service.name,
                    organisation=row.service.organization.name if row.service.organization else "",
                    place_name=row.location.name if row.location else "",
                    address=addresses.get(row.location.pk, "") if row.location else "",
                    distance_miles=row.distance_miles,
                    ward_name=row.ward_name,
                    languages=row.languages,
                    speaks_your_language=_speaks(row.service, household.languages),
                    meets_your_needs=meets and bool(household.accessibility_features),
                    cost_label=row.cost_label,
                    short_url=url,
                    qr_svg=qr_svg,
                    qr_data_uri=qr_data_uri,
                )
            )
        groups.append(EntryGroup(slot, entries))
    return groups


# The pack ----------------------------------------------------------------------------------------------


@dataclass
class PackPart:
    part: str
    title: str
    sections: list = field(default_factory=list)
    groups: list = field(default_factory=list)


@dataclass
class Pack:
    language: str
    place: Place
    parts: list
    household_summary: list  # (label, value) rows the pack was tailored by
    fluent: bool

    @property
    def has_unchecked_text(self):
        return any(not section.is_checked for part in self.parts for section in part.sections)


def _household_summary(household):
    rows = []
    if household.has_children:
        rows.append((_("Children's ages"), ", ".join(str(age) for age in household.child_ages)))
    if household.languages:
        labels = [str(directory_search.LANGUAGE_NAMES.get(code, code)) for code in household.languages]
        rows.append((_("Languages spoken"), ", ".join(labels)))
    if household.english_level:
        rows.append((_("English"), ENGLISH_LEVEL_NAMES.get(household.english_level, "")))
    if household.needs:
        rows.append((_("Access needs"), ", ".join(str(NEED_NAMES.get(need, need)) for need in household.needs)))
    return rows


def pack_build(household, *, language, site_url):
    """The resident's pack in ``language``: the text of every part and the nearest live services."""
    place = place_for(household)
    if place is None:
        return None
    with translation.override(language):
        texts = section_texts(language)
        groups = entry_groups(place, household, language, site_url)
        parts = []
        for part in PART_ORDER:
            pack_part = PackPart(part, str(Part(part).label))
            pack_part.sections = [text for text in texts if text.part == part]
            pack_part.groups = [group for group in groups if group.slot.part == part]
            parts.append(pack_part)
        summary = [(str(label), str(value)) for label, value in _household_summary(household)]
    return Pack(language=language, place=place, parts=parts, household_summary=summary, fluent=household.is_fluent)


LINKED_PAGES = {
    "report": "reporting:start",
    "sign_up": "signup:start",
    "places_of_welcome": "pledges:place_list",
    "services": "directory:search",
}


def pack_links(site_url, language):
    """Addresses of the other pages the pack points to, in the pack's language (absolute for print)."""
    with translation.override(language):
        return {name: site_url.rstrip("/") + reverse(url_name) for name, url_name in LINKED_PAGES.items()}


def section_version(section, language):
    """A short fingerprint of a section's saved text in ``language`` (its current language must be set)."""
    saved = "\x1f".join([language, section.title, section.body, section.easy_read_body, section.review_status])
    return hashlib.sha256(saved.encode()).hexdigest()[:16]
