"""A case: the council's work on one or more reports, from triage to action against the people responsible.

Reports stay as the reporter gave them (``reporting``); everything the caseworker decides lives
here. Free text about people (notes, reasons, descriptions, outcomes) is encrypted at rest.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from encrypted_fields.fields import EncryptedCharField, EncryptedTextField


class Classification(models.TextChoices):
    HATE_CRIME = "hate_crime", _("Hate crime")
    NCHI = "nchi", _("Non-crime hate incident")
    ASB = "asb", _("Anti-social behaviour")
    HATE_CRIME_AND_ASB = "hate_crime_asb", _("Hate crime and anti-social behaviour")
    NOT_RECORDED = "not_recorded", _("Not recorded (below the threshold)")


class RiskLevel(models.TextChoices):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")


class Case(models.Model):
    class Status(models.TextChoices):
        AWAITING_TRIAGE = "awaiting_triage", _("Awaiting triage")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    reference = models.CharField(_("case reference"), max_length=16, unique=True, editable=False)
    team = models.ForeignKey(
        "accounts.Organisation", verbose_name=_("team"), on_delete=models.PROTECT, related_name="cases"
    )
    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("lead officer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cases_led",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.AWAITING_TRIAGE, db_index=True
    )
    classification = models.CharField(
        _("classification"), max_length=20, choices=Classification.choices, blank=True, db_index=True
    )
    risk_level = models.CharField(_("risk"), max_length=10, choices=RiskLevel.choices, blank=True, db_index=True)
    # Cases of the same victim made earlier: the queue shows repeat victimisation from them.
    earlier_cases = models.ManyToManyField(
        "self", symmetrical=False, blank=True, related_name="later_cases", verbose_name=_("earlier cases")
    )
    # Victims' Code rights, with dates (Rights 3, 4 and 6).
    acknowledge_by = models.DateField(_("acknowledge by"))
    acknowledged_at = models.DateTimeField(_("acknowledged"), null=True, blank=True)
    needs_assessed_at = models.DateTimeField(_("needs assessed"), null=True, blank=True)
    referred_for_support_at = models.DateTimeField(_("referred for support"), null=True, blank=True)
    last_update_at = models.DateTimeField(_("victim last updated"), null=True, blank=True)
    first_contact_at = models.DateTimeField(_("first contact"), null=True, blank=True)
    opened_at = models.DateTimeField(_("opened"), default=timezone.now, db_index=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="cases_created"
    )
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["-opened_at"]
        verbose_name = _("case")
        verbose_name_plural = _("cases")

    def __str__(self):
        return self.reference

    @property
    def is_high_risk(self):
        return self.risk_level == RiskLevel.HIGH

    @property
    def is_overdue(self):
        return self.acknowledged_at is None and self.acknowledge_by < timezone.localdate()


class CaseReport(models.Model):
    """A report belongs to at most one case; a case may hold several (the same events told by several people)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="case_reports")
    report = models.OneToOneField("reporting.Report", on_delete=models.CASCADE, related_name="case_link")
    added_at = models.DateTimeField(default=timezone.now)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        ordering = ["added_at", "id"]

    def __str__(self):
        return f"{self.case} ← {self.report}"


class Party(models.Model):
    """A victim or a person (or group) responsible, on one case."""

    class Kind(models.TextChoices):
        VICTIM = "victim", _("Victim")
        PERPETRATOR = "perpetrator", _("Person or group responsible")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="parties")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    is_group = models.BooleanField(_("a group"), default=False)
    group_size = models.PositiveSmallIntegerField(_("people in the group"), null=True, blank=True)
    name = EncryptedCharField(_("name or label"), max_length=200)
    description = EncryptedTextField(_("description"), blank=True, null=True)
    is_vulnerable = models.BooleanField(_("vulnerable"), default=False)
    idempotency_key = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    added_at = models.DateTimeField(default=timezone.now)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["kind", "added_at", "id"]

    def __str__(self):
        return f"{self.get_kind_display()} on {self.case}"


class ClassificationDecision(models.Model):
    """Each classification with its reasons and who made it; the latest is the case's classification.

    A non-crime hate incident is recorded only when the 2023 Code's threshold is met: the report
    is not trivial, irrational or malicious, and there is a real risk of significant harm to
    people or a group with the characteristic, or of a future criminal offence.
    """

    class NchiThreshold(models.TextChoices):
        MET_HARM = "met_harm", _("Met: a real risk of significant harm to individuals or a group")
        MET_OFFENCE = "met_offence", _("Met: a real risk that a criminal offence will be committed")
        NOT_MET_TRIVIAL = "not_met_trivial", _("Not met: trivial")
        NOT_MET_IRRATIONAL = "not_met_irrational", _("Not met: irrational")
        NOT_MET_MALICIOUS = "not_met_malicious", _("Not met: malicious")
        NOT_MET_NO_RISK = "not_met_no_risk", _("Not met: no real risk of significant harm or of an offence")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="classifications")
    classification = models.CharField(_("classification"), max_length=20, choices=Classification.choices)
    nchi_threshold = models.CharField(
        _("non-crime hate incident threshold"), max_length=20, choices=NchiThreshold.choices, blank=True
    )
    reasons = EncryptedTextField(_("reasons"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("decided by"), on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), default=timezone.now)

    class Meta:
        ordering = ["-decided_at", "-id"]

    def __str__(self):
        return f"{self.case}: {self.classification}"


class RiskAssessment(models.Model):
    """A hate-crime risk assessment (low, medium, high) from four factors, each none, some or serious.

    The level follows an explicit rule (``casework.services.risk_level_for``); high raises a flag on
    the queue and tells the team.
    """

    class Factor(models.IntegerChoices):
        NONE = 0, _("None")
        SOME = 1, _("Some")
        SERIOUS = 2, _("Serious")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="risk_assessments")
    repeat = models.PositiveSmallIntegerField(_("repeat victimisation"), choices=Factor.choices)
    vulnerability = models.PositiveSmallIntegerField(_("vulnerability"), choices=Factor.choices)
    escalation = models.PositiveSmallIntegerField(_("escalation"), choices=Factor.choices)
    impact = models.PositiveSmallIntegerField(_("impact"), choices=Factor.choices)
    level = models.CharField(_("risk"), max_length=10, choices=RiskLevel.choices)
    notes = EncryptedTextField(_("risk notes"), blank=True, null=True)
    assessed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    assessed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-assessed_at", "-id"]

    def __str__(self):
        return f"{self.case}: {self.level}"


class NeedsAssessment(models.Model):
    """What the victim needs (Victims' Code Right 4)."""

    class Need(models.TextChoices):
        SAFETY = "safety", _("Safety planning")
        EMOTIONAL = "emotional", _("Emotional support")
        PRACTICAL = "practical", _("Practical help (repairs, locks)")
        INTERPRETER = "interpreter", _("An interpreter")
        ADJUSTMENTS = "adjustments", _("Disability adjustments")
        HOUSING = "housing", _("Housing support")
        CRIMINAL_JUSTICE = "criminal_justice", _("Help through the criminal justice process")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="needs_assessments")
    needs = models.JSONField(_("needs"), default=list)
    notes = EncryptedTextField(_("notes"), blank=True, null=True)
    assessed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    assessed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-assessed_at", "-id"]

    def __str__(self):
        return f"Needs of {self.case}"


class Referral(models.Model):
    class Recipient(models.TextChoices):
        POLICE = "police", _("West Midlands Police")
        VICTIM_SUPPORT = "victim_support", _("Victim Support")
        HOUSING_PROVIDER = "housing_provider", _("Housing provider")
        GTR_LIAISON = "gtr_liaison", _("Gypsy, Traveller and Roma liaison officer")
        OTHER = "other", _("Another organisation")

    class Status(models.TextChoices):
        SENT = "sent", _("Sent")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        COMPLETED = "completed", _("Completed")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="referrals")
    recipient = models.CharField(_("referred to"), max_length=20, choices=Recipient.choices)
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("receiving organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="referrals_received",
    )
    # The reporter's consent this referral was made under (police, Victim Support, housing provider).
    consent = models.ForeignKey(
        "reporting.Consent", null=True, blank=True, on_delete=models.PROTECT, related_name="referrals"
    )
    reason = EncryptedTextField(_("why"), blank=True, null=True)
    crime_reference = models.CharField(_("crime reference number"), max_length=40, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.SENT)
    outcome = EncryptedTextField(_("outcome"), blank=True, null=True)
    outcome_at = models.DateTimeField(_("outcome recorded"), null=True, blank=True)
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    made_at = models.DateTimeField(_("referred"), default=timezone.now)
    idempotency_key = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["-made_at", "-id"]

    def __str__(self):
        return f"{self.case} → {self.recipient}"

    @property
    def consent_is_active(self):
        return self.consent is not None and self.consent.is_active


class Action(models.Model):
    """One entry of the ledger of action against the people responsible."""

    class Kind(models.TextChoices):
        POLICE_OUTCOME = "police_outcome", _("Police outcome")
        WARNING_LETTER = "warning_letter", _("Warning letter")
        ACCEPTABLE_BEHAVIOUR_CONTRACT = "abc", _("Acceptable behaviour contract")
        COMMUNITY_PROTECTION_WARNING = "cpw", _("Community protection warning")
        COMMUNITY_PROTECTION_NOTICE = "cpn", _("Community protection notice")
        CIVIL_INJUNCTION = "civil_injunction", _("Civil injunction")
        CLOSURE_ORDER = "closure_order", _("Closure order")
        TENANCY_ENFORCEMENT = "tenancy_enforcement", _("Tenancy enforcement")
        RESTORATIVE_JUSTICE = "restorative_justice", _("Restorative justice")
        PROSECUTION = "prosecution", _("Prosecution")
        ADVICE_ONLY = "advice_only", _("Words of advice only")
        NO_FURTHER_ACTION = "no_further_action", _("No further action")

    # Home Office outcomes framework (Crime Outcomes in England and Wales; the numbering follows the
    # domain notes and should be checked against the current Counting Rules).
    class PoliceOutcome(models.IntegerChoices):
        CHARGE = 1, _("1 Charged or summonsed")
        YOUTH_CAUTION = 2, _("2 Youth caution")
        ADULT_CAUTION = 3, _("3 Adult caution")
        TAKEN_INTO_CONSIDERATION = 4, _("4 Taken into consideration")
        OFFENDER_DIED = 5, _("5 Offender died")
        PENALTY_NOTICE = 6, _("6 Penalty notice for disorder")
        CANNABIS_WARNING = 7, _("7 Cannabis or khat warning")
        COMMUNITY_RESOLUTION = 8, _("8 Community resolution")
        PROSECUTION_NOT_IN_PUBLIC_INTEREST_CPS = 9, _("9 Prosecution not in the public interest (CPS)")
        FORMAL_ACTION_NOT_IN_PUBLIC_INTEREST = 10, _("10 Formal action not in the public interest (police)")
        SUSPECT_BELOW_AGE = 11, _("11 Prosecution prevented: suspect below the age of criminal responsibility")
        SUSPECT_TOO_ILL = 12, _("12 Prosecution prevented: suspect too ill")
        VICTIM_OR_WITNESS_UNABLE = 13, _("13 Prosecution prevented: victim or key witness dead or too ill")
        VICTIM_DECLINES_SUSPECT_NOT_IDENTIFIED = (
            14,
            _("14 Evidential difficulties: suspect not identified, victim does not support action"),
        )
        EVIDENTIAL_DIFFICULTIES_VICTIM_SUPPORTS = 15, _("15 Evidential difficulties: victim supports action")
        EVIDENTIAL_DIFFICULTIES_VICTIM_DECLINES = 16, _("16 Evidential difficulties: victim does not support action")
        TIME_LIMIT_EXPIRED = 17, _("17 Prosecution time limit expired")
        NO_SUSPECT = 18, _("18 Investigation complete: no suspect identified")
        NOT_YET_ASSIGNED = 19, _("19 Not yet assigned an outcome")
        OTHER_BODY_PRIMACY = 20, _("20 Further action by another body or agency")
        NOT_IN_PUBLIC_INTEREST = 21, _("21 Further investigation not in the public interest")
        DIVERSIONARY = 22, _("22 Diversionary, educational or intervention activity")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="actions")
    party = models.ForeignKey(
        Party, verbose_name=_("against"), null=True, blank=True, on_delete=models.SET_NULL, related_name="actions"
    )
    kind = models.CharField(_("action"), max_length=24, choices=Kind.choices)
    police_outcome = models.PositiveSmallIntegerField(
        _("police outcome type"), choices=PoliceOutcome.choices, null=True, blank=True
    )
    taken_on = models.DateField(_("date"))
    taken_by = models.CharField(_("by (organisation)"), max_length=200, blank=True)
    notes = EncryptedTextField(_("notes"), blank=True, null=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)
    idempotency_key = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["-taken_on", "-id"]

    def __str__(self):
        return f"{self.case}: {self.kind}"


class CaseNote(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")
    text = EncryptedTextField(_("note"))
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    written_at = models.DateTimeField(default=timezone.now)
    idempotency_key = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["-written_at", "-id"]

    def __str__(self):
        return f"Note on {self.case}"


class SentMessage(models.Model):
    """A caseworker's message (kept in reporting.Message) sent from a case; the key stops a double send."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="sent_messages")
    message = models.OneToOneField("reporting.Message", on_delete=models.CASCADE, related_name="+")
    idempotency_key = models.UUIDField(unique=True, editable=False)

    def __str__(self):
        return f"Message on {self.case}"


class CaseReview(models.Model):
    """An ASB case review (community trigger), ss.104-105 Anti-social Behaviour, Crime and Policing Act 2014."""

    class Stage(models.TextChoices):
        ELIGIBLE = "eligible", _("Qualifies: applicant told")
        APPLIED = "applied", _("Application received")
        THRESHOLD_MET = "threshold_met", _("Threshold met: review to be held")
        THRESHOLD_NOT_MET = "threshold_not_met", _("Threshold not met")
        REVIEWED = "reviewed", _("Review held: outcome sent")

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="case_review")
    applicant_report = models.ForeignKey(
        "reporting.Report", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    qualifying_complaints = models.PositiveSmallIntegerField(_("qualifying complaints"))
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices, default=Stage.ELIGIBLE)
    qualified_at = models.DateTimeField(_("qualified"), default=timezone.now)
    applicant_told_at = models.DateTimeField(_("applicant told"), null=True, blank=True)
    applied_at = models.DateTimeField(_("application received"), null=True, blank=True)
    threshold_decision_by = models.DateField(_("threshold decision due"), null=True, blank=True)
    threshold_decided_at = models.DateTimeField(_("threshold decided"), null=True, blank=True)
    outcome_by = models.DateField(_("outcome due"), null=True, blank=True)
    reviewed_at = models.DateTimeField(_("review held"), null=True, blank=True)
    decision = EncryptedTextField(_("decision and recommendations"), blank=True, null=True)
    is_demo = models.BooleanField(default=False)

    def __str__(self):
        return f"Case review of {self.case}"


class RetentionNotice(models.Model):
    """A warning given to a record's owners before it is deleted; deletion waits for it."""

    case = models.OneToOneField(Case, null=True, blank=True, on_delete=models.CASCADE, related_name="retention")
    report = models.OneToOneField(
        "reporting.Report", null=True, blank=True, on_delete=models.CASCADE, related_name="casework_retention"
    )
    record_type = models.CharField(max_length=30)
    due_on = models.DateField()
    warned_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"Retention notice {self.record_type} due {self.due_on}"


class RetentionDeletion(models.Model):
    """What was deleted and when: no record disappears without a line here."""

    reference = models.CharField(max_length=20)
    record_type = models.CharField(max_length=30)
    due_on = models.DateField()
    warned_at = models.DateTimeField()
    deleted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-deleted_at"]

    def __str__(self):
        return f"Deleted {self.reference}"
