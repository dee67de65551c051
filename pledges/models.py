"""The Walsall for All pledge registry and the Places of Welcome registry.

A pledge is signed by an organisation (optionally linked to a partner ``accounts.Organisation``)
or by an individual, lasts a year and is renewed; reminders before renewal are recorded so each is
sent once. A Place of Welcome is a directory location with weekly opening times and dated "5 Ps"
checks (the network standard: place, people, presence, provision, participation).
"""

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from encrypted_fields.fields import EncryptedCharField

PLEDGE_YEAR = datetime.timedelta(days=365)

# The commitments of the Walsall for All pledge, drawn from the strategy's priorities: a signatory
# picks those they will act on and may add their own words.
COMMITMENTS = [
    ("welcome_newcomers", _("Welcome new residents and help them find their way around Walsall")),
    ("connect_communities", _("Bring people of different backgrounds together")),
    ("challenge_hate", _("Challenge hate crime and prejudice, and help people report it")),
    ("young_people", _("Help young people learn and grow together")),
    ("work_together", _("Open up work, training and volunteering to everyone")),
    ("support_english", _("Support people to practise and improve their English")),
    ("buddies", _("Put forward volunteers to be community buddies")),
    ("place_of_welcome", _("Host or support a Place of Welcome")),
    ("dialogue", _("Take part in community dialogue events")),
]
COMMITMENT_LABELS = dict(COMMITMENTS)


class Pledge(models.Model):
    """A signature of the Walsall for All pledge, by a partner organisation or an individual."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for approval")
        ACTIVE = "active", _("Active")
        LAPSED = "lapsed", _("Due for renewal")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        REJECTED = "rejected", _("Not approved")

    class Kind(models.TextChoices):
        ORGANISATION = "organisation", _("An organisation or group")
        INDIVIDUAL = "individual", _("An individual")

    kind = models.CharField(_("who is signing"), max_length=12, choices=Kind.choices, default=Kind.ORGANISATION)
    organisation = models.ForeignKey(
        "accounts.Organisation", null=True, blank=True, on_delete=models.PROTECT, related_name="pledges"
    )
    # The organisation's name as it signed (shown publicly); ``organisation`` links it to a partner.
    organisation_name = models.CharField(_("organisation name"), max_length=200, blank=True)
    # For an individual signatory: the name they agreed to show on the public list ("" keeps it hidden).
    individual_name = models.CharField(_("name"), max_length=200, blank=True)
    commitments = models.JSONField(_("commitments"), default=list, blank=True)
    own_words = models.TextField(_("commitments in your own words"), blank=True)
    contact_name = EncryptedCharField(_("contact name"), max_length=200, blank=True, null=True)
    contact_email = EncryptedCharField(_("contact email"), max_length=254, blank=True, null=True)
    contact_phone = EncryptedCharField(_("contact phone"), max_length=40, blank=True, null=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True)
    signed_on = models.DateField(_("signed on"))
    renewal_due = models.DateField(_("renewal due"))
    renewed_on = models.DateField(_("last renewed on"), null=True, blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decision_note = models.TextField(_("note"), blank=True)
    # Hidden in the signing form: a second submit of the same answers finds this pledge, not a new one.
    submission_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["-signed_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(organisation__isnull=False)
                | ~models.Q(organisation_name="")
                | ~models.Q(individual_name="")
                | models.Q(kind="individual"),
                name="pledge_has_a_signatory",
            )
        ]
        indexes = [models.Index(fields=["status", "renewal_due"], name="pledges_pledge_live")]

    def __str__(self):
        return self.public_name or str(_("A Walsall resident"))

    @property
    def public_name(self):
        """The name on the public list: the organisation, or the individual's if they chose to show it."""
        if self.kind == self.Kind.INDIVIDUAL:
            return self.individual_name
        return self.organisation_name or (self.organisation.name if self.organisation_id else "")

    @property
    def badge_year(self):
        return (self.renewed_on or self.signed_on).year

    def commitment_labels(self):
        return [COMMITMENT_LABELS[code] for code, _label in COMMITMENTS if code in self.commitments]


class PledgeReminder(models.Model):
    """A renewal reminder sent for one renewal date: the unique key makes each one go once."""

    class Kind(models.TextChoices):
        DAYS_30 = "30_days", _("30 days before renewal")
        DAYS_7 = "7_days", _("7 days before renewal")
        LAPSED = "lapsed", _("Lapsed")

    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    renewal_due = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(fields=["pledge", "kind", "renewal_due"], name="pledge_reminder_once"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.renewal_due})"


class PlaceOfWelcome(models.Model):
    """A Place of Welcome: a directory location where anyone can drop in, hosted by a partner."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        ACTIVE = "active", _("Open")
        PAUSED = "paused", _("Paused")
        CLOSED = "closed", _("Closed")

    location = models.OneToOneField("directory.Location", on_delete=models.PROTECT, related_name="place_of_welcome")
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="places_of_welcome"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PROPOSED, db_index=True)
    what_to_expect = models.TextField(_("what to expect"), blank=True)
    coordinator_name = EncryptedCharField(_("coordinator's name"), max_length=200, blank=True, null=True)
    coordinator_email = EncryptedCharField(_("coordinator's email"), max_length=254, blank=True, null=True)
    coordinator_phone = EncryptedCharField(_("coordinator's phone"), max_length=40, blank=True, null=True)
    status_changed_on = models.DateField(_("status changed on"), null=True, blank=True)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["location__name"]

    def __str__(self):
        return self.location.name


class Weekday(models.IntegerChoices):
    """Python's weekday numbers (Monday is 0), so ``date.weekday()`` compares directly."""

    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


# iCalendar BYDAY codes by weekday number.
ICAL_DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


class OpeningTime(models.Model):
    """A weekly session of a Place of Welcome (the network asks for the same time every week)."""

    place = models.ForeignKey(PlaceOfWelcome, on_delete=models.CASCADE, related_name="opening_times")
    weekday = models.PositiveSmallIntegerField(_("day"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))
    notes = models.CharField(_("notes"), max_length=200, blank=True)

    class Meta:
        ordering = ["weekday", "opens", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(closes__gt=models.F("opens")), name="opening_closes_after")
        ]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"


FIVE_PS = [
    ("place", _("Place"), _("An accessible building, open at the same time every week")),
    ("people", _("People"), _("Open to everyone and run by volunteers")),
    ("presence", _("Presence"), _("Volunteers who listen and take time to talk")),
    ("provision", _("Provision"), _("Free refreshments and basic local information")),
    ("participation", _("Participation"), _("A chance for people to share their skills")),
]


class FivePsCheck(models.Model):
    """A dated check of a Place of Welcome against the network's 5 Ps, by a named member of staff."""

    place = models.ForeignKey(PlaceOfWelcome, on_delete=models.CASCADE, related_name="checks")
    checked_on = models.DateField(_("date checked"))
    checked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    place_met = models.BooleanField(_("place met"), default=False)
    place_note = models.TextField(_("place note"), blank=True)
    people_met = models.BooleanField(_("people met"), default=False)
    people_note = models.TextField(_("people note"), blank=True)
    presence_met = models.BooleanField(_("presence met"), default=False)
    presence_note = models.TextField(_("presence note"), blank=True)
    provision_met = models.BooleanField(_("provision met"), default=False)
    provision_note = models.TextField(_("provision note"), blank=True)
    participation_met = models.BooleanField(_("participation met"), default=False)
    participation_note = models.TextField(_("participation note"), blank=True)
    submission_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["-checked_on", "-id"]

    def __str__(self):
        return f"{self.place_id}: {self.checked_on}"

    def items(self):
        """(code, name, meaning, met, note) for each of the 5 Ps, in the network's order."""
        return [
            (code, name, meaning, getattr(self, f"{code}_met"), getattr(self, f"{code}_note"))
            for code, name, meaning in FIVE_PS
        ]

    @property
    def met_count(self):
        return sum(getattr(self, f"{code}_met") for code, _name, _meaning in FIVE_PS)
