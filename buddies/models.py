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
    email = EncryptedCharField(_("email address"), max_length=254, blank=True, null=True)
    phone = EncryptedCharField(_("phone number"), max_length=40, blank=True, null=True)
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
    notes = EncryptedTextField(_("anything the coordinator must know"), blank=True, null=True)
    # Referrals by an officer or partner: who referred, and for which organisation.
    referred_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="buddy_referrals"
    )
    referring_organisation = models.ForeignKey(
        "accounts.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="buddy_referrals"
    )
    matched_at = models.DateTimeField(null=True, blank=True)
    # The referral form's hidden key: a double submit makes one request.
    idempotency_key = models.UUIDField(null=True, blank=True, unique=True)

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return f"Buddy request {self.reference}"

    @property
    def first_name(self):
        return (self.name or "").split(" ")[0]


class Gender(models.TextChoices):
    NOT_SAID = "", _("Prefer not to say")
    WOMAN = "woman", _("Woman")
    MAN = "man", _("Man")


class BuddyRole(models.TextChoices):
    """What a volunteer does decides the highest DBS check the law lets us ask for (see ``eligible_dbs_level``)."""

    BEFRIENDING_ADULTS = "befriending_adults", _("Befriending adults who do not receive care")
    BEFRIENDING_ADULTS_IN_CARE = "befriending_adults_in_care", _("Befriending adults who receive health or social care")
    BEFRIENDING_FAMILIES = "befriending_families", _("Befriending families, with unsupervised time with children")


class DbsLevel(models.TextChoices):
    # In order, lowest first: a role eligible for one level may also have any lower one.
    BASIC = "basic", _("Basic")
    STANDARD = "standard", _("Standard")
    ENHANCED = "enhanced", _("Enhanced")
    ENHANCED_BARRED = "enhanced_barred", _("Enhanced with barred list checks")


# Befriending adults who are not receiving care is not regulated activity, and no exemption from
# the Rehabilitation of Offenders Act applies: only a basic check may be asked for. Adults who receive
# health or social care bring the role into the adult workforce (enhanced, no barred list unless it is
# regulated activity, which befriending is not). Regular unsupervised time with children is regulated
# activity with children: enhanced with the children's barred list.
ELIGIBLE_DBS_LEVEL = {
    BuddyRole.BEFRIENDING_ADULTS: DbsLevel.BASIC,
    BuddyRole.BEFRIENDING_ADULTS_IN_CARE: DbsLevel.ENHANCED,
    BuddyRole.BEFRIENDING_FAMILIES: DbsLevel.ENHANCED_BARRED,
}


def eligible_dbs_level(role):
    return ELIGIBLE_DBS_LEVEL[BuddyRole(role)]


def dbs_levels_allowed(role):
    """The DBS levels that may be requested for ``role``: its eligible level and any lower one."""
    levels = list(DbsLevel)
    return levels[: levels.index(eligible_dbs_level(role)) + 1]


class Volunteer(models.Model):
    """A community buddy, put forward by a pledge organisation, with their onboarding checks."""

    class Stage(models.TextChoices):
        # Onboarding, in order; then ACTIVE, PAUSED or LEFT.
        APPLIED = "applied", _("Applied")
        REFERENCES = "references", _("References received")
        IDENTITY = "identity", _("Identity checked")
        DBS = "dbs", _("DBS check recorded")
        TRAINED = "trained", _("Training completed")
        APPROVED = "approved", _("Approved")
        ACTIVE = "active", _("Active")
        PAUSED = "paused", _("Paused")
        LEFT = "left", _("Left the scheme")

    user = models.OneToOneField("accounts.User", on_delete=models.PROTECT, related_name="volunteer")
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="volunteers")
    put_forward_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    role = models.CharField(
        _("what the volunteer will do"), max_length=30, choices=BuddyRole.choices, default=BuddyRole.BEFRIENDING_ADULTS
    )
    stage = models.CharField(max_length=12, choices=Stage.choices, default=Stage.APPLIED, db_index=True)

    languages = models.JSONField(default=list)
    postcode = models.CharField(max_length=8, blank=True)
    ward_code = models.CharField(max_length=9, blank=True, db_index=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    interests = models.JSONField(default=list)
    availability = models.JSONField(default=list)
    gender = models.CharField(max_length=10, choices=Gender.choices, blank=True, default="")
    capacity = models.PositiveSmallIntegerField(_("most buddies at once"), default=1)
    max_travel_km = models.FloatField(_("furthest they will travel (km)"), default=5.0)

    # References: two, each with the date it came back.
    first_referee = EncryptedCharField(_("first referee"), max_length=200, blank=True, null=True)
    first_reference_received_on = models.DateField(null=True, blank=True)
    second_referee = EncryptedCharField(_("second referee"), max_length=200, blank=True, null=True)
    second_reference_received_on = models.DateField(null=True, blank=True)
    identity_checked_on = models.DateField(null=True, blank=True)
    identity_document = models.CharField(max_length=40, blank=True)

    dbs_level = models.CharField(max_length=20, choices=DbsLevel.choices, blank=True)
    dbs_certificate_number = EncryptedCharField(_("DBS certificate number"), max_length=20, blank=True, null=True)
    dbs_issued_on = models.DateField(null=True, blank=True)
    dbs_update_service = models.BooleanField(_("subscribed to the DBS update service"), default=False)
    # With the update service the certificate stays current while the subscription is renewed.
    dbs_valid_until = models.DateField(null=True, blank=True)

    # The put-forward form's hidden key: a double submit makes one volunteer.
    idempotency_key = models.UUIDField(null=True, blank=True, unique=True)

    training_course = models.CharField(max_length=200, blank=True)
    training_completed_on = models.DateField(null=True, blank=True)
    training_expires_on = models.DateField(null=True, blank=True)

    created_at = models.DateTimeField(auto_now_add=True)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return str(self.user)

    @property
    def first_name(self):
        return (self.user.full_name or "").split(" ")[0]

    @property
    def checks_valid_until(self):
        """The earliest expiry of the DBS check and the training; None until both are recorded."""
        if self.dbs_valid_until is None or self.training_expires_on is None:
            return None
        return min(self.dbs_valid_until, self.training_expires_on)

    @property
    def references_received(self):
        return sum(1 for day in (self.first_reference_received_on, self.second_reference_received_on) if day)


class VolunteerStageChange(models.Model):
    """The onboarding history: one row per change of stage, never edited or deleted."""

    volunteer = models.ForeignKey(Volunteer, on_delete=models.CASCADE, related_name="stage_changes")
    stage = models.CharField(max_length=12, choices=Volunteer.Stage.choices)
    changed_at = models.DateTimeField(auto_now_add=True)
    changed_by = models.ForeignKey("accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["changed_at", "id"]

    def __str__(self):
        return f"{self.volunteer}: {self.get_stage_display()}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("The onboarding history is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("The onboarding history is append-only.")


class ExpiryWarning(models.Model):
    """A warning sent before a volunteer's check expires: one per check, expiry date and lead time."""

    class Check(models.TextChoices):
        DBS = "dbs", _("DBS check")
        TRAINING = "training", _("Training")

    volunteer = models.ForeignKey(Volunteer, on_delete=models.CASCADE, related_name="expiry_warnings")
    kind = models.CharField(max_length=10, choices=Check.choices)
    expires_on = models.DateField()
    days_before = models.PositiveSmallIntegerField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["volunteer", "kind", "expires_on", "days_before"], name="one_warning_per_check_and_lead_time"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} expiry warning ({self.days_before} days)"


class Match(models.Model):
    """A proposed pair from a matching run, then the coordinator's decision, then the buddying itself."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        ACCEPTED = "accepted", _("Matched")
        REJECTED = "rejected", _("Rejected")
        ENDED = "ended", _("Ended")

    request = models.ForeignKey(BuddyRequest, on_delete=models.CASCADE, related_name="matches")
    volunteer = models.ForeignKey(Volunteer, on_delete=models.PROTECT, related_name="matches")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PROPOSED, db_index=True)
    score = models.FloatField(default=0.0)
    # The engine's reasons, best first: [{"code": ..., "params": {...}}].
    reasons = models.JSONField(default=list)
    proposed_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey("accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    rejection_reason = models.CharField(_("why this pair is not right"), max_length=500, blank=True)
    place_of_welcome = models.ForeignKey(
        "pledges.PlaceOfWelcome", null=True, blank=True, on_delete=models.SET_NULL, related_name="buddy_matches"
    )
    introduced_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    # The last meeting (or the start) a quiet-match alert was sent for: one alert per quiet spell.
    quiet_alert_for = models.DateField(null=True, blank=True)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["-proposed_at", "id"]
        # A pair is proposed at most once: a rejected pair is never proposed again.
        constraints = [models.UniqueConstraint(fields=["request", "volunteer"], name="one_match_per_pair")]

    def __str__(self):
        return f"Match {self.pk}"


class Meeting(models.Model):
    class Outcome(models.TextChoices):
        PRACTISED_ENGLISH = "practised_english", _("Practised English")
        SIGNPOSTED = "signposted", _("Signposted to a service")
        SOCIAL = "social", _("Social")

    match = models.ForeignKey(Match, on_delete=models.CASCADE, related_name="meetings")
    met_on = models.DateField(_("date"))
    place_of_welcome = models.ForeignKey(
        "pledges.PlaceOfWelcome", null=True, blank=True, on_delete=models.SET_NULL, related_name="buddy_meetings"
    )
    other_place = models.CharField(_("somewhere else"), max_length=200, blank=True)
    duration_minutes = models.PositiveSmallIntegerField(_("how long (minutes)"))
    outcomes = models.JSONField(default=list)
    logged_by = models.ForeignKey("accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    # The form's hidden key: a double submit logs one meeting.
    idempotency_key = models.UUIDField(unique=True, default=uuid.uuid4)
    created_at = models.DateTimeField(auto_now_add=True)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["-met_on", "-id"]

    def __str__(self):
        return f"Meeting on {self.met_on}"

    @property
    def outcome_labels(self):
        return [Meeting.Outcome(outcome).label for outcome in self.outcomes if outcome in Meeting.Outcome.values]


class SafeguardingConcern(models.Model):
    """A worry about a match, kept as a safeguarding record even when the newcomer's data is erased.

    Privacy: when the newcomer withdraws consent (``services.buddy_requests_erase_for_signup``) their
    request, contact details, match, meetings and survey answers are deleted, but a concern is not.
    The council must be able to show what was reported and what the coordinator did about it (its
    safeguarding duties under the Care Act 2014 and Working Together to Safeguard Children), and
    UK GDPR Article 17(3)(b) and (e) let it keep a record needed for a legal obligation or a legal
    claim. So the concern is pseudonymised instead: the link to the match (and through it to the
    newcomer's name and contact details) is cut, ``newcomer_erased_at`` says when, and what stays is
    the volunteer it concerns (they are not the one erased), who raised it, when, what happened as
    written (encrypted at rest), and who took it up and when.
    """

    class RaisedBy(models.TextChoices):
        VOLUNTEER = "volunteer", _("The volunteer")
        NEWCOMER = "newcomer", _("The newcomer")

    match = models.ForeignKey(Match, null=True, blank=True, on_delete=models.SET_NULL, related_name="concerns")
    # The volunteer of the match, kept when the match is erased with the newcomer's data.
    volunteer = models.ForeignKey(
        Volunteer, null=True, blank=True, on_delete=models.PROTECT, related_name="safeguarding_concerns"
    )
    newcomer_erased_at = models.DateTimeField(null=True, blank=True)
    raised_by = models.CharField(max_length=10, choices=RaisedBy.choices)
    description = EncryptedTextField(_("what happened"))
    raised_at = models.DateTimeField(auto_now_add=True, db_index=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    idempotency_key = models.UUIDField(unique=True, default=uuid.uuid4)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["-raised_at"]

    def __str__(self):
        return f"Safeguarding concern {self.pk}"


class SurveyResponse(models.Model):
    """The short end-of-match survey: one answer from each side of a match."""

    class Respondent(models.TextChoices):
        VOLUNTEER = "volunteer", _("Volunteer")
        NEWCOMER = "newcomer", _("Newcomer")

    class Rating(models.IntegerChoices):
        VERY_GOOD = 5, _("Very good")
        GOOD = 4, _("Good")
        OKAY = 3, _("Okay")
        POOR = 2, _("Poor")
        VERY_POOR = 1, _("Very poor")

    match = models.ForeignKey(Match, on_delete=models.CASCADE, related_name="survey_responses")
    respondent = models.CharField(max_length=10, choices=Respondent.choices)
    rating = models.PositiveSmallIntegerField(choices=Rating.choices)
    feels_more_connected = models.BooleanField()
    comment = EncryptedTextField(_("anything else"), blank=True, null=True)
    created_at = models.DateTimeField(auto_now_add=True)
    is_demo = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["match", "respondent"], name="one_survey_answer_per_side")]

    def __str__(self):
        return f"Survey answer ({self.respondent}) for match {self.match_id}"
