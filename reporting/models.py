"""What a report of hate crime or anti-social behaviour holds, as the reporter gave it.

Every free-text and contact field is encrypted at rest (a raw database dump reveals none of it).
Codes that statistics and the caseworker queue filter on (strands, characteristics, ward, LSOA,
dates, channel, status) stay in plain columns: they say nothing about who the reporter is.
The reporter's perception is stored as given and never overridden here; classification (crime,
non-crime hate incident, ASB), risk, referrals and actions belong to ``casework``.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from encrypted_fields.fields import EncryptedCharField, EncryptedTextField

# The encrypted fields store an empty value as NULL, so every optional one is ``null=True``.


class Channel(models.TextChoices):
    ONLINE = "online", _("Online, by the reporter")
    PHONE = "phone", _("By phone, entered by staff")
    IN_PERSON = "in_person", _("In person, entered by staff")
    THIRD_PARTY_CENTRE = "third_party_centre", _("At a third-party reporting centre")


class ReporterRole(models.TextChoices):
    VICTIM = "victim", _("The person it happened to")
    WITNESS = "witness", _("A witness")
    ON_BEHALF = "on_behalf", _("Someone reporting on the victim's behalf")
    THIRD_PARTY_CENTRE_STAFF = "third_party_centre_staff", _("Staff at a third-party reporting centre")
    STAFF = "staff", _("Council staff entering a report")


class Strand(models.TextChoices):
    # The reporter cannot know the legal line between a crime and a non-crime hate incident;
    # the caseworker records that classification in casework.
    HATE = "hate", _("Hate crime or hate incident")
    ASB = "asb", _("Anti-social behaviour")


class Characteristic(models.TextChoices):
    # The five strands monitored nationally, then those recorded locally.
    RACE = "race", _("Race, ethnicity or nationality")
    RELIGION = "religion", _("Religion or belief")
    SEXUAL_ORIENTATION = "sexual_orientation", _("Sexual orientation")
    DISABILITY = "disability", _("Disability")
    TRANSGENDER = "transgender", _("Transgender identity")
    SEX_GENDER = "sex_gender", _("Sex or gender")
    ALTERNATIVE_SUBCULTURE = "alternative_subculture", _("Alternative subculture (for example goth, punk, emo)")
    OTHER = "other", _("Something else")


MONITORED_CHARACTERISTICS = frozenset(
    {
        Characteristic.RACE,
        Characteristic.RELIGION,
        Characteristic.SEXUAL_ORIENTATION,
        Characteristic.DISABILITY,
        Characteristic.TRANSGENDER,
    }
)


class TimeOfDay(models.TextChoices):
    MORNING = "morning", _("Morning (6am to midday)")
    AFTERNOON = "afternoon", _("Afternoon (midday to 6pm)")
    EVENING = "evening", _("Evening (6pm to midnight)")
    NIGHT = "night", _("Night (midnight to 6am)")
    NOT_SURE = "not_sure", _("I'm not sure")


class LocationKind(models.TextChoices):
    PLACE = "place", _("At a place in or near Walsall")
    ONLINE = "online", _("Online, on social media, by phone or message")


class YesNoNotSure(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    NOT_SURE = "not_sure", _("I'm not sure")


class PeopleCount(models.TextChoices):
    ONE = "one", _("One person")
    TWO_TO_FIVE = "two_to_five", _("2 to 5 people")
    MORE_THAN_FIVE = "more_than_five", _("More than 5 people")
    NOT_SURE = "not_sure", _("I'm not sure")


class SupportWanted(models.TextChoices):
    EMOTIONAL = "emotional", _("Someone to talk to about how it affected me")
    SAFETY = "safety", _("Advice or help to feel safe at home or out")
    PRACTICAL = "practical", _("Practical help, for example repairs or changing locks")
    POLICE_ACTION = "police_action", _("Help for the police to take action")
    HOUSING = "housing", _("Help from my housing provider")
    NONE = "none", _("No support for now")


class Barrier(models.TextChoices):
    FEAR_OF_REPRISAL = "fear_of_reprisal", _("Fear that the people responsible would find out or get back at me")
    IMMIGRATION = "immigration", _("Worries about my immigration status")
    DISTRUST_OF_POLICE = "distrust_of_police", _("I don't trust the police")
    LANGUAGE = "language", _("Language")
    BAD_EXPERIENCE = "bad_experience", _("A bad experience when I reported something before")
    NOT_SERIOUS_ENOUGH = "not_serious_enough", _("I wasn't sure it was serious enough")
    OTHER = "other", _("Something else")


class ContactPreference(models.TextChoices):
    ANONYMOUS = "anonymous", _("Anonymous: you don't tell us who you are")
    CONFIDENTIAL = "confidential", _("Confidential: only the caseworker knows who you are")
    NAMED = "named", _("Named: your name can be shared with partners you agree to")


class ContactMethod(models.TextChoices):
    NONE = "none", _("Don't contact me: I'll check my report online")
    EMAIL = "email", _("Email")
    TEXT = "text", _("Text message")
    PHONE = "phone", _("Phone call")


class Report(models.Model):
    class Status(models.TextChoices):
        RECEIVED = "received", _("Received")
        BEING_ASSESSED = "being_assessed", _("Being assessed")
        IN_PROGRESS = "in_progress", _("In progress")
        REFERRED = "referred", _("Passed to a partner, with consent")
        CLOSED = "closed", _("Closed")

    reference = models.CharField(_("case reference"), max_length=16, unique=True, editable=False)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices, default=Channel.ONLINE)
    reporter_role = models.CharField(_("who is reporting"), max_length=30, choices=ReporterRole.choices)
    # Strand and Characteristic codes; one report may carry several of each.
    strands = models.JSONField(_("what happened"), default=list)
    characteristics = models.JSONField(_("hostility targeted"), default=list)
    characteristic_other = EncryptedCharField(_("other characteristic"), max_length=300, blank=True, null=True)

    incident_date = models.DateField(_("date it happened"), null=True, blank=True)
    incident_time_of_day = models.CharField(_("time of day"), max_length=10, choices=TimeOfDay.choices, blank=True)
    is_ongoing = models.BooleanField(_("still happening"), default=False)

    location_kind = models.CharField(_("where"), max_length=10, choices=LocationKind.choices, blank=True)
    postcode = EncryptedCharField(_("postcode"), max_length=10, blank=True, null=True)
    address_text = EncryptedTextField(_("address or description of the place"), blank=True, null=True)
    # Derived from the postcode (places.selectors.postcode_lookup), for queues and statistics.
    ward_code = models.CharField(_("ward code"), max_length=9, blank=True, db_index=True)
    lsoa_code = models.CharField(_("LSOA code"), max_length=9, blank=True)
    online_platform = EncryptedCharField(_("website, app or platform"), max_length=200, blank=True, null=True)

    account = EncryptedTextField(_("what happened, in the reporter's words"))

    responsible_known = models.CharField(
        _("knows who is responsible"), max_length=10, choices=YesNoNotSure.choices, blank=True
    )
    responsible_count = models.CharField(
        _("how many people were responsible"), max_length=20, choices=PeopleCount.choices, blank=True
    )
    responsible_description = EncryptedTextField(_("description of the people responsible"), blank=True, null=True)

    impact = EncryptedTextField(_("how it affected them"), blank=True, null=True)
    safe_now = models.CharField(_("feels safe now"), max_length=10, choices=YesNoNotSure.choices, blank=True)
    support_wanted = models.JSONField(_("support wanted"), default=list)
    interpreter_language = EncryptedCharField(
        _("interpreter needed, in this language"), max_length=100, blank=True, null=True
    )
    adjustments = EncryptedTextField(_("disability adjustments needed"), blank=True, null=True)

    barriers = models.JSONField(_("what made reporting hard"), default=list)
    barriers_other = EncryptedTextField(_("what else made reporting hard"), blank=True, null=True)

    contact_preference = models.CharField(
        _("anonymity"), max_length=15, choices=ContactPreference.choices, default=ContactPreference.ANONYMOUS
    )
    contact_method = models.CharField(
        _("safe way to contact"), max_length=10, choices=ContactMethod.choices, default=ContactMethod.NONE
    )
    contact_name = EncryptedCharField(_("name"), max_length=200, blank=True, null=True)
    contact_email = EncryptedCharField(_("email address"), max_length=254, blank=True, null=True)
    contact_phone = EncryptedCharField(_("phone number"), max_length=40, blank=True, null=True)
    safe_times = EncryptedTextField(_("safe times to contact"), blank=True, null=True)
    housing_provider_name = EncryptedCharField(_("housing provider"), max_length=200, blank=True, null=True)
    # The interface language the report was made in: updates are written in it.
    language = models.CharField(_("language"), max_length=10, default="en")

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED, db_index=True
    )
    # The accounts.roles.Role of whoever is handling the report, told to the reporter in plain words.
    handler_role = models.CharField(_("handled by (role)"), max_length=40, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now, db_index=True)
    # Argon2id hash of the secret receipt; the receipt itself is shown once and never stored.
    receipt_hash = models.CharField(max_length=200, editable=False)
    receipt_failures = models.PositiveSmallIntegerField(default=0, editable=False)
    receipt_locked_until = models.DateTimeField(null=True, blank=True, editable=False)
    # From the hidden form field: a second submit of the same answers returns the first report.
    idempotency_key = models.UUIDField(unique=True, editable=False)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reports_entered",
        help_text=_("The member of staff or third-party reporting centre who entered it, if not the reporter."),
    )
    submitted_by_organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("entered by organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reports_entered",
    )
    is_demo = models.BooleanField(_("demonstration data"), default=False)

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self):
        return self.reference

    @property
    def is_anonymous(self):
        return self.contact_preference == ContactPreference.ANONYMOUS

    def active_consents(self):
        return [consent for consent in self.consents.all() if consent.is_active]


class Consent(models.Model):
    """The reporter's consent to share the report with one recipient; given and withdrawn are dated."""

    class Recipient(models.TextChoices):
        POLICE = "police", _("West Midlands Police")
        VICTIM_SUPPORT = "victim_support", _("Victim Support")
        HOUSING_PROVIDER = "housing_provider", _("Your housing provider")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="consents")
    recipient = models.CharField(_("recipient"), max_length=20, choices=Recipient.choices)
    given_at = models.DateTimeField(_("given"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    class Meta:
        ordering = ["report", "recipient"]
        constraints = [
            models.UniqueConstraint(fields=["report", "recipient"], name="reporting_one_consent_per_recipient")
        ]

    def __str__(self):
        return f"{self.report} → {self.recipient}"

    @property
    def is_active(self):
        return self.given_at is not None and self.withdrawn_at is None


class Side(models.TextChoices):
    REPORTER = "reporter", _("The reporter")
    CASEWORKER = "caseworker", _("The caseworker")


class Evidence(models.Model):
    """A file the reporter gave: kept encrypted outside the web root, with a metadata-free copy to share.

    Uploaded during the question pages before the report exists, so it waits under the draft's
    idempotency key and is attached to the report when it is submitted.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="evidence", null=True, blank=True)
    draft_key = models.UUIDField(null=True, blank=True, db_index=True)
    original_name = EncryptedCharField(_("file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("SHA-256 of the original"), max_length=64)
    # Paths relative to the private evidence directory (reporting.evidence.evidence_root()).
    stored_name = models.CharField(max_length=100, editable=False)
    shared_copy_name = models.CharField(max_length=100, blank=True, editable=False)
    shared_copy_sha256 = models.CharField(max_length=64, blank=True)
    added_by_side = models.CharField(max_length=10, choices=Side.choices, default=Side.REPORTER)
    uploaded_at = models.DateTimeField(default=timezone.now)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["uploaded_at"]
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")

    def __str__(self):
        return f"Evidence {self.id}"


class Message(models.Model):
    """The secure channel between the reporter and the caseworker: content never leaves the site."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="messages")
    author_side = models.CharField(_("from"), max_length=10, choices=Side.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="report_messages"
    )
    body = EncryptedTextField(_("message"))
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"Message on {self.report} from {self.author_side}"


class ReportUpdate(models.Model):
    """One line of the report's timeline, shown to the reporter when ``visible_to_reporter``."""

    class Kind(models.TextChoices):
        SUBMITTED = "submitted", _("Report received")
        STATUS_CHANGED = "status_changed", _("Status changed")
        INFORMATION_ADDED = "information_added", _("More information added")
        EVIDENCE_ADDED = "evidence_added", _("Evidence added")
        CONSENT_WITHDRAWN = "consent_withdrawn", _("Consent withdrawn")
        CONSENT_GIVEN = "consent_given", _("Consent given")
        MESSAGE = "message", _("Message")
        NOTE = "note", _("Update")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="updates")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    by_side = models.CharField(max_length=10, choices=Side.choices, default=Side.REPORTER)
    by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="report_updates"
    )
    # What was added or what changed, in words; encrypted like the report itself.
    text = EncryptedTextField(blank=True, null=True)
    visible_to_reporter = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.report}: {self.kind}"
