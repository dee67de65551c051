"""Readers for the official open data formats. They only parse files into plain rows; services write them.

- ONS lookup CSVs (LSOA → ward, LSOA 2011 → 2021), read by column name.
- Census tables: the tidy CSVs (wide or long) in the Walsall folder, and the raw Nomis download (TS021…).
- GeoJSON boundaries (wards, LSOAs, MSOAs, output areas), properties detected by name.
- ONS Postcode Directory (ONSPD) CSV, read by column name; terminated postcodes are skipped.
"""

import csv
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .postcodes import normalise_postcode


class ImportFormatError(ValueError):
    """The file is not in the format the importer reads."""


def file_sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _read_csv(path):
    with open(path, newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        fieldnames = reader.fieldnames or []
        return fieldnames, list(reader)


def _count(value):
    """Census counts arrive as '2337', '2337.0' or blank."""
    value = (value or "").strip()
    if not value:
        return None
    return round(float(value))


# ONS lookups ---------------------------------------------------------------------------------------

_LSOA_COLUMN = re.compile(r"^lsoa(\d\d)_?cd$|^lsoa(\d\d)_code$", re.IGNORECASE)
_WARD_COLUMN = re.compile(r"^ward(\d\d)_?cd$|^ward(\d\d)_code$|^wd(\d\d)cd$", re.IGNORECASE)


def _year_column(fieldnames, pattern):
    for name in fieldnames:
        match = pattern.match(name)
        if match:
            year = next(group for group in match.groups() if group)
            return name, 2000 + int(year)
    return None, None


@dataclass
class LsoaWardLookup:
    lsoa_year: int
    ward_year: int
    rows: list = field(default_factory=list)  # (lsoa_code, lsoa_name, ward_code, ward_name)


def read_lsoa_ward_lookup(path):
    fieldnames, rows = _read_csv(path)
    lsoa_col, lsoa_year = _year_column(fieldnames, _LSOA_COLUMN)
    ward_col, ward_year = _year_column(fieldnames, _WARD_COLUMN)
    if not lsoa_col or not ward_col:
        raise ImportFormatError(f"{path}: expected LSOA and ward code columns (e.g. lsoa21_code, ward24_code)")
    lsoa_name_col = lsoa_col.replace("code", "name").replace("CD", "NM").replace("cd", "nm")
    ward_name_col = ward_col.replace("code", "name").replace("CD", "NM").replace("cd", "nm")
    lookup = LsoaWardLookup(lsoa_year=lsoa_year, ward_year=ward_year)
    for row in rows:
        lookup.rows.append(
            (
                row[lsoa_col].strip(),
                (row.get(lsoa_name_col) or "").strip(),
                row[ward_col].strip(),
                (row.get(ward_name_col) or "").strip(),
            )
        )
    return lookup


def read_lsoa_change(path):
    """Rows of (lsoa11_code, lsoa11_name, lsoa21_code, lsoa21_name, change_code)."""
    fieldnames, rows = _read_csv(path)
    lower = {name.lower(): name for name in fieldnames}
    needed = ["lsoa11_code", "lsoa21_code", "change_code"]
    aliases = {"lsoa11_code": "lsoa11cd", "lsoa21_code": "lsoa21cd", "change_code": "chgind"}
    columns = {}
    for key in needed:
        columns[key] = lower.get(key) or lower.get(aliases[key])
        if not columns[key]:
            raise ImportFormatError(f"{path}: missing column {key}")
    name11 = lower.get("lsoa11_name") or lower.get("lsoa11nm")
    name21 = lower.get("lsoa21_name") or lower.get("lsoa21nm")
    result = []
    for row in rows:
        code = row[columns["change_code"]].strip().upper()
        if code not in {"U", "S", "M", "X"}:
            raise ImportFormatError(f"{path}: unknown change code {code!r}")
        result.append(
            (
                row[columns["lsoa11_code"]].strip(),
                (row.get(name11) or "").strip() if name11 else "",
                row[columns["lsoa21_code"]].strip(),
                (row.get(name21) or "").strip() if name21 else "",
                code,
            )
        )
    return result


# Census tables -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CensusSpec:
    """How one tidy census CSV is laid out."""

    dataset: str
    census_year: int
    classification: str
    title: str
    geography: str
    area_column: str
    layout: str  # "wide": one column per category; "long": a category column and a value column
    total_column: str = ""
    category_column: str = ""
    value_column: str = "n"
    category_columns: tuple = ()  # wide: (column, label) pairs; empty = every other numeric column
    unit: str = "persons"
    source: str = ""


ETHNICITY_2011_LABELS = (
    ("WhiteBrit", "White: English, Welsh, Scottish, Northern Irish or British"),
    ("Irish", "White: Irish"),
    ("OtherWhite", "White: Other White (including Gypsy or Irish Traveller)"),
    ("Mixed", "Mixed or multiple ethnic groups"),
    ("Indian", "Asian or Asian British: Indian"),
    ("Pakistani", "Asian or Asian British: Pakistani"),
    ("Bangladeshi", "Asian or Asian British: Bangladeshi"),
    ("Chinese", "Asian or Asian British: Chinese"),
    ("OtherAsian", "Asian or Asian British: Other Asian"),
    ("BlkAfrican", "Black or Black British: African"),
    ("BlkCaribbean", "Black or Black British: Caribbean"),
    ("OtherBlk", "Black or Black British: Other Black"),
    ("Arab", "Other ethnic group: Arab"),
    ("Other", "Other ethnic group: Any other ethnic group"),
)

_ONS = "ONS Census"
TIDY_CENSUS_FILES = {
    "ethnicity21_5cat_lsoa21.csv": CensusSpec(
        "TS021",
        2021,
        "ethnic_group_5",
        "Ethnic group (5 broad groups)",
        "lsoa",
        "lsoa21_code",
        "wide",
        total_column="total_residents",
        source=f"{_ONS} 2021 TS021 (Nomis)",
    ),
    "ethnicity21_6cat_msoa21.csv": CensusSpec(
        "TS021",
        2021,
        "ethnic_group_6",
        "Ethnic group (6 groups, Black split)",
        "msoa",
        "msoa21_code",
        "long",
        total_column="total_residents",
        category_column="ethnic_group",
        source=f"{_ONS} 2021 TS021",
    ),
    "ethnicity21_19cat_walsall_total.csv": CensusSpec(
        "TS021",
        2021,
        "ethnic_group_19",
        "Ethnic group (19 detailed groups)",
        "lad",
        "ltla21_code",
        "long",
        category_column="ethnic_group",
        value_column="value",
        source=f"{_ONS} 2021 TS021",
    ),
    "ethnicity11_14cat_lsoa11.csv": CensusSpec(
        "KS201EW",
        2011,
        "ethnic_group_14",
        "Ethnic group (14 groups)",
        "lsoa",
        "LSOA",
        "wide",
        total_column="Persons",
        category_columns=ETHNICITY_2011_LABELS,
        source="2011 Census KS201EW",
    ),
    "ethnicity11_14cat_oa11.csv": CensusSpec(
        "KS201EW",
        2011,
        "ethnic_group_14",
        "Ethnic group (14 groups)",
        "oa",
        "OA",
        "wide",
        total_column="Persons",
        category_columns=ETHNICITY_2011_LABELS,
        source="2011 Census KS201EW",
    ),
    "tenure21_lsoa21.csv": CensusSpec(
        "TS054",
        2021,
        "tenure_8",
        "Tenure of household",
        "lsoa",
        "lsoa21_code",
        "long",
        total_column="total_households",
        category_column="tenure",
        unit="households",
        source=f"{_ONS} 2021 TS054",
    ),
    "overcrowding21_lsoa21.csv": CensusSpec(
        "TS052",
        2021,
        "occupancy_rating_bedrooms_5",
        "Occupancy rating for bedrooms",
        "lsoa",
        "lsoa21_code",
        "long",
        total_column="total_households",
        category_column="occupancy_rating",
        unit="households",
        source=f"{_ONS} 2021 TS052",
    ),
    "religion21_lsoa21.csv": CensusSpec(
        "TS030",
        2021,
        "religion_9",
        "Religion",
        "lsoa",
        "lsoa21_code",
        "long",
        total_column="total_residents",
        category_column="religion",
        source=f"{_ONS} 2021 TS030",
    ),
    "migration21_msoa21.csv": CensusSpec(
        "TS019",
        2021,
        "migrant_indicator",
        "Migrant indicator (address one year ago)",
        "msoa",
        "msoa21_code",
        "wide",
        total_column="all_usual_residents",
        category_columns=(
            ("address_one_year_ago_is_the_same", "Address one year ago is the same as the address of enumeration"),
            ("address_one_year_ago_is_student_or_boarding", "Address one year ago is student term-time or boarding"),
            ("migrant_from_within_uk", "Migrant from within the UK"),
            ("migrant_from_outside_uk", "Migrant from outside the UK"),
        ),
        source=f"{_ONS} 2021 TS019",
    ),
    "english_proficiency21_msoa21.csv": CensusSpec(
        "TS029",
        2021,
        "english_proficiency_6",
        "Proficiency in English",
        "msoa",
        "msoa21_code",
        "wide",
        category_columns=tuple(
            (label, label)
            for label in (
                "Main language is English (English or Welsh in Wales)",
                "Main language is not English (English or Welsh in Wales)",
                "Main language is not English (English or Welsh in Wales): Can speak English very well",
                "Main language is not English (English or Welsh in Wales): Can speak English well",
                "Main language is not English (English or Welsh in Wales): Cannot speak English well",
                "Main language is not English (English or Welsh in Wales): Cannot speak English",
            )
        ),
        unit="persons aged 3 and over",
        source=f"{_ONS} 2021 TS029",
    ),
}


@dataclass
class CensusRows:
    spec: CensusSpec
    counts: list = field(default_factory=list)  # (area_code, category, count)


def read_tidy_census(path, spec=None):
    spec = spec or TIDY_CENSUS_FILES.get(Path(path).name)
    if spec is None:
        raise ImportFormatError(f"{path}: not a known census table file; use the Nomis format or add a spec")
    fieldnames, rows = _read_csv(path)
    if spec.area_column not in fieldnames:
        raise ImportFormatError(f"{path}: missing area column {spec.area_column}")
    result = CensusRows(spec=spec)
    seen_totals = set()
    for row in rows:
        area = row[spec.area_column].strip()
        if spec.total_column:
            total = _count(row.get(spec.total_column))
            if total is not None and area not in seen_totals:
                seen_totals.add(area)
                result.counts.append((area, "Total", total))
        if spec.layout == "wide":
            columns = spec.category_columns or tuple(
                (name, name) for name in fieldnames if name not in {spec.area_column, spec.total_column}
            )
            for column, label in columns:
                value = _count(row.get(column))
                if value is not None:
                    result.counts.append((area, label, value))
        else:
            value = _count(row.get(spec.value_column))
            if value is not None:
                label = row[spec.category_column].strip().removesuffix(" (number)")
                if spec.value_column == "value" and label.endswith("(percent)"):
                    continue
                result.counts.append((area, label, value))
    return result


_NOMIS_GEOGRAPHY = {
    "super output area - lower layer": "lsoa",
    "super output area - middle layer": "msoa",
    "output area": "oa",
    "local authority": "lad",
    "ward": "ward",
}
_NOMIS_AREA = re.compile(r"^\s*([EWSNK]\d{8})\s*:\s*(.*)$")


def read_nomis_census(path, *, area_codes=None, classification=None):
    """Read a Nomis bulk table download (header lines, data, footer notes), keeping counts, dropping percentages.

    ``area_codes`` keeps only those areas (e.g. Walsall's LSOAs from the England-wide file).
    """
    with open(path, newline="", encoding="utf-8-sig") as handle:
        lines = list(csv.reader(handle))
    if not lines or " - " not in lines[0][0]:
        raise ImportFormatError(f"{path}: not a Nomis table (first line should be like 'TS021 - Ethnic group')")
    dataset, title = (part.strip() for part in lines[0][0].split(" - ", 1))
    year = None
    header_index = None
    for index, line in enumerate(lines[:20]):
        if line and line[0].strip().lower().startswith("date") and len(line) > 1:
            year = int(re.search(r"\d{4}", line[1]).group())
        if len(line) > 2 and line[0].strip() and any(cell.strip() == "%" for cell in line[1:]):
            header_index = index
            break
    if header_index is None or year is None:
        raise ImportFormatError(f"{path}: could not find the Nomis column header or date lines")
    header = lines[header_index]
    geography = next((geo for key, geo in _NOMIS_GEOGRAPHY.items() if key in header[0].lower()), None)
    if geography is None:
        raise ImportFormatError(f"{path}: unknown geography {header[0]!r}")
    columns = [(i, name.strip()) for i, name in enumerate(header) if i > 0 and name.strip() and name.strip() != "%"]
    n_groups = len(columns) - 1
    spec = CensusSpec(
        dataset=dataset,
        census_year=year,
        classification=classification or f"nomis_{n_groups}",
        title=title,
        geography=geography,
        area_column=header[0],
        layout="nomis",
        source=f"{lines[1][0].strip()} ({Path(path).name})",
    )
    result = CensusRows(spec=spec)
    wanted = set(area_codes) if area_codes is not None else None
    for line in lines[header_index + 1 :]:
        if not line or not line[0].strip():
            continue
        match = _NOMIS_AREA.match(line[0])
        if not match:
            continue
        code = match.group(1)
        if wanted is not None and code not in wanted:
            continue
        for index, name in columns:
            value = _count(line[index] if index < len(line) else "")
            if value is None:
                continue
            label = "Total" if name.lower().startswith("total") else name
            result.counts.append((code, label, value))
    return result


# GeoJSON boundaries --------------------------------------------------------------------------------

_PROPERTY_CODE = re.compile(r"^(wd|ward|lsoa|msoa|oa)(\d\d)(cd|_code)$", re.IGNORECASE)


@dataclass
class Boundaries:
    kind: str  # "ward", "lsoa", "msoa", "oa"
    year: int
    features: list = field(default_factory=list)  # (code, name, geometry)


def read_geojson_boundaries(path):
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    features = data.get("features") or []
    if data.get("type") != "FeatureCollection" or not features:
        raise ImportFormatError(f"{path}: expected a GeoJSON FeatureCollection with features")
    properties = features[0].get("properties") or {}
    code_key = None
    for key in properties:
        match = _PROPERTY_CODE.match(key)
        if match:
            code_key = key
            prefix, year, suffix = match.groups()
            break
    if code_key is None:
        raise ImportFormatError(f"{path}: no area code property (e.g. WD13CD, lsoa21_code) found")
    name_key = code_key[: -len(suffix)] + ("NM" if suffix == "CD" else "nm" if suffix == "cd" else "_name")
    kind = {"wd": "ward"}.get(prefix.lower(), prefix.lower())
    result = Boundaries(kind=kind, year=2000 + int(year))
    for feature in features:
        props = feature.get("properties") or {}
        geometry = feature.get("geometry")
        if not geometry or geometry.get("type") not in {"Polygon", "MultiPolygon"}:
            raise ImportFormatError(f"{path}: feature {props.get(code_key)} has no polygon geometry")
        result.features.append((str(props[code_key]).strip(), (props.get(name_key) or "").strip(), geometry))
    return result


# ONSPD ---------------------------------------------------------------------------------------------

ONSPD_REQUIRED = ("pcds", "doterm", "lsoa21", "lat", "long")


@dataclass
class PostcodeRow:
    postcode: str
    lsoa21_code: str
    lsoa11_code: str
    ward_code: str
    lat: float | None
    lon: float | None
    is_synthetic: bool


def read_onspd(path, *, synthetic=False, local_authority=None):
    """Live postcodes from an ONSPD CSV. Skips terminated postcodes (``doterm`` set).

    ``local_authority`` (e.g. E08000030) keeps only that district's postcodes. A ``synthetic`` column of
    ``1`` (not part of ONSPD; used by our demo sample) or ``synthetic=True`` marks rows as synthetic.
    """
    with open(path, newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        fieldnames = set(reader.fieldnames or [])
        missing = [name for name in ONSPD_REQUIRED if name not in fieldnames]
        if missing and not ({"pcd", "pcd2"} & fieldnames and "pcds" in missing and len(missing) == 1):
            raise ImportFormatError(f"{path}: not an ONSPD file (missing columns {', '.join(missing)})")
        result = []
        terminated = 0
        for row in reader:
            if (row.get("doterm") or "").strip():
                terminated += 1
                continue
            if local_authority and (row.get("oslaua") or "").strip() != local_authority:
                continue
            raw = row.get("pcds") or row.get("pcd2") or row.get("pcd") or ""
            postcode = normalise_postcode(raw)
            if postcode is None:
                raise ImportFormatError(f"{path}: malformed postcode {raw!r}")
            lat, lon = (row.get("lat") or "").strip(), (row.get("long") or "").strip()
            # ONSPD uses 99.999999 / 0.000000 for postcodes without a grid reference.
            has_point = lat and lon and float(lat) < 90
            result.append(
                PostcodeRow(
                    postcode=postcode,
                    lsoa21_code=(row.get("lsoa21") or "").strip(),
                    lsoa11_code=(row.get("lsoa11") or "").strip(),
                    ward_code=(row.get("osward") or "").strip(),
                    lat=float(lat) if has_point else None,
                    lon=float(lon) if has_point else None,
                    is_synthetic=synthetic or (row.get("synthetic") or "").strip() == "1",
                )
            )
    return result, terminated
