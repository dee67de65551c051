from django.db import models
from django.utils.translation import gettext_lazy as _


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
