"""Synthetic demonstration directory for Walsall: services in every category and every ward.

``load(rng)`` (run by ``manage.py load_demo``) loads the Walsall taxonomy, then makes what is missing
of ``DEMO_SERVICES`` services. Organisations are invented (no real body is named); every record is
marked ``is_demo``; each service sits at a random point inside a real ward (the ward in force), with
the nearest synthetic postcode as its address. Ids are derived from the service's number, so a
second run creates nothing. ``build(rng, count, key)`` is also used by bench/directory_search.py.
"""

import datetime
import uuid
from dataclasses import dataclass, field
from decimal import Decimal

import shapely
from django.utils import timezone
from shapely.geometry import shape

from places import selectors as places_selectors
from places.models import Postcode

from .geography import distance_m, place_location
from .models import (
    Accessibility,
    Address,
    Attribute,
    CostOption,
    Language,
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceAtLocation,
    TaxonomyTerm,
)
from .taxonomy import CATEGORIES, TAXONOMY_ID, load_walsall_taxonomy, term_id

DEMO_SERVICES = 320
_NAMESPACE = uuid.UUID("4b7e3f0a-2c61-4c0e-8d0f-0f6c1d9a5e21")

# Invented place words: plausible, but no real Walsall organisation or street.
PLACE_WORDS = [
    "Oakmere",
    "Larkfield",
    "Brightwell",
    "Fernhollow",
    "Kestrel",
    "Millbrook",
    "Ashcombe",
    "Hollybank",
    "Wrenfield",
    "Cedarvale",
    "Foxlea",
    "Meadowgate",
    "Elmstead",
    "Sandhurst Row",
    "Willowmere",
    "Thornleigh",
]
STREETS = ["Kestrel Lane", "Larkfield Road", "Oakmere Street", "Millbrook Way", "Fernhollow Close", "Ashcombe Avenue"]

# term code → (organisation kinds, service names, description, (min age, max age))
TEMPLATES = {
    "esol-classes": (
        ["Community College", "Learning Centre"],
        ["ESOL classes for beginners", "ESOL Entry 3 and Level 1", "English for work"],
        "Free English classes for adults whose first language is not English. Assessment on your first visit.",
        (16, None),
    ),
    "conversation-clubs": (
        ["Community Trust", "Library Friends"],
        ["English conversation café", "Chat and practise English", "Women's English conversation group"],
        "A friendly weekly group to practise speaking English over tea. No booking, all levels welcome.",
        (16, None),
    ),
    "gp-registration": (
        ["Health Partnership", "Medical Practice"],
        ["Register with a GP: drop-in help", "New patient registration"],
        "Help to register with a GP, including if you have no proof of address or immigration status.",
        (None, None),
    ),
    "dentists": (
        ["Dental Practice", "Family Dental Care"],
        ["NHS dentist: new patients", "Emergency dental appointments"],
        "NHS dental check-ups and treatment. Ask about free treatment if you receive certain benefits.",
        (None, None),
    ),
    "pharmacies": (
        ["Pharmacy", "Chemist"],
        ["Pharmacy and health advice", "Pharmacy First consultations"],
        "Prescriptions, advice on minor illnesses and some treatments without seeing a GP.",
        (None, None),
    ),
    "mental-health": (
        ["Wellbeing Network", "Mind Matters Collective"],
        ["Wellbeing walk and talk", "Low mood and anxiety support group"],
        "Peer support for your mental health and wellbeing in a relaxed, confidential group.",
        (18, None),
    ),
    "school-admissions": (
        ["Education Support Service", "Schools Partnership"],
        ["School place application help", "New arrivals school support"],
        "Help for families new to Walsall to apply for a school place and settle in.",
        (4, 16),
    ),
    "childcare": (
        ["Nursery", "Little Steps Childcare"],
        ["Nursery places (2 to 4 year olds)", "Childminder network"],
        "Childcare with free hours for eligible 2, 3 and 4 year olds.",
        (0, 5),
    ),
    "family-hubs": (
        ["Family Hub", "Children's Centre"],
        ["Stay and play", "Parenting support drop-in", "Baby weigh-in and feeding support"],
        "Activities and advice for parents, carers and children from pregnancy to 19.",
        (0, 19),
    ),
    "council-tax": (
        ["Council Services Point", "Civic Help Desk"],
        ["Council tax help desk", "Council tax reduction advice"],
        "Help to pay council tax, apply for discounts and set up a payment plan.",
        (18, None),
    ),
    "waste-recycling": (
        ["Council Services Point", "Recycling Hub"],
        ["Recycling and bin collection advice", "Bulky waste collection booking"],
        "Advice on bin days, recycling and booking bulky waste collections.",
        (None, None),
    ),
    "register-to-vote": (
        ["Civic Help Desk", "Democracy Café"],
        ["Register to vote: help session", "Your vote matters drop-in"],
        "Help to get on the electoral register and understand how to vote.",
        (16, None),
    ),
    "housing-advice": (
        ["Housing Advice Centre", "Homes Trust"],
        ["Housing options advice", "Homeless prevention service"],
        "Advice if you are homeless or at risk of losing your home.",
        (16, None),
    ),
    "tenants-rights": (
        ["Tenants' Union", "Renters' Advice Project"],
        ["Tenants' rights advice", "Repairs and disrepair clinic"],
        "Know your rights with landlords: repairs, deposits, rent increases and eviction.",
        (18, None),
    ),
    "benefits-advice": (
        ["Advice Centre", "Welfare Rights Project"],
        ["Benefits check and claims help", "Universal Credit help"],
        "Free, confidential help to check what you can claim and make a claim.",
        (16, None),
    ),
    "debt-advice": (
        ["Money Advice Centre", "Community Credit Union"],
        ["Debt advice", "Budgeting and money skills"],
        "Free help with debts, budgeting and dealing with creditors.",
        (18, None),
    ),
    "job-search": (
        ["Jobs Hub", "Employment Project"],
        ["Job club", "CV and interview help"],
        "One-to-one help with CVs, applications and interviews.",
        (16, None),
    ),
    "training-skills": (
        ["Skills Academy", "Community College"],
        ["Digital skills for beginners", "Food hygiene and first aid courses"],
        "Short courses and qualifications to help you into work.",
        (16, None),
    ),
    "volunteering": (
        ["Volunteer Centre", "Community Trust"],
        ["Volunteering opportunities", "Volunteer with us"],
        "Find volunteering that suits you, gain experience and meet people.",
        (16, None),
    ),
    "community-groups": (
        ["Residents' Association", "Community Centre", "Neighbourhood Network"],
        ["Community lunch club", "Residents' meeting", "Crafts and chat"],
        "A local group bringing neighbours together. Everyone welcome.",
        (None, None),
    ),
    "faith": (
        ["Gurdwara", "Masjid", "Methodist Church", "Baptist Church", "Mandir"],
        ["Community kitchen (langar)", "Open doors and tea", "Faith community support"],
        "A faith community open to all, with food, support and friendship.",
        (None, None),
    ),
    "sport-leisure": (
        ["Leisure Club", "Sports Club", "Park Friends"],
        ["Walking football", "Women-only swimming", "Youth multi-sports", "Cricket for all"],
        "Sport and activities for all abilities. Equipment provided.",
        (None, None),
    ),
    "places-of-welcome": (
        ["Community Centre", "Chapel", "Library Friends"],
        ["Place of Welcome", "Warm welcome café"],
        "A Place of Welcome: a warm, safe place with a free drink and a chat. No need to book, no questions asked.",
        (None, None),
    ),
    "hate-crime-reporting": (
        ["Advice Centre", "Community Trust", "Library Friends"],
        ["Hate crime reporting centre", "Report hate crime safely"],
        "A third-party reporting centre: trained staff help you report hate crime, with or without giving your name.",
        (None, None),
    ),
    "victim-support": (
        ["Victim Care Service", "Safe Space Project"],
        ["Support after crime", "Domestic abuse support"],
        "Free, confidential emotional and practical support for anyone affected by crime.",
        (None, None),
    ),
    "food-banks": (
        ["Food Bank", "Community Pantry"],
        ["Food bank", "Community pantry (low cost)"],
        "Emergency food parcels and low-cost shopping. Referral helpful but not always needed.",
        (None, None),
    ),
    "crisis-support": (
        ["Crisis Project", "Advice Centre"],
        ["Crisis help today", "Emergency support drop-in"],
        "Same-day help if you have no money, food or safe place to stay.",
        (16, None),
    ),
}

LANGUAGE_CHOICES = [
    ("pl", "Polish"),
    ("ro", "Romanian"),
    ("pa", "Punjabi"),
    ("ur", "Urdu"),
    ("bn", "Bengali"),
    ("ar", "Arabic"),
    ("gu", "Gujarati"),
    ("ku", "Kurdish"),
    ("fa", "Persian"),
    ("uk", "Ukrainian"),
]
FEATURES = [
    ("Step-free access", "Level entrance and lift to all floors."),
    ("Hearing loop", "Hearing loop at reception."),
    ("Accessible toilet", "Accessible toilet on the ground floor."),
    ("Blue Badge parking", "Two Blue Badge spaces by the entrance."),
    ("Quiet space", "A quiet room is available on request."),
]
DAY_SETS = ["MO,WE,FR", "MO,TU,WE,TH,FR", "TU,TH", "SA", "WE", "MO,TU,WE,TH,FR,SA", "SU", "TH,FR", "MO"]
TIMES = [(9, 0, 17, 0), (10, 0, 14, 0), (18, 0, 20, 0), (9, 30, 12, 30), (13, 0, 16, 0), (8, 0, 20, 0)]


def leaf_codes():
    """Every term a service is tagged with: child terms, and top-level categories that have none."""
    codes = []
    for code, _name, _description, children in CATEGORIES:
        codes.extend([child[0] for child in children] or [code])
    return codes


def _uuid(key, kind, number):
    return uuid.uuid5(_NAMESPACE, f"{key}:{kind}:{number}")


@dataclass
class WardArea:
    gss_code: str
    name: str
    geometry: object
    postcodes: list = field(default_factory=list)  # (postcode, lat, lon)


def ward_areas():
    """The wards in force with their boundaries and synthetic postcodes (for addresses)."""
    choice = places_selectors.generation_in_force()
    if choice is None:
        return []
    wards = choice.generation.wards.exclude(boundary=None).order_by("gss_code")
    areas = []
    for ward in wards:
        geometry = shape(ward.boundary)
        shapely.prepare(geometry)
        areas.append(WardArea(ward.gss_code, ward.name, geometry))
    by_ward = {area.gss_code: area for area in areas}
    postcodes = Postcode.objects.exclude(lat=None).filter(is_synthetic=True).order_by("postcode")
    for postcode, ward_code, lat, lon in postcodes.values_list("postcode", "ward_code", "lat", "lon"):
        if ward_code in by_ward:
            by_ward[ward_code].postcodes.append((postcode, lat, lon))
    return areas


def _point_in(area, rng):
    min_x, min_y, max_x, max_y = area.geometry.bounds
    for _attempt in range(1000):
        lon, lat = rng.uniform(min_x, max_x), rng.uniform(min_y, max_y)
        if shapely.contains_xy(area.geometry, lon, lat):
            return lat, lon
    point = area.geometry.representative_point()
    return point.y, point.x


def _nearest_postcode(area, lat, lon):
    if not area.postcodes:
        return "WS1 1TP"
    return min(area.postcodes, key=lambda row: distance_m(lat, lon, row[1], row[2]))[0]


@dataclass
class Batch:
    organizations: dict = field(default_factory=dict)
    services: list = field(default_factory=list)
    locations: list = field(default_factory=list)
    addresses: list = field(default_factory=list)
    links: list = field(default_factory=list)
    schedules: list = field(default_factory=list)
    languages: list = field(default_factory=list)
    costs: list = field(default_factory=list)
    accessibility: list = field(default_factory=list)
    phones: list = field(default_factory=list)
    attributes: list = field(default_factory=list)

    def save(self):
        """Insert everything in bulk (locations get their ward and LSOA from their point first)."""
        for location in self.locations:
            place_location(location)
        Organization.objects.bulk_create(self.organizations.values(), batch_size=1000)
        for model, rows in [
            (Service, self.services),
            (Location, self.locations),
            (Address, self.addresses),
            (ServiceAtLocation, self.links),
            (Schedule, self.schedules),
            (Language, self.languages),
            (CostOption, self.costs),
            (Accessibility, self.accessibility),
            (Phone, self.phones),
            (Attribute, self.attributes),
        ]:
            model.objects.bulk_create(rows, batch_size=1000)


def build(rng, numbers, *, key="demo", areas=None, existing_organizations=()):
    """Unsaved records for the services numbered ``numbers``: service ``n`` is in ward ``n % wards``
    and category ``n % categories``, so every ward and every category has services."""
    areas = areas if areas is not None else ward_areas()
    codes = leaf_codes()
    terms = {term.term: term.id for term in TaxonomyTerm.objects.filter(taxonomy_id=TAXONOMY_ID)}
    today = timezone.localdate()
    batch = Batch()
    for number in numbers:
        area = areas[number % len(areas)]
        code = codes[(number * 7 + number // len(areas)) % len(codes)]
        kinds, names, description, (low, high) = TEMPLATES[code]
        org_name = f"{PLACE_WORDS[rng.randrange(len(PLACE_WORDS))]} {kinds[rng.randrange(len(kinds))]}"
        org_id = uuid.uuid5(_NAMESPACE, f"{key}:org:{org_name}")
        if org_id not in batch.organizations and org_id not in existing_organizations:
            batch.organizations[org_id] = Organization(
                id=org_id,
                name=org_name,
                description=f"{org_name} is a fictional organisation in the Walsall demonstration directory.",
                email="hello@example.org",
                website="https://example.org/",
                is_demo=True,
            )
        service_id = _uuid(key, "service", number)
        paid = rng.random() < 0.25
        service = Service(
            id=service_id,
            organization_id=org_id,
            name=f"{names[rng.randrange(len(names))]} – {area.name}",
            description=description,
            url="https://example.org/",
            email="service@example.org",
            status=Service.Status.ACTIVE,
            minimum_age=low if rng.random() < 0.9 else None,
            maximum_age=high,
            assured_date=today - datetime.timedelta(days=rng.randrange(0, 200)),
            assurer_email="directory@example.org",
            fees="" if not paid else "Concessions available.",
            is_demo=True,
        )
        batch.services.append(service)
        lat, lon = _point_in(area, rng)
        location_id = _uuid(key, "location", number)
        venue = (
            f"{PLACE_WORDS[rng.randrange(len(PLACE_WORDS))]} {rng.choice(['Community Centre', 'Hall', 'House', 'Hub'])}"
        )
        batch.locations.append(
            Location(
                id=location_id,
                organization_id=org_id,
                name=venue,
                latitude=round(lat, 6),
                longitude=round(lon, 6),
            )
        )
        batch.addresses.append(
            Address(
                id=_uuid(key, "address", number),
                location_id=location_id,
                address_1=f"{rng.randrange(1, 200)} {rng.choice(STREETS)}",
                city=area.name.split(" ")[0] if rng.random() < 0.3 else "Walsall",
                state_province="West Midlands",
                postal_code=_nearest_postcode(area, lat, lon),
            )
        )
        batch.links.append(
            ServiceAtLocation(id=_uuid(key, "sal", number), service_id=service_id, location_id=location_id)
        )
        for index in range(1 + (rng.random() < 0.3)):
            h1, m1, h2, m2 = rng.choice(TIMES)
            batch.schedules.append(
                Schedule(
                    id=_uuid(key, f"schedule{index}", number),
                    service_id=service_id,
                    freq=Schedule.Freq.WEEKLY,
                    interval=1,
                    byday=rng.choice(DAY_SETS),
                    opens_at=datetime.time(h1, m1),
                    closes_at=datetime.time(h2, m2),
                    attending_type="in person",
                )
            )
        spoken = [("en", "English"), *rng.sample(LANGUAGE_CHOICES, rng.randrange(0, 4))]
        for index, (language_code, language_name) in enumerate(spoken):
            batch.languages.append(
                Language(
                    id=_uuid(key, f"language{index}", number),
                    service_id=service_id,
                    code=language_code,
                    name=language_name,
                )
            )
        amount = Decimal(rng.choice(["2.00", "3.50", "5.00", "10.00", "25.00"])) if paid else Decimal("0.00")
        batch.costs.append(
            CostOption(
                id=_uuid(key, "cost", number),
                service_id=service_id,
                option="Per session" if paid else "Free",
                currency="GBP",
                amount=amount,
            )
        )
        for index, (feature, details) in enumerate(rng.sample(FEATURES, rng.randrange(0, 4))):
            batch.accessibility.append(
                Accessibility(
                    id=_uuid(key, f"access{index}", number),
                    location_id=location_id,
                    description=feature,
                    details=details,
                )
            )
        batch.phones.append(
            Phone(
                id=_uuid(key, "phone", number),
                service_id=service_id,
                number=f"01632 960{number % 1000:03d}",
                type="voice",
            )
        )
        batch.attributes.append(
            Attribute(
                id=_uuid(key, "attribute", number),
                link_id=service_id,
                link_type="service",
                link_entity=Attribute.LinkEntity.SERVICE,
                taxonomy_term_id=terms.get(code, term_id(code)),
            )
        )
    return batch


def load(rng):
    """Make the missing demo services (all of them the first time, none the second)."""
    load_walsall_taxonomy()
    areas = ward_areas()
    if not areas:
        return "no wards imported: no demo services"
    wanted = {_uuid("demo", "service", number): number for number in range(DEMO_SERVICES)}
    existing = set(Service.objects.filter(id__in=wanted).values_list("id", flat=True))
    # Draw every service's randomness in order so a partial reload makes the same records.
    batch = build(
        rng,
        range(DEMO_SERVICES),
        areas=areas,
        existing_organizations=set(Organization.objects.filter(is_demo=True).values_list("id", flat=True)),
    )
    if existing:
        keep = {number for service_id, number in wanted.items() if service_id not in existing}
        batch = _only(batch, keep)
    summaries = []
    if batch.services:
        batch.save()
        summaries.append(f"{len(batch.services)} services in {len(areas)} wards")
    summaries.append(load_editorial())
    return "; ".join(summary for summary in summaries if summary)


def _only(batch, numbers):
    service_ids = {_uuid("demo", "service", number) for number in numbers}
    location_ids = {_uuid("demo", "location", number) for number in numbers}
    return Batch(
        organizations=batch.organizations,
        services=[row for row in batch.services if row.id in service_ids],
        locations=[row for row in batch.locations if row.id in location_ids],
        addresses=[row for row in batch.addresses if row.location_id in location_ids],
        links=[row for row in batch.links if row.service_id in service_ids],
        schedules=[row for row in batch.schedules if row.service_id in service_ids],
        languages=[row for row in batch.languages if row.service_id in service_ids],
        costs=[row for row in batch.costs if row.service_id in service_ids],
        accessibility=[row for row in batch.accessibility if row.location_id in location_ids],
        phones=[row for row in batch.phones if row.service_id in service_ids],
        attributes=[row for row in batch.attributes if row.link_id in service_ids],
    )


# Editors' workflow ------------------------------------------------------------------------------------

# Demo partner organisations (accounts.demo) and how many demo services each maintains (at least).
OWNERS = [("Brookvale Homes", 8), ("Caldmore Community Forum", 3), ("Palfrey Women's Network", 3)]
PARTNER_EMAIL = "partner@demo.walsall-for-all.test"
COUNCIL_EMAIL = "integration@demo.walsall-for-all.test"


def _change_id(name):
    return uuid.uuid5(_NAMESPACE, f"demo:change:{name}")


def _proposals(services, organization):
    """(key, service or None, edit, status, reason): what the demo partner has proposed."""
    first, second, third = services[:3]
    return [
        ("hours", first, {"opens_SA": "10:00", "closes_SA": "13:00", "phone": "01632 960999"}, "pending", ""),
        (
            "description",
            second,
            {"description": second.description + " Creche available on Tuesdays; please book a place."},
            "pending",
            "",
        ),
        (
            "new",
            None,
            {
                "name": "Brookvale tenants' welcome coffee morning",
                "description": "Meet neighbours and staff over coffee, and get help with your tenancy.",
                "organization": str(organization.pk),
                "cost": "free",
                "languages": ["en", "pl", "ro"],
                "opens_WE": "10:00",
                "closes_WE": "12:00",
            },
            "pending",
            "",
        ),
        (
            "rejected",
            third,
            {"name": third.name + " (closed)"},
            "rejected",
            "Please mark the service as temporarily closed instead of changing its name, and tell us when it reopens.",
        ),
    ]


def load_editorial():
    """Owners for some demo organisations, a few services overdue for checking, and partners' changes."""
    from accounts.models import Organisation, User

    from .models import ServiceChange
    from .selectors import service_for_editing, service_snapshot

    owners = {org.name: org for org in Organisation.objects.filter(name__in=[name for name, _n in OWNERS])}
    partner = User.objects.filter(email=PARTNER_EMAIL).first()
    council = User.objects.filter(email=COUNCIL_EMAIL).first()
    if len(owners) < len(OWNERS) or partner is None:
        return ""  # accounts made no demo partners (they load first), so there is no one to propose changes
    made_owned = 0
    unowned = iter(Organization.objects.filter(is_demo=True, owner=None).order_by("name", "id"))
    for name, wanted in OWNERS:
        have = Service.objects.filter(organization__owner=owners[name]).count()
        while have < wanted:
            organization = next(unowned, None)
            if organization is None:
                break
            organization.owner = owners[name]
            organization.save(update_fields=["owner"])
            made_owned += 1
            have += organization.services.count()
    own_organizations = list(
        Organization.objects.filter(is_demo=True, owner=owners["Brookvale Homes"]).order_by("name")
    )
    services = list(Service.objects.filter(organization__in=own_organizations).order_by("name", "id"))
    if len(services) < 5:
        return f"{made_owned} organisations given owners" if made_owned else ""

    made_changes = 0
    today = timezone.localdate()
    for key, service, edit, status, reason in _proposals(services, own_organizations[0]):
        change_id = _change_id(key)
        if ServiceChange.objects.filter(pk=change_id).exists():
            continue
        base = service_snapshot(service_for_editing(service.pk)) if service else {}
        proposed = {**base, **edit} if service else _new_service_snapshot(edit)
        ServiceChange.objects.create(
            id=change_id,
            idempotency_key=change_id,
            service=service,
            base=base,
            proposed=proposed,
            status=status,
            organisation=owners["Brookvale Homes"],
            proposed_by=partner,
            proposed_at=timezone.now() - datetime.timedelta(days=len(key)),
            decided_by=council if status == "rejected" else None,
            decided_at=timezone.now() if status == "rejected" else None,
            rejection_reason=reason,
            is_demo=True,
        )
        made_changes += 1
        if key == "hours":
            # The partner's own services need checking too: one overdue, one due within the fortnight.
            Service.objects.filter(pk=services[3].pk).update(assured_date=today - datetime.timedelta(days=120))
            Service.objects.filter(pk=services[4].pk).update(assured_date=today - datetime.timedelta(days=85))
    parts = []
    if made_owned:
        parts.append(f"{made_owned} organisations given partner owners")
    if made_changes:
        parts.append(f"{made_changes} proposed changes")
    return ", ".join(parts)


def _new_service_snapshot(edit):
    snapshot = {
        "name": "",
        "description": "",
        "organization": "",
        "url": "",
        "email": "",
        "phone": "",
        "categories": [str(term_id("conversation-clubs"))],
        "languages": [],
        "cost": "free",
        "fees": "",
        "cost_amount": "",
        "minimum_age": None,
        "maximum_age": None,
        "accessibility": [],
        "location_name": "",
        "address_1": "",
        "address_2": "",
        "city": "",
        "postcode": "",
        "latitude": None,
        "longitude": None,
    }
    for code in ("MO", "TU", "WE", "TH", "FR", "SA", "SU"):
        snapshot[f"opens_{code}"] = snapshot[f"closes_{code}"] = ""
    return {**snapshot, **edit}
