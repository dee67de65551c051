from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatableModel, TranslatedFields


class PackIssue(models.Model):
    """One Welcome Pack produced for a resident: counted for the strategy's figures, holds nothing personal."""

    class Format(models.TextChoices):
        WEB = "web", _("Web page")
        PDF = "pdf", _("PDF")
        PRINT = "print", _("Print")
        EASY_READ = "easy_read", _("Easy read")

    issued_at = models.DateTimeField(auto_now_add=True, db_index=True)
    ward_code = models.CharField(max_length=9, db_index=True)
    language = models.CharField(max_length=10, db_index=True)
    format = models.CharField(max_length=10, choices=Format.choices)
    # True when an officer built the pack for a resident.
    by_officer = models.BooleanField(default=False)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["-issued_at"]

    def __str__(self):
        return f"{self.get_format_display()} pack, {self.ward_code}, {self.language}"


class Part(models.TextChoices):
    """The parts of the pack, in the order a reader meets them."""

    INTRODUCTION = "introduction", _("Welcome")
    YOUR_AREA = "your_area", _("Your area")
    LEARNING_ENGLISH = "learning_english", _("Learning English near you")
    RIGHTS = "rights", _("Your rights and responsibilities")
    HATE_CRIME = "hate_crime", _("Hate crime is a crime")
    COMMUNITY = "community", _("Community activity")
    EMERGENCY = "emergency", _("Emergency and useful numbers")


PART_ORDER = list(Part.values)


class ReviewStatus(models.TextChoices):
    MACHINE_DRAFTED = "machine_drafted", _("Machine drafted")
    AWAITING_REVIEW = "awaiting_review", _("Awaiting review")
    APPROVED = "approved", _("Approved")


class PackSection(TranslatableModel):
    """A piece of the pack's editable text. Each language's text is reviewed on its own."""

    key = models.SlugField(max_length=60, unique=True)
    order = models.PositiveSmallIntegerField(default=0)
    part = models.CharField(max_length=20, choices=Part.choices)
    translations = TranslatedFields(
        title=models.CharField(_("title"), max_length=200),
        body=models.TextField(_("text")),
        easy_read_body=models.TextField(_("easy read text"), blank=True),
        review_status=models.CharField(
            _("review status"), max_length=20, choices=ReviewStatus.choices, default=ReviewStatus.MACHINE_DRAFTED
        ),
        last_reviewed_on=models.DateField(_("last reviewed on"), null=True, blank=True),
        reviewed_by=models.ForeignKey(
            settings.AUTH_USER_MODEL,
            verbose_name=_("reviewed by"),
            null=True,
            blank=True,
            on_delete=models.SET_NULL,
            related_name="+",
        ),
    )

    class Meta:
        ordering = ["order", "key"]
        verbose_name = _("Welcome Pack section")
        verbose_name_plural = _("Welcome Pack sections")

    def __str__(self):
        return self.key


class ShortLink(models.Model):
    """A short, stable address for a directory service, printed in packs and encoded in their QR codes."""

    code = models.CharField(max_length=12, unique=True)
    service = models.OneToOneField("directory.Service", on_delete=models.CASCADE, related_name="welcome_short_link")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["code"]

    def __str__(self):
        return self.code
