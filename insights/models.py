"""What the insights pages need that the places app does not hold: anti-social behaviour records
(police.uk and, later, the platform's own reports) and the segregation figures computed from the
Census, which are recomputed as background work rather than on every page view."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AsbImport(models.Model):
    """One police.uk street-level file, imported once (its SHA-256 makes re-imports a no-op)."""

    source_name = models.CharField(max_length=300)
    sha256 = models.CharField(max_length=64, unique=True)
    falls_within = models.CharField(max_length=200, blank=True, help_text=_("The police force, as police.uk names it."))
    rows_read = models.PositiveIntegerField(default=0)
    rows_kept = models.PositiveIntegerField(default=0, help_text=_("Anti-social behaviour records inside Walsall."))
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-imported_at"]

    def __str__(self):
        return self.source_name


class AsbIncident(models.Model):
    class Source(models.TextChoices):
        POLICE_UK = "police_uk", _("Recorded by the police (police.uk)")
        PLATFORM = "platform", _("Reported through Living Together")

    source = models.CharField(max_length=20, choices=Source.choices)
    import_run = models.ForeignKey(AsbImport, on_delete=models.CASCADE, null=True, blank=True, related_name="incidents")
    month = models.DateField(help_text=_("First day of the month: police.uk publishes months, not days."))
    latitude = models.FloatField(null=True, blank=True, help_text=_("police.uk's anonymised point (a snap point)."))
    longitude = models.FloatField(null=True, blank=True)
    location = models.CharField(max_length=200, blank=True)
    published_lsoa_code = models.CharField(max_length=9, blank=True, help_text=_("The LSOA code as published."))
    lsoa21_code = models.CharField(max_length=9, blank=True, help_text=_("2021 LSOA holding the point."))
    ward_code = models.CharField(max_length=9, blank=True, help_text=_("Ward holding the point."))
    crime_type = models.CharField(max_length=80, default="Anti-social behaviour")

    class Meta:
        indexes = [
            models.Index(fields=["source", "month"]),
            models.Index(fields=["ward_code", "month"]),
        ]

    def __str__(self):
        return f"{self.crime_type} {self.month:%Y-%m} {self.ward_code}"


class IndexResult(models.Model):
    """One segregation index for one Census, geography and group, with its confidence interval."""

    census_year = models.PositiveSmallIntegerField()
    geography = models.CharField(max_length=12)  # "oa", "lsoa", "ward" or "harmonised" (2011/2021 common areas)
    group = models.CharField(max_length=60)  # a broad group, or "all" for multigroup indices
    index = models.CharField(max_length=40)
    value = models.FloatField()
    ci_low = models.FloatField(null=True, blank=True)
    ci_high = models.FloatField(null=True, blank=True)
    iterations = models.PositiveIntegerField(default=0)
    areas = models.PositiveIntegerField(help_text=_("How many areas the index was computed over."))
    inputs_fingerprint = models.CharField(max_length=64)
    computed_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["census_year", "geography", "group", "index"], name="one_result_per_index")
        ]

    def __str__(self):
        return f"{self.index} {self.group} {self.geography} {self.census_year}: {self.value:.3f}"


class IndexChange(models.Model):
    """The 2011 → 2021 change of one index on the harmonised geography, and whether chance explains it."""

    geography = models.CharField(max_length=12)
    group = models.CharField(max_length=60)
    index = models.CharField(max_length=40)
    value_2011 = models.FloatField()
    value_2021 = models.FloatField()
    difference = models.FloatField()
    ci_low = models.FloatField()
    ci_high = models.FloatField()
    p_value = models.FloatField()
    iterations = models.PositiveIntegerField()
    inputs_fingerprint = models.CharField(max_length=64)
    computed_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["geography", "group", "index"], name="one_change_per_index")]

    def __str__(self):
        return f"{self.index} {self.group} {self.geography}: {self.difference:+.3f}"
