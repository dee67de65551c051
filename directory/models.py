"""The services directory, on the Open Referral UK standard (the UK profile of HSDS 3.0).

Tables and field names follow the standard (schema/*.json in the shared specs) so that the API
serializers and the JSON/CSV import and export map one field to one field. Every record has a
UUID primary key, as the standard requires, so that ids survive import and export unchanged.

Local additions (not in the standard): ``Organization.owner`` (the partner organisation that
maintains an entry), ``is_demo`` flags, ``Location.ward_code`` and ``Location.lsoa21_code``
(derived from the point, for ward filters), and ``Attribute.link_entity`` (which table
``link_id`` points at; the UK profile only carries ``link_type``).

References that the standard allows to dangle (a term's parent, an organisation's parent, a
term's taxonomy) are foreign keys without a database constraint, so data that refers to records
published elsewhere imports without loss.
"""

import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def _uuid_pk():
    return models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)


class LocationType(models.TextChoices):
    PHYSICAL = "physical", _("Physical")
    POSTAL = "postal", _("Postal")
    VIRTUAL = "virtual", _("Virtual")


class Taxonomy(models.Model):
    id = _uuid_pk()
    name = models.CharField(_("name"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    uri = models.URLField(_("URI"), max_length=500, blank=True)
    version = models.CharField(_("version"), max_length=100, blank=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("taxonomy")
        verbose_name_plural = _("taxonomies")

    def __str__(self):
        return self.name


class TaxonomyTerm(models.Model):
    id = _uuid_pk()
    name = models.CharField(_("name"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent term"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        db_constraint=False,
        related_name="children",
    )
    taxonomy = models.ForeignKey(
        Taxonomy,
        verbose_name=_("taxonomy"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        db_constraint=False,
        related_name="taxonomy_terms",
    )
    # The standard's free-text "taxonomy" field (the vocabulary's name), served as ``taxonomy``.
    taxonomy_name = models.CharField(_("taxonomy name"), max_length=255, blank=True)
    term_uri = models.URLField(_("term URI"), max_length=500, blank=True)
    term = models.CharField(_("term code"), max_length=255, blank=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("taxonomy term")
        verbose_name_plural = _("taxonomy terms")
        indexes = [models.Index(fields=["taxonomy", "name"], name="directory_term_taxonomy")]

    def __str__(self):
        return self.name


class Organization(models.Model):
    id = _uuid_pk()
    name = models.CharField(_("name"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), max_length=500, blank=True)
    logo = models.CharField(_("logo"), max_length=500, blank=True)
    uri = models.URLField(_("URI"), max_length=500, blank=True)
    parent_organization = models.ForeignKey(
        "self",
        verbose_name=_("parent organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        db_constraint=False,
        related_name="child_organizations",
    )
    owner = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("maintained by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="directory_organizations",
        help_text=_("The partner organisation that keeps this entry up to date."),
    )
    is_demo = models.BooleanField(
        _("demonstration data"), default=False, help_text=_("Synthetic demonstration data, not a real record.")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("organisation (directory)")
        verbose_name_plural = _("organisations (directory)")

    def __str__(self):
        return self.name


class OrganizationIdentifier(models.Model):
    id = _uuid_pk()
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="organization_identifiers", verbose_name=_("organisation")
    )
    identifier_scheme = models.CharField(_("identifier scheme"), max_length=100, blank=True)
    identifier_type = models.CharField(_("identifier type"), max_length=255)
    identifier = models.CharField(_("identifier"), max_length=255)

    class Meta:
        ordering = ["identifier_type", "id"]
        verbose_name = _("organisation identifier")
        verbose_name_plural = _("organisation identifiers")

    def __str__(self):
        return f"{self.identifier_scheme or self.identifier_type}: {self.identifier}"


class Service(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        INACTIVE = "inactive", _("Inactive")
        DEFUNCT = "defunct", _("Defunct")
        TEMPORARILY_CLOSED = "temporarily closed", _("Temporarily closed")

    id = _uuid_pk()
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="services",
    )
    name = models.CharField(_("name"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    url = models.URLField(_("website"), max_length=500, blank=True)
    email = models.EmailField(_("email"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE)
    fees = models.TextField(_("fees"), blank=True)
    accreditations = models.TextField(_("accreditations"), blank=True)
    minimum_age = models.FloatField(_("minimum age"), null=True, blank=True, validators=[MinValueValidator(0)])
    maximum_age = models.FloatField(_("maximum age"), null=True, blank=True, validators=[MinValueValidator(0)])
    assured_date = models.DateField(_("assured on"), null=True, blank=True)
    assurer_email = models.EmailField(_("assured by (email)"), blank=True)
    alert = models.TextField(_("alert"), blank=True)
    last_modified = models.DateTimeField(_("last modified"), default=timezone.now, db_index=True)
    is_demo = models.BooleanField(
        _("demonstration data"), default=False, help_text=_("Synthetic demonstration data, not a real record.")
    )

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("service")
        verbose_name_plural = _("services")
        indexes = [
            models.Index(fields=["status", "name"], name="directory_service_status"),
            models.Index(fields=["minimum_age", "maximum_age"], name="directory_service_ages"),
        ]

    def __str__(self):
        return self.name


class Location(models.Model):
    id = _uuid_pk()
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="locations",
    )
    location_type = models.CharField(
        _("location type"), max_length=10, choices=LocationType.choices, default=LocationType.PHYSICAL
    )
    name = models.CharField(_("name"), max_length=255, blank=True)
    description = models.TextField(_("description"), blank=True)
    latitude = models.FloatField(
        _("latitude"), null=True, blank=True, validators=[MinValueValidator(-90), MaxValueValidator(90)]
    )
    longitude = models.FloatField(
        _("longitude"), null=True, blank=True, validators=[MinValueValidator(-180), MaxValueValidator(180)]
    )
    external_identifier = models.CharField(_("external identifier"), max_length=100, blank=True)
    external_identifier_type = models.CharField(_("external identifier type"), max_length=50, blank=True)
    # Derived from the point on save (places.selectors): not part of the standard, never imported.
    ward_code = models.CharField(_("ward code"), max_length=9, blank=True, editable=False)
    lsoa21_code = models.CharField(_("LSOA 2021 code"), max_length=9, blank=True, editable=False)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("location")
        verbose_name_plural = _("locations")
        indexes = [
            models.Index(fields=["latitude", "longitude"], name="directory_location_point"),
            models.Index(fields=["ward_code"], name="directory_location_ward"),
            models.Index(fields=["lsoa21_code"], name="directory_location_lsoa"),
        ]

    def __str__(self):
        return self.name or str(self.id)

    def save(self, *args, **kwargs):
        from .geography import place_location

        place_location(self)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"latitude", "longitude"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "ward_code", "lsoa21_code"}
        super().save(*args, **kwargs)


class Address(models.Model):
    id = _uuid_pk()
    location = models.ForeignKey(
        Location, on_delete=models.CASCADE, related_name="addresses", verbose_name=_("location")
    )
    attention = models.CharField(_("for the attention of"), max_length=255, blank=True)
    address_1 = models.CharField(_("address line 1"), max_length=255)
    address_2 = models.CharField(_("address line 2"), max_length=255, blank=True)
    city = models.CharField(_("town or city"), max_length=255)
    region = models.CharField(_("region"), max_length=255, blank=True)
    state_province = models.CharField(_("county"), max_length=255)
    postal_code = models.CharField(_("postcode"), max_length=20)
    country = models.CharField(_("country"), max_length=2, default="GB")
    address_type = models.CharField(
        _("address type"), max_length=10, choices=LocationType.choices, default=LocationType.PHYSICAL
    )

    class Meta:
        ordering = ["address_1", "id"]
        verbose_name = _("address")
        verbose_name_plural = _("addresses")
        indexes = [models.Index(fields=["postal_code"], name="directory_address_postcode")]

    def __str__(self):
        return ", ".join(part for part in (self.address_1, self.city, self.postal_code) if part)


class ServiceAtLocation(models.Model):
    id = _uuid_pk()
    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, related_name="service_at_locations", verbose_name=_("service")
    )
    location = models.ForeignKey(
        Location, on_delete=models.CASCADE, related_name="service_at_locations", verbose_name=_("location")
    )
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["service__name", "id"]
        verbose_name = _("service at a location")
        verbose_name_plural = _("services at locations")

    def __str__(self):
        return f"{self.service_id} @ {self.location_id}"


class Contact(models.Model):
    id = _uuid_pk()
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.CASCADE, related_name="contacts"
    )
    service = models.ForeignKey(Service, null=True, blank=True, on_delete=models.CASCADE, related_name="contacts")
    service_at_location = models.ForeignKey(
        ServiceAtLocation, null=True, blank=True, on_delete=models.CASCADE, related_name="contacts"
    )
    location = models.ForeignKey(Location, null=True, blank=True, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("name"), max_length=255, blank=True)
    title = models.CharField(_("job title"), max_length=255, blank=True)
    department = models.CharField(_("department"), max_length=255, blank=True)
    email = models.EmailField(_("email"), blank=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")

    def __str__(self):
        return self.name or self.title or str(self.id)


class Phone(models.Model):
    id = _uuid_pk()
    contact = models.ForeignKey(Contact, null=True, blank=True, on_delete=models.CASCADE, related_name="phones")
    service = models.ForeignKey(Service, null=True, blank=True, on_delete=models.CASCADE, related_name="phones")
    location = models.ForeignKey(Location, null=True, blank=True, on_delete=models.CASCADE, related_name="phones")
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.CASCADE, related_name="phones"
    )
    service_at_location = models.ForeignKey(
        ServiceAtLocation, null=True, blank=True, on_delete=models.CASCADE, related_name="phones"
    )
    number = models.CharField(_("number"), max_length=50)
    extension = models.CharField(_("extension"), max_length=20, blank=True)
    type = models.CharField(_("type"), max_length=20, blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["number", "id"]
        verbose_name = _("phone")
        verbose_name_plural = _("phones")

    def __str__(self):
        return self.number


class Schedule(models.Model):
    """When a service is open, as an RFC 5545 (iCalendar) recurrence rule plus opening times."""

    class Freq(models.TextChoices):
        WEEKLY = "WEEKLY", _("Weekly")
        MONTHLY = "MONTHLY", _("Monthly")

    id = _uuid_pk()
    service = models.ForeignKey(Service, null=True, blank=True, on_delete=models.CASCADE, related_name="schedules")
    location = models.ForeignKey(Location, null=True, blank=True, on_delete=models.CASCADE, related_name="schedules")
    service_at_location = models.ForeignKey(
        ServiceAtLocation, null=True, blank=True, on_delete=models.CASCADE, related_name="schedules"
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    dtstart = models.DateField(_("first occurrence"), null=True, blank=True)
    timezone = models.CharField(_("time zone"), max_length=50, blank=True)
    until = models.DateField(_("until"), null=True, blank=True)
    count = models.PositiveIntegerField(_("count"), null=True, blank=True)
    wkst = models.CharField(_("week start"), max_length=2, blank=True)
    freq = models.CharField(_("frequency"), max_length=10, choices=Freq.choices, blank=True)
    interval = models.PositiveIntegerField(_("interval"), null=True, blank=True)
    byday = models.CharField(_("days"), max_length=100, blank=True, help_text=_("e.g. MO,TU or 1MO,-1FR"))
    byweekno = models.CharField(_("week numbers"), max_length=100, blank=True)
    bymonthday = models.CharField(_("days of the month"), max_length=100, blank=True)
    byyearday = models.CharField(_("days of the year"), max_length=100, blank=True)
    description = models.TextField(_("description"), blank=True)
    opens_at = models.TimeField(_("opens at"), null=True, blank=True)
    closes_at = models.TimeField(_("closes at"), null=True, blank=True)
    schedule_link = models.URLField(_("schedule link"), max_length=500, blank=True)
    attending_type = models.CharField(_("attending type"), max_length=255, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["opens_at", "id"]
        verbose_name = _("schedule")
        verbose_name_plural = _("schedules")
        indexes = [models.Index(fields=["opens_at", "closes_at"], name="directory_schedule_times")]

    def __str__(self):
        return self.description or f"{self.freq} {self.byday} {self.opens_at}-{self.closes_at}"


class Language(models.Model):
    id = _uuid_pk()
    service = models.ForeignKey(Service, null=True, blank=True, on_delete=models.CASCADE, related_name="languages")
    location = models.ForeignKey(Location, null=True, blank=True, on_delete=models.CASCADE, related_name="languages")
    phone = models.ForeignKey(Phone, null=True, blank=True, on_delete=models.CASCADE, related_name="languages")
    name = models.CharField(_("name"), max_length=100, blank=True)
    code = models.CharField(_("code"), max_length=20, blank=True, help_text=_("ISO 639 code, e.g. ur"))
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("language")
        verbose_name_plural = _("languages")

    def __str__(self):
        return self.name or self.code or str(self.id)


class Accessibility(models.Model):
    id = _uuid_pk()
    location = models.ForeignKey(
        Location, on_delete=models.CASCADE, related_name="accessibility", verbose_name=_("location")
    )
    description = models.TextField(_("description"), blank=True)
    details = models.TextField(_("details"), blank=True)
    url = models.URLField(_("link"), max_length=500, blank=True)
    accessibility = models.TextField(_("accessibility"), blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("accessibility")
        verbose_name_plural = _("accessibility")

    def __str__(self):
        return self.description[:80] or str(self.id)


class CostOption(models.Model):
    id = _uuid_pk()
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="cost_options")
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    option = models.CharField(_("option"), max_length=255, blank=True)
    currency = models.CharField(_("currency"), max_length=3, blank=True)
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2, null=True, blank=True)
    amount_description = models.TextField(_("amount description"), blank=True)

    class Meta:
        ordering = ["amount", "id"]
        verbose_name = _("cost option")
        verbose_name_plural = _("cost options")

    def __str__(self):
        return self.option or str(self.amount)


class ServiceArea(models.Model):
    id = _uuid_pk()
    service = models.ForeignKey(Service, null=True, blank=True, on_delete=models.CASCADE, related_name="service_areas")
    name = models.TextField(_("name"), blank=True)
    extent = models.TextField(_("extent"), blank=True)
    extent_type = models.CharField(_("extent type"), max_length=20, blank=True)
    uri = models.CharField(_("URI"), max_length=500, blank=True)
    service_area = models.TextField(_("service area"), blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("service area")
        verbose_name_plural = _("service areas")

    def __str__(self):
        return self.name[:80] or str(self.id)


class Funding(models.Model):
    id = _uuid_pk()
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.CASCADE, related_name="funding"
    )
    service = models.ForeignKey(Service, null=True, blank=True, on_delete=models.CASCADE, related_name="funding")
    source = models.TextField(_("source"), blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("funding")
        verbose_name_plural = _("funding")

    def __str__(self):
        return self.source[:80] or str(self.id)


class Attribute(models.Model):
    """A taxonomy term attached to any record, as HSDS 3 does: ``link_id`` is that record's id."""

    class LinkEntity(models.TextChoices):
        SERVICE = "service", _("Service")
        ORGANIZATION = "organization", _("Organisation")
        LOCATION = "location", _("Location")
        SERVICE_AT_LOCATION = "service_at_location", _("Service at location")
        ADDRESS = "address", _("Address")
        ACCESSIBILITY = "accessibility", _("Accessibility")
        CONTACT = "contact", _("Contact")
        ORGANIZATION_IDENTIFIER = "organization_identifier", _("Organisation identifier")

    id = _uuid_pk()
    link_id = models.UUIDField(_("linked record id"))
    link_type = models.CharField(_("link type"), max_length=100, blank=True)
    link_entity = models.CharField(_("linked table"), max_length=30, choices=LinkEntity.choices, blank=True)
    taxonomy_term = models.ForeignKey(
        TaxonomyTerm,
        verbose_name=_("taxonomy term"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="attributes",
    )
    value = models.CharField(_("value"), max_length=255, blank=True)
    label = models.CharField(_("label"), max_length=255, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("attribute")
        verbose_name_plural = _("attributes")
        indexes = [
            models.Index(fields=["link_id"], name="directory_attribute_link"),
            models.Index(fields=["taxonomy_term", "link_entity"], name="directory_attribute_term"),
        ]

    def __str__(self):
        return f"{self.link_entity or self.link_type}:{self.link_id} → {self.taxonomy_term_id}"


class ServiceChange(models.Model):
    """A change to a service (or a new service) as an editor submitted it: a snapshot of the edit form.

    Partners' changes wait here (``pending``) until a council editor approves or rejects them; a
    council editor's own change is recorded already ``applied``. ``base`` is the service as the
    editor saw it, so an approver can tell which fields someone else has changed since.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for approval")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        APPLIED = "applied", _("Published")
        SUPERSEDED = "superseded", _("Replaced by a later change")

    id = _uuid_pk()
    service = models.ForeignKey(
        Service,
        verbose_name=_("service"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="changes",
        help_text=_("Empty for a proposed new service until it is approved."),
    )
    proposed = models.JSONField(_("proposed details"))
    base = models.JSONField(_("details when proposed"), default=dict, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PENDING)
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("proposed by organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="directory_changes",
    )
    proposed_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("proposed by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="directory_changes_proposed",
    )
    proposed_at = models.DateTimeField(_("proposed at"), default=timezone.now)
    decided_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="directory_changes_decided",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    rejection_reason = models.TextField(_("reason for rejecting"), blank=True)
    # From a hidden form field: the same form submitted twice makes one change.
    idempotency_key = models.UUIDField(_("submission key"), unique=True, default=uuid.uuid4, editable=False)
    is_demo = models.BooleanField(
        _("demonstration data"), default=False, help_text=_("Synthetic demonstration data, not a real record.")
    )

    class Meta:
        ordering = ["-proposed_at", "id"]
        verbose_name = _("proposed service change")
        verbose_name_plural = _("proposed service changes")
        indexes = [models.Index(fields=["status", "proposed_at"], name="directory_change_status")]

    def __str__(self):
        return f"{self.proposed.get('name', '')} ({self.get_status_display()})"

    @property
    def is_new_service(self):
        return self.service_id is None or not self.base


class AssuranceReminder(models.Model):
    """A reminder sent to a service's owners that it needs checking: one per kind per assured date."""

    class Kind(models.TextChoices):
        DUE_SOON = "due_soon", _("Due soon")
        OVERDUE = "overdue", _("Overdue")

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="assurance_reminders")
    # The assured date the reminder was about ("never" if none): checking the service starts afresh.
    assured_key = models.CharField(_("assured date"), max_length=10)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    recipients = models.PositiveIntegerField(_("people emailed"), default=0)
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("assurance reminder")
        verbose_name_plural = _("assurance reminders")
        constraints = [
            models.UniqueConstraint(fields=["service", "assured_key", "kind"], name="directory_reminder_once"),
        ]

    def __str__(self):
        return f"{self.service_id} {self.assured_key} {self.kind}"
