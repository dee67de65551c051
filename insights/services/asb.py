"""Writes of anti-social behaviour records: police.uk street-level files, and the platform's own reports.

police.uk publishes one street-level CSV per force and month (columns Crime ID, Month, Reported by,
Falls within, Longitude, Latitude, Location, LSOA code, LSOA name, Crime type, Last outcome
category, Context). A file is imported once: its SHA-256 makes a second import a no-op, and a newer
file from the same force replaces that force's earlier records for the months it covers (police.uk
revises past months), so months are never counted twice. Each record is placed in a 2021 LSOA and a
ward by the boundaries holding its (anonymised) point; records without a point, or outside Walsall,
are counted as skipped and not stored.
"""

import csv
import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.db import transaction

from core import page_cache

from ..models import AsbImport, AsbIncident
from ..selectors.asb import area_index

ASB = "Anti-social behaviour"
BATCH_SIZE = 5000

# The full police.uk street CSV, and the short tab-separated sample (month, longitude, latitude, location, lsoa_code).
STREET_COLUMNS = {"Month", "Longitude", "Latitude", "Location", "LSOA code", "Crime type"}
SAMPLE_COLUMNS = {"month", "longitude", "latitude", "location", "lsoa_code"}


class UnknownFormat(ValueError):
    """The file is neither a police.uk street-level CSV nor the tab-separated sample format."""


class NoBoundaries(ValueError):
    """Records cannot be placed in wards before the ward boundaries are imported."""


@dataclass
class ImportSummary:
    import_run: AsbImport
    already_imported: bool = False
    rows_read: int = 0
    rows_kept: int = 0
    not_asb: int = 0
    no_location: int = 0
    outside_walsall: int = 0
    bad_month: int = 0
    replaced: int = 0  # earlier records of the same force and months, replaced by this file's

    def line(self):
        if self.already_imported:
            return (
                f"{self.import_run.source_name} was already imported on {self.import_run.imported_at:%Y-%m-%d} "
                f"({self.import_run.rows_kept} records kept); use --force to import it again."
            )
        return (
            f"Imported {self.import_run.source_name}: {self.rows_read} rows read, {self.rows_kept} "
            f"anti-social behaviour records kept in Walsall; skipped {self.not_asb} other crime types, "
            f"{self.no_location} without a location, {self.outside_walsall} outside Walsall, "
            f"{self.bad_month} with no valid month; replaced {self.replaced} earlier records."
        )


@dataclass
class _Record:
    month: date | None
    lat: float | None
    lon: float | None
    location: str
    lsoa_code: str
    crime_type: str
    falls_within: str


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _month(text):
    """'2024-03' (police.uk) or '2022-01-01' (the sample) → the first day of that month."""
    try:
        year, month = int(text[:4]), int(text[5:7])
        return date(year, month, 1) if text[4] == "-" else None
    except (ValueError, IndexError):
        return None


def _coordinate(text):
    try:
        value = float(text)
    except (TypeError, ValueError):
        return None
    return value if value == value else None  # NaN is no location


def _reader(file):
    """Yield _Record for every data row of an open file, after checking its header."""
    first_line = file.readline()
    delimiter = "\t" if "\t" in first_line else ","
    header = [name.strip() for name in next(csv.reader([first_line], delimiter=delimiter), [])]
    rows = csv.reader(file, delimiter=delimiter)
    if set(header) >= STREET_COLUMNS:
        at = {name: header.index(name) for name in header}
        falls = at.get("Falls within")
        for row in rows:
            if not row:
                continue
            row = row + [""] * (len(header) - len(row))
            yield _Record(
                _month(row[at["Month"]].strip()),
                _coordinate(row[at["Latitude"]]),
                _coordinate(row[at["Longitude"]]),
                row[at["Location"]].strip(),
                row[at["LSOA code"]].strip(),
                row[at["Crime type"]].strip(),
                row[falls].strip() if falls is not None else "",
            )
    elif set(header) >= SAMPLE_COLUMNS:
        at = {name: header.index(name) for name in header}
        for row in rows:
            if not row:
                continue
            row = row + [""] * (len(header) - len(row))
            yield _Record(
                _month(row[at["month"]].strip()),
                _coordinate(row[at["latitude"]]),
                _coordinate(row[at["longitude"]]),
                row[at["location"]].strip(),
                row[at["lsoa_code"]].strip(),
                ASB,  # the sample holds anti-social behaviour only
                "",
            )
    else:
        raise UnknownFormat(
            "Not a police.uk street-level file: expected the columns "
            f"{', '.join(sorted(STREET_COLUMNS))} (or the tab-separated sample's {', '.join(sorted(SAMPLE_COLUMNS))}); "
            f"found {', '.join(header) or 'nothing'}."
        )


def _batches(records, size):
    batch = []
    for record in records:
        batch.append(record)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def police_uk_import(*, path, force=False):
    """Import one police.uk street-level file (or the sample format); a file already imported is a no-op.

    ``force`` imports an already imported file again, replacing what it stored. Raises
    FileNotFoundError for a missing file, UnknownFormat for a file of another shape and NoBoundaries
    before the ward boundaries are imported.
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"No file at {path}")
    sha256 = _sha256(path)
    existing = AsbImport.objects.filter(sha256=sha256).first()
    if existing and not force:
        return ImportSummary(
            existing, already_imported=True, rows_read=existing.rows_read, rows_kept=existing.rows_kept
        )

    index = area_index()
    if not index.has_wards:
        raise NoBoundaries("No ward boundaries have been imported: run manage.py import_open_data first.")
    with transaction.atomic(), open(path, encoding="utf-8-sig", newline="") as file:
        records = _reader(file)
        first = next(records, None)  # reads the header: an unknown format raises before anything is written
        if existing:
            existing.delete()
        run = AsbImport.objects.create(source_name=path.name, sha256=sha256)
        summary = ImportSummary(run)
        months = set()
        falls_within = ""
        pending = [first] if first is not None else []
        for batch in _batches(_chain(pending, records), BATCH_SIZE):
            summary.rows_read += len(batch)
            kept = []
            for record in batch:
                if record.crime_type != ASB:
                    summary.not_asb += 1
                elif record.month is None:
                    summary.bad_month += 1
                elif record.lat is None or record.lon is None:
                    summary.no_location += 1
                else:
                    kept.append(record)
                falls_within = falls_within or record.falls_within
            wards, lsoas = index.locate([r.lat for r in kept], [r.lon for r in kept])
            incidents = []
            for record, ward_code, lsoa_code in zip(kept, wards, lsoas, strict=True):
                if not ward_code:
                    summary.outside_walsall += 1
                    continue
                months.add(record.month)
                incidents.append(
                    AsbIncident(
                        source=AsbIncident.Source.POLICE_UK,
                        import_run=run,
                        month=record.month,
                        latitude=record.lat,
                        longitude=record.lon,
                        location=record.location[:200],
                        published_lsoa_code=record.lsoa_code[:9],
                        lsoa21_code=lsoa_code,
                        ward_code=ward_code,
                        crime_type=record.crime_type,
                    )
                )
            AsbIncident.objects.bulk_create(incidents, batch_size=1000)
            summary.rows_kept += len(incidents)
        if months:
            summary.replaced, _ = (
                AsbIncident.objects.filter(
                    source=AsbIncident.Source.POLICE_UK, month__in=months, import_run__falls_within=falls_within
                )
                .exclude(import_run=run)
                .delete()
            )
        run.falls_within = falls_within[:200]
        run.rows_read = summary.rows_read
        run.rows_kept = summary.rows_kept
        run.save(update_fields=["falls_within", "rows_read", "rows_kept"])
        transaction.on_commit(page_cache.invalidate)
    return summary


def _chain(first, rest):
    yield from first
    yield from rest


def platform_report_record(*, month, latitude=None, longitude=None, location=""):
    """Add one anti-social behaviour report made through this platform to the series (for the reporting app).

    The record keeps only the month and the place; it is counted apart from police.uk's records.
    """
    ward_code = lsoa_code = ""
    if latitude is not None and longitude is not None:
        wards, lsoas = area_index().locate([latitude], [longitude])
        ward_code, lsoa_code = wards[0], lsoas[0]
    incident = AsbIncident.objects.create(
        source=AsbIncident.Source.PLATFORM,
        month=month.replace(day=1),
        latitude=latitude,
        longitude=longitude,
        location=location[:200],
        lsoa21_code=lsoa_code,
        ward_code=ward_code,
    )
    transaction.on_commit(page_cache.invalidate)
    return incident
