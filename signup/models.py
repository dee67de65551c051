import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _
from encrypted_fields.fields import EncryptedCharField


class Purpose(models.TextChoices):
    SETTLING_IN = "settling_in", _("Follow-ups about settling in")
    LOCAL_ACTIVITIES = "local_activities", _("News of activities near you")
    BUDDY_SCHEME = "buddy_scheme", _("Sharing your details with the buddy scheme")


class Channel(models.TextChoices):
    EMAIL = "email", _("Email")
    SMS = "sms", _("Text message")


class SignUp(models.Model):
    """A new resident who joined the Walsall People Project. Erased whole when they withdraw."""

    reference = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # Sent hidden with the check-your-answers form: a second submit finds the first sign-up.
    idempotency_key = models.UUIDField(unique=True)

    name = EncryptedCharField(_("name"), max_length=200)
    # Encrypted fields keep an empty value as NULL.
    email = EncryptedCharField(_("email address"), max_length=254, blank=True, null=True)
    phone = EncryptedCharField(_("mobile number"), max_length=40, blank=True, null=True)
    safe_times = EncryptedCharField(_("safe times to contact"), max_length=200, blank=True, null=True)
    postcode = EncryptedCharField(_("postcode"), max_length=8)
    # The postcode's centre, only to find the nearest services for follow-ups; never shown.
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    ward_code = models.CharField(max_length=9, db_index=True)
    # ISO 639-1 codes of the languages the resident speaks.
    languages = models.JSONField(default=list)
    # The interface language they signed up in: their messages are written in it.
    language = models.CharField(max_length=10, db_index=True)
    # Directory category slugs (directory.taxonomy).
    interests = models.JSONField(default=list)
    wants_buddy = models.BooleanField(default=False)

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    # When the one notice before the 12-month deletion was dealt with (sent, or nothing to send it by).
    deletion_notice_sent_at = models.DateTimeField(null=True, blank=True)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Sign-up {self.reference}"


class Consent(models.Model):
    """One purpose through one channel the resident agreed to. Withdrawn consents are kept as withdrawn."""

    signup = models.ForeignKey(SignUp, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(max_length=20, choices=Purpose.choices)
    channel = models.CharField(max_length=10, choices=Channel.choices)
    given_at = models.DateTimeField(auto_now_add=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["signup", "purpose", "channel"], name="signup_one_consent_per_purpose_channel"
            )
        ]

    def __str__(self):
        return f"{self.purpose} by {self.channel}"


class FollowUp(models.Model):
    class Kind(models.TextChoices):
        GP_REGISTRATION = "gp_registration", _("Have you registered with a GP?")
        CONVERSATION_CLUB = "conversation_club", _("English conversation club near you")
        SETTLING_IN = "settling_in", _("How are you settling in?")

    class Outcome(models.TextChoices):
        NONE = "", _("No answer yet")
        DONE = "done", _("Yes, done")
        NOT_YET = "not_yet", _("Not yet")
        WANTS_HELP = "wants_help", _("Would like help")

    class AnsweredBy(models.TextChoices):
        LINK = "link", _("The resident, through the link")
        PHONE_CALL = "phone_call", _("An officer, after a phone call")

    signup = models.ForeignKey(SignUp, on_delete=models.CASCADE, related_name="follow_ups")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    due_at = models.DateTimeField(db_index=True)
    # Set before the message goes, in the same row update that claims it: sent at most once.
    sent_at = models.DateTimeField(null=True, blank=True, db_index=True)
    # The channels it went through, e.g. ["email", "sms"] (empty when no channel was consented any more).
    sent_channels = models.JSONField(default=list)
    outcome = models.CharField(max_length=12, choices=Outcome.choices, blank=True, default="")
    # [{"id": "<directory service id>", "name": "..."}]: public service names only.
    services_joined = models.JSONField(default=list)
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.CharField(max_length=12, choices=AnsweredBy.choices, blank=True)

    class Meta:
        ordering = ["due_at"]
        constraints = [models.UniqueConstraint(fields=["signup", "kind"], name="signup_one_follow_up_per_kind")]

    def __str__(self):
        return f"{self.kind} for {self.signup_id}"


class ErasureCount(models.Model):
    """Anonymous: how many sign-ups were erased at their owners' request, per ward and month."""

    ward_code = models.CharField(max_length=9)
    month = models.DateField()  # the first day of the month
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["ward_code", "month"], name="signup_one_erasure_count")]

    def __str__(self):
        return f"{self.count} erased in {self.ward_code}, {self.month:%Y-%m}"
