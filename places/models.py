"""Walsall's geography: dated ward generations, census areas, lookups, census counts and postcodes.

Codes are ONS GSS codes (E05… wards, E01… LSOAs, E02… MSOAs, E00… output areas). Boundaries are
GeoJSON geometries (WGS84 longitude/latitude) kept in JSON fields; shapely reads them when needed.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CensusYear(models.IntegerChoices):
    Y2011 = 2011, "2011"
    Y2021 = 2021, "2021"


class Geography(models.TextChoices):
    OA = "oa", _("Output area")
    LSOA = "lsoa", _("Lower layer super output area")
    MSOA = "msoa", _("Middle layer super output area")
    WARD = "ward", _("Electoral ward")
    LAD = "lad", _("Local authority district")


class ImportRun(models.Model):
    """One successful import of one file. The fingerprint (file hash, format and options) makes re-runs no-ops."""

    kind = models.CharField(max_length=40)
    source_path = models.CharField(max_length=500)
    sha256 = models.CharField(max_length=64)
    fingerprint = models.CharField(max_length=64, unique=True)
    rows = models.PositiveIntegerField(default=0)
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField()

    class Meta:
        ordering = ["-finished_at"]

    def __str__(self):
        return f"{self.kind}: {self.source_path} ({self.rows} rows)"


class WardGeneration(models.Model):
    """A set of ward boundaries in force between two dates (valid_to is the last day in force, inclusive)."""

    name = models.CharField(max_length=200)
    valid_from = models.DateField(unique=True)
    valid_to = models.DateField(null=True, blank=True)
    source = models.CharField(max_length=500, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=models.F("valid_from")),
                name="places_generation_valid_to_after_valid_from",
            )
        ]

    def __str__(self):
        return self.name

    def in_force_on(self, day):
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


class Ward(models.Model):
    generation = models.ForeignKey(WardGeneration, on_delete=models.CASCADE, related_name="wards")
    gss_code = models.CharField(max_length=9)
    name = models.CharField(max_length=200)
    boundary = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["generation", "gss_code"], name="places_ward_unique_code")]

    def __str__(self):
        return f"{self.name} ({self.gss_code})"


class Lsoa(models.Model):
    """A Census lower layer super output area ("neighbourhood") of 2011 or 2021."""

    code = models.CharField(max_length=9)
    name = models.CharField(max_length=200, blank=True)
    census_year = models.PositiveSmallIntegerField(choices=CensusYear.choices)
    boundary = models.JSONField(null=True, blank=True)
    centroid_lat = models.FloatField(null=True, blank=True)
    centroid_lon = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["code"]
        constraints = [models.UniqueConstraint(fields=["code", "census_year"], name="places_lsoa_unique_code")]

    def __str__(self):
        return f"{self.name or self.code} ({self.census_year})"


class LsoaWard(models.Model):
    """An LSOA's ward according to a published ONS lookup (best fit)."""

    lsoa = models.ForeignKey(Lsoa, on_delete=models.CASCADE, related_name="ward_links")
    ward = models.ForeignKey(Ward, on_delete=models.CASCADE, related_name="lsoa_links")
    source = models.CharField(max_length=200, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["lsoa", "ward"], name="places_lsoaward_unique")]

    def __str__(self):
        return f"{self.lsoa.code} → {self.ward.gss_code}"


class LsoaChange(models.Model):
    """ONS 2011 → 2021 LSOA best-fit change table."""

    class ChangeCode(models.TextChoices):
        UNCHANGED = "U", _("Unchanged")
        SPLIT = "S", _("Split")
        MERGED = "M", _("Merged")
        COMPLEX = "X", _("Complex (redesigned)")

    lsoa11_code = models.CharField(max_length=9, db_index=True)
    lsoa21_code = models.CharField(max_length=9, db_index=True)
    change_code = models.CharField(max_length=1, choices=ChangeCode.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["lsoa11_code", "lsoa21_code"], name="places_lsoachange_unique")]

    def __str__(self):
        return f"{self.lsoa11_code} → {self.lsoa21_code} ({self.change_code})"


class CensusArea(models.Model):
    """Other census areas with a boundary (2011 output areas and MSOAs)."""

    geography = models.CharField(max_length=8, choices=Geography.choices)
    census_year = models.PositiveSmallIntegerField(choices=CensusYear.choices)
    code = models.CharField(max_length=9)
    name = models.CharField(max_length=200, blank=True)
    boundary = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["geography", "census_year", "code"], name="places_censusarea_unique")
        ]

    def __str__(self):
        return f"{self.code} ({self.geography} {self.census_year})"


class CensusTable(models.Model):
    """A census table as published, e.g. TS021 (ethnic group), 5 broad groups, 2021."""

    dataset = models.CharField(max_length=20)
    census_year = models.PositiveSmallIntegerField(choices=CensusYear.choices)
    classification = models.CharField(max_length=60)
    title = models.CharField(max_length=200)
    unit = models.CharField(max_length=40, default="persons")
    source = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["census_year", "dataset", "classification"]
        constraints = [
            models.UniqueConstraint(
                fields=["dataset", "census_year", "classification"], name="places_censustable_unique"
            )
        ]

    def __str__(self):
        return f"{self.dataset} {self.census_year} {self.classification}"


class CensusCount(models.Model):
    """One count of one category in one area (long format). The category ``Total`` holds the table total."""

    TOTAL = "Total"

    table = models.ForeignKey(CensusTable, on_delete=models.CASCADE, related_name="counts")
    geography = models.CharField(max_length=8, choices=Geography.choices)
    area_code = models.CharField(max_length=9)
    category = models.CharField(max_length=200)
    count = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["table", "geography", "area_code", "category"], name="places_censuscount_unique"
            )
        ]
        indexes = [models.Index(fields=["table", "geography", "category"], name="places_count_table_cat")]

    def __str__(self):
        return f"{self.area_code} {self.category}: {self.count}"


class Postcode(models.Model):
    """A live postcode from the ONS Postcode Directory (ONSPD), or a synthetic demo one."""

    postcode = models.CharField(max_length=8, unique=True, help_text="Normalised, e.g. 'WS1 1TP'.")
    lsoa21_code = models.CharField(max_length=9, blank=True, db_index=True)
    lsoa11_code = models.CharField(max_length=9, blank=True)
    ward_code = models.CharField(max_length=9, blank=True)
    lat = models.FloatField(null=True, blank=True)
    lon = models.FloatField(null=True, blank=True)
    is_synthetic = models.BooleanField(default=False)
    source = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["postcode"]

    def __str__(self):
        return self.postcode
