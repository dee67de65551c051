"""Synthetic reports across Walsall's wards, strands, channels and the last 18 months.

Every report says it is synthetic in its own words and is marked ``is_demo``. Idempotency keys are
derived from the report's number, so a second run makes nothing new. All demo reports open with
the one published demo receipt (``DEMO_RECEIPT``), so the "check your report" pages can be tried.
"""

import datetime
import uuid

from django.utils import timezone

from . import receipts, services
from .models import Channel, Consent, ContactPreference, Report, ReporterRole, Side, Strand

DEMO_REPORTS = 240
DEMO_RECEIPT = "DEMQ-2222-3333-4444-5555"
_NAMESPACE = uuid.UUID("0d5c8f7e-3b1a-4f2e-9c6d-7a8b9c0d1e2f")

STRAND_WEIGHTS = [([Strand.HATE], 60), ([Strand.ASB], 30), ([Strand.HATE, Strand.ASB], 10)]
CHARACTERISTIC_WEIGHTS = [
    ("race", 48),
    ("religion", 20),
    ("sexual_orientation", 10),
    ("disability", 9),
    ("transgender", 5),
    ("sex_gender", 4),
    ("alternative_subculture", 2),
    ("other", 2),
]
CHANNEL_WEIGHTS = [
    (Channel.ONLINE, 70),
    (Channel.THIRD_PARTY_CENTRE, 15),
    (Channel.PHONE, 10),
    (Channel.IN_PERSON, 5),
]
ROLE_WEIGHTS = [(ReporterRole.VICTIM, 65), (ReporterRole.WITNESS, 20), (ReporterRole.ON_BEHALF, 15)]
STATUS_WEIGHTS = [(status, weight) for status, weight in zip(Report.Status.values, [20, 20, 30, 15, 15], strict=True)]
ACCOUNTS = [
    "[Synthetic demo report] A group shouted abuse about my accent at the bus stop and told me to go home.",
    "[Synthetic demo report] Someone left a note on our door with insults about our religion.",
    "[Synthetic demo report] Neighbours play loud music late every night and swear at us when we ask.",
    "[Synthetic demo report] Abusive comments about my wheelchair were posted in a local online group.",
    "[Synthetic demo report] Young people threw stones at my windows and called me names.",
    "[Synthetic demo report] A man followed my partner and me and shouted homophobic abuse.",
    "[Synthetic demo report] My car was scratched with a hateful word after I moved in.",
]


def _weighted(rng, pairs):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights=weights, k=1)[0]


def _places(rng):
    """(postcode, ward code, LSOA code) of a spread of real-format Walsall postcodes (synthetic ones included)."""
    from places.models import Postcode
    from places.selectors import postcode_lookup

    postcodes = list(Postcode.objects.order_by("postcode").values_list("postcode", flat=True))
    found = []
    for postcode in rng.sample(postcodes, min(60, len(postcodes))):
        lookup = postcode_lookup(postcode)
        if lookup and lookup.ward:
            found.append((postcode, lookup.ward.gss_code, lookup.lsoa.code if lookup.lsoa else ""))
    return found


def load(rng):
    keys = [uuid.uuid5(_NAMESPACE, f"demo-report-{number}") for number in range(DEMO_REPORTS)]
    existing = set(Report.objects.filter(idempotency_key__in=keys).values_list("idempotency_key", flat=True))
    places = _places(rng)
    if not places:
        return "no postcodes imported: no demo reports"
    receipt_hash = receipts.hash_receipt(DEMO_RECEIPT)
    now = timezone.now()
    made = 0
    for number, key in enumerate(keys):
        # Draw every report's randomness in order, so a partial reload makes the same reports.
        values, consents, channel, when, status, messages = _draw(rng, number, places, now)
        if key in existing:
            continue
        submission = services.report_submit(
            answers=values,
            idempotency_key=key,
            consents=consents,
            channel=channel,
            is_demo=True,
            submitted_at=when,
            receipt_hash=receipt_hash,
        )
        report = submission.report
        Report.objects.filter(pk=report.pk).update(
            status=status, handler_role="" if status == Report.Status.RECEIVED else "hate_crime_caseworker"
        )
        for offset, (side, body) in enumerate(messages):
            services.message_send(
                report=report,
                author_side=side,
                body=body,
                notify=False,
                is_demo=True,
                now=when + datetime.timedelta(days=offset + 1),
            )
        report.updates.update(is_demo=True)
        made += 1
    if not made:
        return ""
    return (
        f"{made} synthetic reports across {len({ward for _p, ward, _l in places})} wards (demo receipt {DEMO_RECEIPT})"
    )


def _draw(rng, number, places, now):
    strands = list(_weighted(rng, STRAND_WEIGHTS))
    characteristics = []
    if Strand.HATE in strands:
        characteristics = sorted({_weighted(rng, CHARACTERISTIC_WEIGHTS) for _ in range(rng.choice([1, 1, 1, 2]))})
    postcode, ward_code, lsoa_code = rng.choice(places)
    when = now - datetime.timedelta(days=rng.randint(0, 540), hours=rng.randint(0, 23))
    online = rng.random() < 0.15
    preference = _weighted(
        rng, [(ContactPreference.ANONYMOUS, 45), (ContactPreference.CONFIDENTIAL, 35), (ContactPreference.NAMED, 20)]
    )
    channel = _weighted(rng, CHANNEL_WEIGHTS)
    role = _weighted(rng, ROLE_WEIGHTS)
    if channel == Channel.THIRD_PARTY_CENTRE:
        role = ReporterRole.THIRD_PARTY_CENTRE_STAFF
    elif channel in (Channel.PHONE, Channel.IN_PERSON):
        role = ReporterRole.STAFF
    values = {
        "reporter_role": role,
        "strands": strands,
        "characteristics": characteristics,
        "characteristic_other": "[Synthetic] hostility about a football team" if "other" in characteristics else "",
        "incident_date": (when - datetime.timedelta(days=rng.randint(0, 6))).date(),
        "incident_time_of_day": rng.choice(["morning", "afternoon", "evening", "night", "not_sure"]),
        "is_ongoing": rng.random() < 0.2,
        "location_kind": "online" if online else "place",
        "online_platform": "[Synthetic] a social media group" if online else "",
        "postcode": "" if online else postcode,
        "ward_code": "" if online else ward_code,
        "lsoa_code": "" if online else lsoa_code,
        "account": rng.choice(ACCOUNTS),
        "responsible_known": rng.choice(["yes", "no", "not_sure"]),
        "responsible_count": rng.choice(["one", "two_to_five", "more_than_five", "not_sure"]),
        "safe_now": rng.choice(["yes", "no", "not_sure"]),
        "support_wanted": rng.sample(["emotional", "safety", "practical", "police_action", "housing"], 2),
        "barriers": rng.sample(
            ["fear_of_reprisal", "immigration", "distrust_of_police", "language"], rng.randint(0, 2)
        ),
        "contact_preference": preference,
        "contact_method": "none" if preference == ContactPreference.ANONYMOUS else "email",
        "contact_name": "" if preference != ContactPreference.NAMED else f"Demo Reporter {number}",
        "contact_email": "" if preference == ContactPreference.ANONYMOUS else f"demo.reporter.{number}@example.test",
    }
    consents = [recipient for recipient in Consent.Recipient.values if rng.random() < 0.5]
    status = _weighted(rng, STATUS_WEIGHTS)
    messages = []
    if status != Report.Status.RECEIVED and rng.random() < 0.6:
        messages = [
            (Side.CASEWORKER, "[Synthetic demo message] Thank you for your report. How are you feeling now?"),
            (Side.REPORTER, "[Synthetic demo message] Thank you. I would like someone to call me."),
        ]
    return values, consents, channel, when, status, messages
