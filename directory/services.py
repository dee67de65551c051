"""Import and export of the directory in the Open Referral UK JSON and CSV forms.

JSON: service_full records (one, a list, or a page envelope with ``contents``), and also
service_at_location_full, organization_full, taxonomy and taxonomy_term records. CSV: a folder of
the standard's tables (examples/csv), singular or plural file names. Import is idempotent by id:
records are created or updated in place; importing a service_full replaces that service's nested
lists. Export writes what import reads, so a round trip loses nothing the models hold.
"""

import csv
import datetime
import decimal
import json
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db import models as dj
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.dateparse import parse_date, parse_datetime, parse_time
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import Organisation, User
from accounts.roles import Role
from core import notifications, page_cache

from . import models, notify, search, selectors, serializers
from .taxonomy import TAXONOMY_ID

# Our own fields: never imported or exported.
LOCAL_FIELDS = {"owner", "is_demo", "created_at", "updated_at", "ward_code", "lsoa21_code", "link_entity"}
# Model field → the standard's name, where they differ.
RENAMES = {models.TaxonomyTerm: {"taxonomy_name": "taxonomy"}}


class OpenReferralImportError(ValueError):
    pass


@dataclass
class ImportResult:
    counts: dict = field(default_factory=dict)
    warnings: list = field(default_factory=list)

    def count(self, model):
        name = model._meta.model_name
        self.counts[name] = self.counts.get(name, 0) + 1


def _fields(model):
    """(model field, standard name) for each field the standard carries."""
    renames = RENAMES.get(model, {})
    for f in model._meta.concrete_fields:
        if f.primary_key or f.name in LOCAL_FIELDS:
            continue
        name = f.attname if f.is_relation else f.name
        yield f, renames.get(f.name, name)


def _parse(f, value, model, result):
    if value is None or value == "":
        return None if f.null else ("" if not f.is_relation else None)
    if f.is_relation:
        try:
            return uuid.UUID(str(value))
        except ValueError:
            raise OpenReferralImportError(
                _("%(model)s %(field)s is not a UUID: %(value)s")
                % {"model": model.__name__, "field": f.attname, "value": value}
            ) from None
    if isinstance(f, dj.DateTimeField):
        parsed = parse_datetime(str(value))
        if parsed is not None and timezone.is_naive(parsed):
            parsed = timezone.make_aware(parsed, datetime.UTC)
    elif isinstance(f, dj.DateField):
        parsed = parse_date(str(value)[:10])
    elif isinstance(f, dj.TimeField):
        parsed = parse_time(str(value))
    elif isinstance(f, dj.FloatField):
        parsed = float(value)
    elif isinstance(f, dj.DecimalField):
        parsed = decimal.Decimal(str(value))
    elif isinstance(f, dj.IntegerField):
        parsed = int(float(value))
    elif isinstance(f, dj.UUIDField):
        parsed = uuid.UUID(str(value))
    else:
        return str(value)
    if parsed is None:
        raise OpenReferralImportError(
            _("%(model)s %(field)s cannot be read: %(value)s")
            % {"model": model.__name__, "field": f.name, "value": value}
        )
    return parsed


def upsert(model, data, result, partial=False, **values):
    """Create or update the ``model`` record ``data["id"]`` from the standard's fields in ``data``.

    Missing fields are blanked unless ``partial`` (CSV tables that lack some columns).
    ``values`` (model attribute → value) set relations implied by nesting.
    """
    if not data.get("id"):
        raise OpenReferralImportError(_("A %(model)s record has no id.") % {"model": model.__name__})
    pk = uuid.UUID(str(data["id"]))
    defaults = {}
    for f, name in _fields(model):
        if f.attname in values or f.name in values:
            continue
        if name not in data:
            if partial or (isinstance(f, dj.DateTimeField) and not f.null):
                continue
            defaults[f.attname] = None if f.null else ""
            continue
        defaults[f.attname] = _parse(f, data[name], model, result)
    defaults.update(values)
    for f in model._meta.concrete_fields:
        # Dangling references to constrained tables cannot be stored: drop them, with a warning.
        target = defaults.get(f.attname)
        if f.is_relation and f.db_constraint and target and not _exists(f.related_model, target, result):
            result.warnings.append(
                _("%(model)s %(id)s: %(field)s %(target)s is not in the data; left empty.")
                % {"model": model.__name__, "id": pk, "field": f.attname, "target": target}
            )
            defaults[f.attname] = None
    obj, _created = model.objects.update_or_create(id=pk, defaults=defaults)
    result.count(model)
    return obj


def _exists(model, pk, result):
    return model.objects.filter(pk=pk).exists()


# JSON import ----------------------------------------------------------------------------------------


def _attributes(items, link_id, entity, result):
    seen = []
    for item in items or []:
        term = item.get("taxonomy_term")
        if term:
            upsert(models.TaxonomyTerm, term, result)
            item = {**item, "taxonomy_term_id": term["id"]}
        item = {**item, "link_id": item.get("link_id") or str(link_id)}
        seen.append(upsert(models.Attribute, item, result, link_entity=entity).id)
    return seen


def _replace(queryset, keep):
    queryset.exclude(id__in=keep).delete()


def import_organization(data, result):
    fields = {k: v for k, v in data.items() if k not in ("organization_identifiers", "attributes", "services")}
    org = upsert(models.Organization, fields, result)
    for item in data.get("organization_identifiers") or []:
        identifier = upsert(models.OrganizationIdentifier, item, result, organization_id=org.id)
        _attributes(item.get("attributes"), identifier.id, "organization_identifier", result)
    _attributes(data.get("attributes"), org.id, "organization", result)
    for service in data.get("services") or []:
        import_service({**service, "organization_id": str(org.id)}, result)
    return org


def import_location(data, result):
    fields = {k: v for k, v in data.items() if k not in ("addresses", "accessibility", "attributes")}
    location = upsert(models.Location, fields, result)
    for item in data.get("addresses") or []:
        address = upsert(models.Address, item, result, location_id=location.id)
        _attributes(item.get("attributes"), address.id, "address", result)
    for item in data.get("accessibility") or []:
        accessibility = upsert(models.Accessibility, item, result, location_id=location.id)
        _attributes(item.get("attributes"), accessibility.id, "accessibility", result)
    _attributes(data.get("attributes"), location.id, "location", result)
    return location


SERVICE_LISTS = {
    "schedules": models.Schedule,
    "service_areas": models.ServiceArea,
    "languages": models.Language,
    "funding": models.Funding,
    "cost_options": models.CostOption,
}
NESTED = {"organization", "service_at_locations", "contacts", "attributes", *SERVICE_LISTS}


def import_service(data, result):
    organization_id = data.get("organization_id")
    if data.get("organization"):
        organization_id = str(import_organization(data["organization"], result).id)
    fields = {k: v for k, v in data.items() if k not in NESTED}
    if organization_id:
        fields["organization_id"] = organization_id
    service = upsert(models.Service, fields, result)
    for key, model in SERVICE_LISTS.items():
        if key not in data:
            continue
        keep = [upsert(model, item, result, service_id=service.id).id for item in data[key] or []]
        _replace(model.objects.filter(service=service), keep)
    if "contacts" in data:
        keep = []
        for item in data["contacts"] or []:
            fields = {k: v for k, v in item.items() if k not in ("phones", "attributes")}
            contact = upsert(models.Contact, fields, result, service_id=service.id)
            for phone in item.get("phones") or []:
                upsert(models.Phone, phone, result, contact_id=contact.id)
            _attributes(item.get("attributes"), contact.id, "contact", result)
            keep.append(contact.id)
        _replace(models.Contact.objects.filter(service=service), keep)
    if "service_at_locations" in data:
        keep = []
        for item in data["service_at_locations"] or []:
            location_id = item.get("location_id")
            if item.get("location"):
                location_id = import_location(item["location"], result).id
            fields = {k: v for k, v in item.items() if k not in ("location", "attributes")}
            sal = upsert(models.ServiceAtLocation, fields, result, service_id=service.id, location_id=location_id)
            _attributes(item.get("attributes"), sal.id, "service_at_location", result)
            keep.append(sal.id)
        _replace(models.ServiceAtLocation.objects.filter(service=service), keep)
    if "attributes" in data:
        keep = _attributes(data["attributes"], service.id, "service", result)
        _replace(models.Attribute.objects.filter(link_id=service.id), keep)
    return service


def import_service_at_location(data, result):
    service = import_service(data["service"], result) if data.get("service") else None
    location = import_location(data["location"], result) if data.get("location") else None
    fields = {k: v for k, v in data.items() if k not in ("service", "location", "attributes")}
    sal = upsert(
        models.ServiceAtLocation,
        fields,
        result,
        service_id=service.id if service else uuid.UUID(data["service_id"]),
        location_id=location.id if location else uuid.UUID(data["location_id"]),
    )
    _attributes(data.get("attributes"), sal.id, "service_at_location", result)
    return sal


def import_taxonomy(data, result):
    taxonomy = upsert(models.Taxonomy, {k: v for k, v in data.items() if k != "taxonomy_terms"}, result)
    for term in data.get("taxonomy_terms") or []:
        upsert(models.TaxonomyTerm, {"taxonomy_id": str(taxonomy.id), **term}, result)
    return taxonomy


def import_record(data, result):
    """One JSON value of any shape the standard publishes."""
    if isinstance(data, list):
        for item in data:
            import_record(item, result)
    elif not isinstance(data, dict):
        raise OpenReferralImportError(_("Expected a JSON object or list."))
    elif "contents" in data:
        import_record(data["contents"], result)
    elif "status" in data:
        import_service(data, result)
    elif "service" in data and "location" in data:
        import_service_at_location(data, result)
    elif "services" in data or "organization_identifiers" in data:
        import_organization(data, result)
    elif "taxonomy_terms" in data or "version" in data or "uri" in data:
        import_taxonomy(data, result)
    elif {"parent_id", "taxonomy", "taxonomy_id", "term", "term_uri"} & data.keys():
        upsert(models.TaxonomyTerm, data, result)
    else:
        raise OpenReferralImportError(_("Record %(id)s is of no shape this importer knows.") % {"id": data.get("id")})


# CSV ------------------------------------------------------------------------------------------------

# (file names, singular first, model), in an order that creates what others refer to first.
CSV_TABLES = [
    (("taxonomy", "taxonomies"), models.Taxonomy),
    (("taxonomy_terms",), models.TaxonomyTerm),
    (("organizations",), models.Organization),
    (("organization_identifiers",), models.OrganizationIdentifier),
    (("services",), models.Service),
    (("locations",), models.Location),
    (("address", "addresses"), models.Address),
    (("accessibility",), models.Accessibility),
    (("service_at_location",), models.ServiceAtLocation),
    (("contacts",), models.Contact),
    (("phones",), models.Phone),
    (("schedule", "schedules"), models.Schedule),
    (("languages",), models.Language),
    (("cost_options",), models.CostOption),
    (("service_areas",), models.ServiceArea),
    (("funding",), models.Funding),
    (("attribute",), models.Attribute),
]
IGNORED_CSV = {"programs", "required_documents", "meta_table_descriptions"}
LINKABLE = [
    (models.Service, "service"),
    (models.Organization, "organization"),
    (models.Location, "location"),
    (models.ServiceAtLocation, "service_at_location"),
    (models.Address, "address"),
    (models.Accessibility, "accessibility"),
    (models.Contact, "contact"),
    (models.OrganizationIdentifier, "organization_identifier"),
]


def _link_entity(link_id):
    try:
        pk = uuid.UUID(str(link_id))
    except ValueError:
        return ""
    for model, entity in LINKABLE:
        if model.objects.filter(pk=pk).exists():
            return entity
    return ""


def import_csv_folder(folder, result):
    folder = Path(folder)
    known = {name for names, _model in CSV_TABLES for name in names}
    for path in sorted(folder.glob("*.csv")):
        if path.stem in IGNORED_CSV or path.stem not in known:
            result.warnings.append(_("%(file)s is not part of the UK profile; not imported.") % {"file": path.name})
    for names, model in CSV_TABLES:
        for name in names:
            path = folder / f"{name}.csv"
            if not path.exists():
                continue
            with path.open(newline="", encoding="utf-8-sig") as handle:
                for row in csv.DictReader(handle):
                    values = {"link_entity": _link_entity(row.get("link_id"))} if model is models.Attribute else {}
                    upsert(model, row, result, partial=True, **values)


# Import entry point ----------------------------------------------------------------------------------


@transaction.atomic
def import_openreferral(path):
    """Import a JSON file, a folder of JSON files, or a folder of CSV tables."""
    path = Path(path)
    result = ImportResult()
    if path.is_dir():
        if any(path.glob("*.csv")):
            import_csv_folder(path, result)
        json_files = sorted(path.glob("*.json"))
        # Taxonomies first, so terms and attributes find their vocabularies.
        for file in sorted(json_files, key=lambda f: ("taxonom" not in f.name, f.name)):
            import_record(json.loads(file.read_text(encoding="utf-8")), result)
    elif path.suffix.lower() == ".csv":
        import_csv_folder(path.parent, result)
    else:
        import_record(json.loads(path.read_text(encoding="utf-8")), result)
    return result


# Export ---------------------------------------------------------------------------------------------


def services_json():
    """Every service as service_full, in a fixed number of queries."""
    services = list(selectors.services_full().order_by("name", "id"))
    context = {"attributes": selectors.attach_attributes(services)}
    return serializers.ServiceSerializer(services, many=True, context=context).data


def taxonomies_json():
    return serializers.TaxonomyWithTermsSerializer(selectors.taxonomies(with_terms=True), many=True).data


def _csv_value(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return serializers.UTCDateTimeField().to_representation(value)
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, float | decimal.Decimal):
        return serializers.NumberField().to_representation(value)
    return str(value)


def export_csv(folder):
    """One CSV per table, named as in the standard (the plural name where it has two)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for names, model in CSV_TABLES:
        columns = [("id", "id"), *((f.attname, name) for f, name in _fields(model))]
        path = folder / f"{names[-1]}.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow([name for _attname, name in columns])
            for row in model.objects.order_by("id").values_list(*(attname for attname, _name in columns)):
                writer.writerow([_csv_value(value) for value in row])
        written.append(path)
    return written


def export_json(target):
    """A .json path: every service_full in one list. A folder: services.json and taxonomies.json."""
    target = Path(target)
    if target.suffix.lower() == ".json":
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(services_json(), indent=2, ensure_ascii=False), encoding="utf-8")
        return [target]
    target.mkdir(parents=True, exist_ok=True)
    files = {"taxonomies.json": taxonomies_json(), "services.json": services_json()}
    for name, data in files.items():
        (target / name).write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    return [target / name for name in files]


def export_openreferral(target, fmt="json"):
    if fmt == "csv":
        return export_csv(target)
    return export_json(target)


# Editing --------------------------------------------------------------------------------------------

# Snapshot keys that are applied together (a change to one rewrites the records behind them all).
SNAPSHOT_GROUPS = {
    "service": ("name", "description", "url", "email", "minimum_age", "maximum_age"),
    "organization": ("organization",),
    "phone": ("phone",),
    "categories": ("categories",),
    "languages": ("languages",),
    "cost": ("cost", "fees", "cost_amount"),
    "location": ("location_name", "address_1", "address_2", "city", "postcode", "latitude", "longitude"),
    "accessibility": ("accessibility",),
    "hours": tuple(f"{edge}_{code}" for code in selectors.DAYS for edge in ("opens", "closes")),
}


def changed_keys(before, after):
    """The snapshot keys whose values differ."""
    return {key for key in after if before.get(key) != after.get(key)}


def _organization_for(value):
    """A directory organisation from the form's value; ``own:<pk>`` makes the partner's own entry once."""
    if value.startswith("own:"):
        owner = Organisation.objects.get(pk=int(value.removeprefix("own:")))
        organization = models.Organization.objects.filter(owner=owner).order_by("name", "id").first()
        if organization is None:
            organization = models.Organization.objects.create(name=owner.name, owner=owner, is_demo=owner.is_demo)
        return organization
    return models.Organization.objects.get(pk=value)


def _english(label):
    with translation.override("en"):
        return str(label)


def _apply_location(service, proposed, keys):
    link = models.ServiceAtLocation.objects.filter(service=service).select_related("location").order_by("id").first()
    location = link.location if link else None
    if keys & set(SNAPSHOT_GROUPS["location"]):
        if not (proposed["address_1"] or proposed["location_name"]):
            if link is not None:
                link.delete()  # the venue may host other services: only this service leaves it
            return
        if location is None:
            location = models.Location(organization=service.organization)
        location.name = proposed["location_name"]
        location.latitude = proposed["latitude"]
        location.longitude = proposed["longitude"]
        location.save()
        if link is None:
            models.ServiceAtLocation.objects.create(service=service, location=location)
        if proposed["address_1"]:
            address = location.addresses.order_by("id").first() or models.Address(location=location)
            address.address_1 = proposed["address_1"]
            address.address_2 = proposed["address_2"]
            address.city = proposed["city"] or "Walsall"
            address.state_province = address.state_province or "West Midlands"
            address.postal_code = proposed["postcode"]
            address.save()
    if "accessibility" in keys and location is not None:
        known = {key: _english(label) for key, label, _words in search.ACCESSIBILITY_FEATURES}
        stale = [
            record.pk
            for record in location.accessibility.all()
            if any(
                words in f"{record.description} {record.details}".lower()
                for _k, _l, words in search.ACCESSIBILITY_FEATURES
            )
        ]
        models.Accessibility.objects.filter(pk__in=stale).delete()
        models.Accessibility.objects.bulk_create(
            models.Accessibility(location=location, description=known[key]) for key in proposed["accessibility"]
        )


def _apply_hours(service, proposed):
    weekly = [
        schedule.pk
        for schedule in service.schedules.all()
        if schedule.freq in ("", models.Schedule.Freq.WEEKLY) and schedule.opens_at and schedule.closes_at
    ]
    models.Schedule.objects.filter(pk__in=weekly).delete()
    by_times = {}
    for code in selectors.DAYS:
        opens, closes = proposed[f"opens_{code}"], proposed[f"closes_{code}"]
        if opens and closes:
            by_times.setdefault((opens, closes), []).append(code)
    models.Schedule.objects.bulk_create(
        models.Schedule(
            service=service,
            freq=models.Schedule.Freq.WEEKLY,
            interval=1,
            byday=",".join(days),
            opens_at=parse_time(opens),
            closes_at=parse_time(closes),
        )
        for (opens, closes), days in by_times.items()
    )


def _apply_snapshot(service, proposed, keys):
    """Write the snapshot's ``keys`` onto ``service`` and its records; other records are left alone."""
    for key in SNAPSHOT_GROUPS["service"]:
        if key in keys:
            value = proposed[key]
            setattr(service, key, float(value) if key.endswith("_age") and value is not None else value)
    if "organization" in keys:
        service.organization = _organization_for(proposed["organization"])
    if keys & set(SNAPSHOT_GROUPS["cost"]) and proposed["cost"]:
        service.fees = proposed["fees"] if proposed["cost"] == "paid" else ""
    service.last_modified = timezone.now()
    service.save()

    if "phone" in keys:
        phone = service.phones.order_by("id").first()
        if proposed["phone"] and phone:
            phone.number = proposed["phone"]
            phone.save(update_fields=["number"])
        elif proposed["phone"]:
            models.Phone.objects.create(service=service, number=proposed["phone"], type="voice")
        else:
            service.phones.all().delete()
    if "categories" in keys:
        models.Attribute.objects.filter(
            link_id=service.pk,
            link_entity=models.Attribute.LinkEntity.SERVICE,
            taxonomy_term__taxonomy_id=TAXONOMY_ID,
        ).delete()
        terms = models.TaxonomyTerm.objects.filter(pk__in=proposed["categories"]).values_list("pk", flat=True)
        models.Attribute.objects.bulk_create(
            models.Attribute(
                link_id=service.pk,
                link_type="service",
                link_entity=models.Attribute.LinkEntity.SERVICE,
                taxonomy_term_id=pk,
            )
            for pk in terms
        )
    if "languages" in keys:
        listed = [
            language.pk
            for language in service.languages.all()
            if (language.code or "").lower() in search.LANGUAGE_NAMES
        ]
        models.Language.objects.filter(pk__in=listed).delete()
        models.Language.objects.bulk_create(
            models.Language(service=service, code=code, name=search.ENGLISH_LANGUAGE_NAMES[code])
            for code in proposed["languages"]
        )
    if keys & set(SNAPSHOT_GROUPS["cost"]) and proposed["cost"]:
        service.cost_options.all().delete()
        if proposed["cost"] == "free":
            models.CostOption.objects.create(service=service, option="Free", currency="GBP", amount=0)
        elif proposed["cost_amount"]:
            models.CostOption.objects.create(
                service=service, option="From", currency="GBP", amount=decimal.Decimal(proposed["cost_amount"])
            )
    _apply_location(service, proposed, keys)
    if keys & set(SNAPSHOT_GROUPS["hours"]):
        _apply_hours(service, proposed)
    return service


def _assure(service, user, today=None):
    service.assured_date = today or timezone.localdate()
    service.assurer_email = user.email
    service.save(update_fields=["assured_date", "assurer_email"])


def service_change_submit(*, user, service, proposed, idempotency_key, publish):
    """Record an editor's change; ``publish`` (council editors) applies it at once and marks it checked.

    Returns (change, created). The same ``idempotency_key`` twice returns the first change and does
    nothing more, so a double submit never makes two changes (nor applies one twice).
    """
    existing = models.ServiceChange.objects.filter(idempotency_key=idempotency_key).first()
    if existing is not None:
        return existing, False
    base = selectors.service_snapshot(selectors.service_for_editing(service.pk)) if service else {}
    try:
        with transaction.atomic():
            change = models.ServiceChange.objects.create(
                service=service,
                proposed=proposed,
                base=base,
                organisation_id=user.organisation_id,
                proposed_by=user,
                idempotency_key=idempotency_key,
            )
            if publish:
                _publish(change, user)
            elif service is not None:
                models.ServiceChange.objects.filter(
                    service=service, status=models.ServiceChange.Status.PENDING
                ).exclude(pk=change.pk).update(status=models.ServiceChange.Status.SUPERSEDED)
    except IntegrityError:
        return models.ServiceChange.objects.get(idempotency_key=idempotency_key), False
    return change, True


def _publish(change, user, *, status=models.ServiceChange.Status.APPLIED):
    if change.service is None:
        service = models.Service(name=change.proposed["name"])
        keys = set(change.proposed)
    else:
        service = change.service
        keys = changed_keys(change.base, change.proposed)
    _apply_snapshot(service, change.proposed, keys)
    _assure(service, user)
    change.service = service
    change.status = status
    change.decided_by = user
    change.decided_at = timezone.now()
    change.save(update_fields=["service", "status", "decided_by", "decided_at"])
    transaction.on_commit(page_cache.invalidate)


# Staff accounts hold no preferred language, so what the directory emails them is written in the
# site's language, never in whatever language the person whose action sent it was browsing in.
EMAIL_LANGUAGE = settings.LANGUAGE_CODE


def _tell_proposer(change, outcome, reason=""):
    proposer = change.proposed_by
    if proposer is None or not proposer.is_active:
        return
    with translation.override(EMAIL_LANGUAGE):
        _send_decision(change, proposer, str(outcome), reason)


def _send_decision(change, proposer, outcome, reason):
    notifications.send_email(
        to=proposer.email,
        template_id=notify.CHANGE_DECIDED_TEMPLATE_ID,
        personalisation={
            "service": change.proposed.get("name", ""),
            "outcome": outcome,
            "reason": reason,
            "link": notifications.site_url(reverse("directory:staff_service_list")),
        },
        reference=f"directory-change-{change.pk}",
    )


@transaction.atomic
def service_change_approve(*, change, user):
    """Publish a pending change. False if someone has already decided it (a second click does nothing)."""
    claimed = models.ServiceChange.objects.filter(pk=change.pk, status=models.ServiceChange.Status.PENDING).update(
        status=models.ServiceChange.Status.APPROVED
    )
    if not claimed:
        return False
    change.refresh_from_db()
    _publish(change, user, status=models.ServiceChange.Status.APPROVED)
    _tell_proposer(change, gettext_lazy("approved and published"))
    return True


@transaction.atomic
def service_change_reject(*, change, user, reason):
    """Reject a pending change with a reason the proposer sees. False if it was already decided."""
    claimed = models.ServiceChange.objects.filter(pk=change.pk, status=models.ServiceChange.Status.PENDING).update(
        status=models.ServiceChange.Status.REJECTED,
        decided_by=user,
        decided_at=timezone.now(),
        rejection_reason=reason.strip(),
    )
    if not claimed:
        return False
    change.refresh_from_db()
    _tell_proposer(change, gettext_lazy("not published"), change.rejection_reason)
    return True


@transaction.atomic
def service_mark_checked(*, service, user):
    """The details are still correct: the service counts as checked today (twice in a day is once)."""
    _assure(service, user)
    transaction.on_commit(page_cache.invalidate)


# Reminders to check ---------------------------------------------------------------------------------


def _reminder_text(services, today):
    lines = []
    for service in services:
        due = selectors.check_due_date(service.assured_date)
        if due is None:
            lines.append(_("* %(name)s: never checked") % {"name": service.name})
        elif due < today:
            lines.append(
                _("* %(name)s: was due on %(date)s") % {"name": service.name, "date": date_format(due, "j F Y")}
            )
        else:
            lines.append(_("* %(name)s: due by %(date)s") % {"name": service.name, "date": date_format(due, "j F Y")})
    return "\n".join(lines)


@transaction.atomic
def assurance_reminders_send(*, today=None):
    """Email each owner organisation's partner users about services due for checking. Idempotent.

    A service is reminded once when it is due within ``REMIND_DAYS_BEFORE`` days, and once on the
    first day it is overdue, per assured date: checking it starts the cycle again. Services whose
    organisation has no active partner user are not recorded, so they are reminded once someone is.
    Returns (emails sent, services reminded).
    """
    today = today or timezone.localdate()
    soon_cutoff = search.months_before(
        today + datetime.timedelta(days=selectors.REMIND_DAYS_BEFORE), search.STALE_AFTER_MONTHS
    )
    candidates = list(
        models.Service.objects.filter(status=models.Service.Status.ACTIVE, organization__owner__isnull=False)
        .filter(dj.Q(assured_date__isnull=True) | dj.Q(assured_date__lt=soon_cutoff))
        .select_related("organization__owner")
        .order_by("name", "id")
    )
    sent = {
        (service_id, key, kind)
        for service_id, key, kind in models.AssuranceReminder.objects.filter(service__in=candidates).values_list(
            "service_id", "assured_key", "kind"
        )
    }
    due = defaultdict(list)
    for service in candidates:
        kind = (
            models.AssuranceReminder.Kind.OVERDUE
            if search.is_stale(service.assured_date, today)
            else models.AssuranceReminder.Kind.DUE_SOON
        )
        key = service.assured_date.isoformat() if service.assured_date else "never"
        if (service.pk, key, kind) not in sent:
            due[(service.organization.owner, kind)].append((service, key))
    recipients = defaultdict(list)
    for user in User.objects.filter(
        organisation__in={owner for owner, _kind in due}, is_active=True, groups__name=Role.PARTNER_ORGANISATION_USER
    ).order_by("email"):
        recipients[user.organisation_id].append(user.email)
    with translation.override(EMAIL_LANGUAGE):
        return _send_reminders(due, recipients, today)


def _send_reminders(due, recipients, today):
    emails = reminded = 0
    link = notifications.site_url(reverse("directory:staff_service_list"))
    for (owner, kind), items in due.items():
        addresses = recipients.get(owner.pk, [])
        if not addresses:
            continue
        models.AssuranceReminder.objects.bulk_create(
            models.AssuranceReminder(service=service, assured_key=key, kind=kind, recipients=len(addresses))
            for service, key in items
        )
        services = [service for service, _key in items]
        for address in addresses:
            notifications.send_email(
                to=address,
                template_id=notify.ASSURANCE_REMINDER_TEMPLATE_ID,
                personalisation={
                    "organisation": owner.name,
                    "count": len(services),
                    "services": _reminder_text(services, today),
                    "link": link,
                },
                reference=f"directory-assurance-{kind}-{owner.pk}-{today.isoformat()}",
            )
            emails += 1
        reminded += len(items)
    return emails, reminded
