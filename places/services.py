"""Every write to places: importing the official files. Each import is one transaction and is recorded."""

import hashlib
import json
import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from shapely.geometry import shape

from core import page_cache

from . import importers
from .models import (
    CensusArea,
    CensusCount,
    CensusTable,
    ImportRun,
    Lsoa,
    LsoaChange,
    LsoaWard,
    Postcode,
    Ward,
    WardGeneration,
)

logger = logging.getLogger(__name__)

BATCH = 2000

# The 2004 wards (E05001301 to E05001320) stay in force until the May 2026 election under the
# Walsall (Electoral Changes) Order 2025; the new wards' boundaries are imported when published.
WALSALL_2004_WARDS = {
    "generation_name": "Walsall wards 2004–2026",
    "valid_from": date(2004, 6, 10),
    "valid_to": date(2026, 5, 6),
}

# The files of OPEN_DATA_DIR in import order (boundaries first: lookups attach to their wards and LSOAs).
OPEN_DATA_FILES = [
    ("ward_boundaries", "boundaries_wards13.geojson", WALSALL_2004_WARDS),
    ("area_boundaries", "boundaries_lsoa21.geojson", {}),
    ("area_boundaries", "boundaries_lsoa11.geojson", {}),
    ("area_boundaries", "boundaries_msoa11.geojson", {}),
    ("area_boundaries", "boundaries_oa11.geojson", {}),
    ("lsoa_ward_lookup", "lookup_lsoa21_ward24.csv", {}),
    ("lsoa_ward_lookup", "lookup_lsoa11_ward17.csv", {}),
    ("lsoa_change", "lookup_lsoa11_lsoa21.csv", {}),
    *[("census_csv", name, {}) for name in importers.TIDY_CENSUS_FILES],
]

SYNTHETIC_ONSPD_SAMPLE = Path(__file__).resolve().parent / "data" / "onspd_synthetic_walsall_sample.csv"

KINDS = ("ward_boundaries", "area_boundaries", "lsoa_ward_lookup", "lsoa_change", "census_csv", "nomis_csv", "onspd")


@dataclass
class ImportResult:
    kind: str
    path: str
    rows: int
    skipped: bool
    note: str = ""


def _fingerprint(kind, sha256, options):
    payload = json.dumps({"kind": kind, "sha256": sha256, "options": options}, sort_keys=True, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()


def data_file_import(*, kind, path, force=False, **options):
    """Import one file of a known format; a file already imported with the same options is skipped."""
    if kind not in KINDS:
        raise ValueError(f"Unknown import format {kind!r}; choose one of {', '.join(KINDS)}")
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"No such file: {path}")
    sha256 = importers.file_sha256(path)
    fingerprint = _fingerprint(kind, sha256, options)
    if not force and ImportRun.objects.filter(fingerprint=fingerprint).exists():
        return ImportResult(kind, str(path), 0, skipped=True)
    started = timezone.now()
    with transaction.atomic():
        rows, note = _IMPORTERS[kind](path, **options)
        ImportRun.objects.update_or_create(
            fingerprint=fingerprint,
            defaults={
                "kind": kind,
                "source_path": str(path),
                "sha256": sha256,
                "rows": rows,
                "started_at": started,
                "finished_at": timezone.now(),
            },
        )
        transaction.on_commit(page_cache.invalidate)
    return ImportResult(kind, str(path), rows, skipped=False, note=note)


def open_data_import(*, directory=None, include_synthetic_postcodes=True, force=False):
    """Import every known file of OPEN_DATA_DIR (and the synthetic ONSPD sample). Returns ImportResults."""
    directory = Path(directory or settings.OPEN_DATA_DIR or "")
    if not str(directory) or not directory.is_dir():
        raise FileNotFoundError(
            f"The open data folder {str(directory) or '(OPEN_DATA_DIR is not set)'} does not exist. "
            "Set OPEN_DATA_DIR to the folder holding Walsall's open data (see shared/data/README.md)."
        )
    results = []
    for kind, name, options in OPEN_DATA_FILES:
        path = directory / name
        if not path.is_file():
            results.append(ImportResult(kind, str(path), 0, skipped=True, note="missing"))
            continue
        results.append(data_file_import(kind=kind, path=path, force=force, **options))
    if include_synthetic_postcodes and SYNTHETIC_ONSPD_SAMPLE.is_file():
        results.append(data_file_import(kind="onspd", path=SYNTHETIC_ONSPD_SAMPLE, force=force, synthetic=True))
    return results


# One function per format ------------------------------------------------------------------------------


def _as_date(value):
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def ward_generation_save(*, name, valid_from, valid_to=None, source=""):
    generation, _created = WardGeneration.objects.update_or_create(
        valid_from=_as_date(valid_from),
        defaults={"name": name, "valid_to": _as_date(valid_to), "source": source},
    )
    return generation


def _import_ward_boundaries(path, *, valid_from, valid_to=None, generation_name=None, **_ignored):
    boundaries = importers.read_geojson_boundaries(path)
    if boundaries.kind != "ward":
        raise importers.ImportFormatError(f"{path}: these are {boundaries.kind} boundaries, not wards")
    valid_from = _as_date(valid_from)
    generation = ward_generation_save(
        name=generation_name or f"Wards from {valid_from.isoformat()}",
        valid_from=valid_from,
        valid_to=valid_to,
        source=f"{Path(path).name} (ONS/OS boundaries, {boundaries.year} codes)",
    )
    for code, name, geometry in boundaries.features:
        Ward.objects.update_or_create(
            generation=generation, gss_code=code, defaults={"name": name, "boundary": geometry}
        )
    generation.save()  # bumps updated_at, which invalidates cached maps and spatial indexes
    return len(boundaries.features), generation.name


def _import_area_boundaries(path, **_ignored):
    boundaries = importers.read_geojson_boundaries(path)
    if boundaries.kind == "lsoa":
        objects = []
        for code, name, geometry in boundaries.features:
            centroid = shape(geometry).centroid
            objects.append(
                Lsoa(
                    code=code,
                    name=name,
                    census_year=boundaries.year,
                    boundary=geometry,
                    centroid_lat=round(centroid.y, 6),
                    centroid_lon=round(centroid.x, 6),
                )
            )
        Lsoa.objects.bulk_create(
            objects,
            update_conflicts=True,
            unique_fields=["code", "census_year"],
            update_fields=["name", "boundary", "centroid_lat", "centroid_lon"],
            batch_size=BATCH,
        )
    elif boundaries.kind in {"msoa", "oa"}:
        CensusArea.objects.bulk_create(
            [
                CensusArea(geography=boundaries.kind, census_year=boundaries.year, code=code, name=name, boundary=geo)
                for code, name, geo in boundaries.features
            ],
            update_conflicts=True,
            unique_fields=["geography", "census_year", "code"],
            update_fields=["name", "boundary"],
            batch_size=BATCH,
        )
    else:
        raise importers.ImportFormatError(f"{path}: use the ward_boundaries format for ward boundaries")
    return len(boundaries.features), f"{boundaries.kind} {boundaries.year}"


def _import_lsoa_ward_lookup(path, *, on_date=None, **_ignored):
    lookup = importers.read_lsoa_ward_lookup(path)
    # A lookup names its wards by the year of their codes; it belongs to the generation in force that year.
    day = _as_date(on_date) or date(lookup.ward_year, 5, 31)
    generation = (
        WardGeneration.objects.filter(valid_from__lte=day).exclude(valid_to__lt=day).order_by("-valid_from").first()
    )
    if generation is None:
        raise importers.ImportFormatError(
            f"{path}: no ward generation in force on {day}; import that generation's ward boundaries first"
        )
    wards = {ward.gss_code: ward for ward in generation.wards.all()}
    lsoa_names = {code: name for code, name, _w, _n in lookup.rows}
    Lsoa.objects.bulk_create(
        [Lsoa(code=code, name=name, census_year=lookup.lsoa_year) for code, name in lsoa_names.items()],
        ignore_conflicts=True,
    )
    lsoas = {
        lsoa.code: lsoa
        for lsoa in Lsoa.objects.filter(census_year=lookup.lsoa_year, code__in=lsoa_names).only("id", "code", "name")
    }
    for code, name in lsoa_names.items():
        if name and not lsoas[code].name:
            Lsoa.objects.filter(pk=lsoas[code].pk).update(name=name)
    links = []
    for lsoa_code, _name, ward_code, ward_name in lookup.rows:
        ward = wards.get(ward_code)
        if ward is None:
            if not ward_name:
                raise importers.ImportFormatError(f"{path}: ward {ward_code} is not in {generation}")
            ward = wards[ward_code] = Ward.objects.create(generation=generation, gss_code=ward_code, name=ward_name)
        links.append(LsoaWard(lsoa=lsoas[lsoa_code], ward=ward, source=Path(path).name))
    # An LSOA has one best-fit ward per generation: replace this generation's links for these LSOAs.
    LsoaWard.objects.filter(ward__generation=generation, lsoa__in=lsoas.values()).delete()
    LsoaWard.objects.bulk_create(links, batch_size=BATCH)
    generation.save()
    return len(links), f"LSOA {lookup.lsoa_year} → {generation}"


def _import_lsoa_change(path, **_ignored):
    rows = importers.read_lsoa_change(path)
    LsoaChange.objects.bulk_create(
        [LsoaChange(lsoa11_code=a, lsoa21_code=b, change_code=c) for a, _n11, b, _n21, c in rows],
        update_conflicts=True,
        unique_fields=["lsoa11_code", "lsoa21_code"],
        update_fields=["change_code"],
        batch_size=BATCH,
    )
    for year, names in ((2011, {a: n for a, n, _b, _m, _c in rows}), (2021, {b: m for _a, _n, b, m, _c in rows})):
        Lsoa.objects.bulk_create(
            [Lsoa(code=code, name=name, census_year=year) for code, name in names.items()], ignore_conflicts=True
        )
    return len(rows), ""


def _save_census(census):
    spec = census.spec
    table, _created = CensusTable.objects.update_or_create(
        dataset=spec.dataset,
        census_year=spec.census_year,
        classification=spec.classification,
        defaults={"title": spec.title, "unit": spec.unit, "source": spec.source},
    )
    CensusCount.objects.bulk_create(
        [
            CensusCount(table=table, geography=spec.geography, area_code=area, category=category, count=count)
            for area, category, count in census.counts
        ],
        update_conflicts=True,
        unique_fields=["table", "geography", "area_code", "category"],
        update_fields=["count"],
        batch_size=BATCH,
    )
    return len(census.counts), f"{spec.dataset} {spec.census_year} {spec.classification}"


def _import_census_csv(path, **_ignored):
    return _save_census(importers.read_tidy_census(path))


def _import_nomis_csv(path, *, area_codes=None, classification=None, **_ignored):
    return _save_census(importers.read_nomis_census(path, area_codes=area_codes, classification=classification))


def _import_onspd(path, *, synthetic=False, local_authority=None, **_ignored):
    rows, terminated = importers.read_onspd(path, synthetic=synthetic, local_authority=local_authority)
    source = Path(path).name + (" (synthetic)" if synthetic else "")
    Postcode.objects.bulk_create(
        [
            Postcode(
                postcode=row.postcode,
                lsoa21_code=row.lsoa21_code,
                lsoa11_code=row.lsoa11_code,
                ward_code=row.ward_code,
                lat=row.lat,
                lon=row.lon,
                is_synthetic=row.is_synthetic,
                source=source,
            )
            for row in rows
        ],
        update_conflicts=True,
        unique_fields=["postcode"],
        update_fields=["lsoa21_code", "lsoa11_code", "ward_code", "lat", "lon", "is_synthetic", "source"],
        batch_size=BATCH,
    )
    return len(rows), f"{terminated} terminated postcodes ignored"


_IMPORTERS = {
    "ward_boundaries": _import_ward_boundaries,
    "area_boundaries": _import_area_boundaries,
    "lsoa_ward_lookup": _import_lsoa_ward_lookup,
    "lsoa_change": _import_lsoa_change,
    "census_csv": _import_census_csv,
    "nomis_csv": _import_nomis_csv,
    "onspd": _import_onspd,
}
