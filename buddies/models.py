import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _
from encrypted_fields.fields import EncryptedCharField, EncryptedTextField

# Weekly availability is a set of these slots, e.g. ["mon_morning", "sat_afternoon"].
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
PARTS_OF_DAY = ("morning", "afternoon", "evening")
AVAILABILITY_SLOTS = tuple(f"{day}_{part}" for day in DAYS for part in PARTS_OF_DAY)


class BuddyRequest(models.Model):
    """A newcomer asking for a buddy: from the Welcome sign-up, or referred by an officer or partner."""

    class Source(models.TextChoices):
        WELCOME_SIGNUP = "welcome_signup", _("Welcome sign-up")
        OFFICER = "officer", _("Referred by an officer")
        PARTNER = "partner", _("Referred by a partner")

    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting for a buddy")
        MATCHED = "matched", _("Matched")
        CLOSED = "closed", _("Closed")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class BuddyGender(models.TextChoices):
        ANY = "", _("No preference")
        WOMAN = "woman", _("A woman")
        MAN = "man", _("A man")

    reference = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    source = models.CharField(max_length=20, choices=Source.choices)
    # The sign-up this request came from: erasing the sign-up erases its requests.
    signup_reference = models.UUIDField(null=True, blank=True, db_index=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.WAITING, db_index=True)

    name = EncryptedCharField(_("name"), max_length=200)
    email = EncryptedCharField(_("email address"), max_length=254, blank=True)
    phone = EncryptedCharField(_("phone number"), max_length=40, blank=True)
    # ISO 639-1 codes, e.g. ["pl", "en"].
    languages = models.JSONField(default=list)
    # Where the newcomer lives, to the postcode: used for travel distance, never shown to volunteers.
    postcode = models.CharField(max_length=8, blank=True)
    ward_code = models.CharField(max_length=9, blank=True, db_index=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    # Directory category slugs (directory.taxonomy) the newcomer is interested in.
    interests = models.JSONField(default=list)
    availability = models.JSONField(default=list)
    buddy_gender = models.CharField(max_length=10, choices=BuddyGender.choices, blank=True, default="")
    meet_only_at_place_of_welcome = models.BooleanField(default=False)
    notes = EncryptedTextField(_("anything the coordinator must know"), blank=True)

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return f"Buddy request {self.reference}"
