"""Write the synthetic ONSPD-format postcode sample (places/data/onspd_synthetic_walsall_sample.csv).

The postcodes are made up: each is a Walsall-district postcode format given to a real 2021 LSOA,
with a point inside that LSOA's boundary. The output is deterministic (fixed seed).
"""

import csv
import random
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from shapely.geometry import Point, shape

from places import importers
from places.services import SYNTHETIC_ONSPD_SAMPLE

SEED = 20250601
UNIT_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"

# Postcode districts that cover each ward (approximately, for realistic-looking demo data).
WARD_DISTRICTS = {
    "E05001301": ("WS9",),  # Aldridge Central and South
    "E05001302": ("WS9",),  # Aldridge North and Walsall Wood
    "E05001303": ("WS10", "WV13"),  # Bentley and Darlaston North
    "E05001304": ("WS2", "WS3"),  # Birchills Leamore
    "E05001305": ("WS3",),  # Blakenall
    "E05001306": ("WS3",),  # Bloxwich East
    "E05001307": ("WS3",),  # Bloxwich West
    "E05001308": ("WS8",),  # Brownhills
    "E05001309": ("WS10",),  # Darlaston South
    "E05001310": ("WS1", "WS5"),  # Paddock
    "E05001311": ("WS1", "WS5"),  # Palfrey
    "E05001312": ("WS3",),  # Pelsall
    "E05001313": ("B43",),  # Pheasey Park Farm
    "E05001314": ("WS2",),  # Pleck
    "E05001315": ("WS4",),  # Rushall-Shelfield
    "E05001316": ("WS1", "WS2"),  # St Matthew's
    "E05001317": ("WV12",),  # Short Heath
    "E05001318": ("B74",),  # Streetly
    "E05001319": ("WV12", "WV13"),  # Willenhall North
    "E05001320": ("WV13", "WV14"),  # Willenhall South
}

# The example postcode on the home page: Walsall Council House (Civic Centre, Darwall Street).
COUNCIL_HOUSE = ("WS1 1TP", 52.58555, -1.98242)

COLUMNS = [
    "pcd", "pcd2", "pcds", "dointr", "doterm", "usertype", "oslaua", "osward", "ctry", "rgn", "pfa",
    "lsoa11", "msoa11", "oa21", "lsoa21", "msoa21", "lat", "long", "synthetic",
]  # fmt: skip


def demo_postcode(ward_code):
    """One memorable demo postcode per ward: the ward's first district, sector 9, unit Z + a letter."""
    index = int(ward_code[-2:]) - 1
    return f"{WARD_DISTRICTS[ward_code][0]} 9Z{UNIT_LETTERS[index]}"


def _formats(postcode):
    outward, inward = postcode.split(" ")
    return f"{outward:<4}{inward}"[:7] if len(outward) < 4 else outward + inward, f"{outward:<4} {inward}", postcode


def _point_in(polygon, rng, ward_shape):
    """The representative point, nudged by a small random jitter while staying inside the LSOA (and ward)."""
    anchor = polygon.representative_point()
    min_x, min_y, max_x, max_y = polygon.bounds
    for _attempt in range(200):
        candidate = Point(
            anchor.x + rng.uniform(-0.3, 0.3) * (max_x - min_x), anchor.y + rng.uniform(-0.3, 0.3) * (max_y - min_y)
        )
        if polygon.contains(candidate) and (ward_shape is None or ward_shape.contains(candidate)):
            return candidate
    return anchor


class Command(BaseCommand):
    help = "Generate the synthetic ONSPD-format Walsall postcode sample (deterministic)."

    def add_arguments(self, parser):
        parser.add_argument("--dir", help="Open data folder (default: OPEN_DATA_DIR)")
        parser.add_argument("--output", default=str(SYNTHETIC_ONSPD_SAMPLE))

    def handle(self, *args, **options):
        directory = Path(options["dir"] or settings.OPEN_DATA_DIR or "")
        if not str(directory) or not directory.is_dir():
            raise CommandError(f"Open data folder not found: {directory}")
        rng = random.Random(SEED)  # noqa: S311 - deterministic demo data, not security
        lsoas = importers.read_geojson_boundaries(directory / "boundaries_lsoa21.geojson")
        wards = importers.read_geojson_boundaries(directory / "boundaries_wards13.geojson")
        ward_shapes = {code: shape(geometry) for code, _name, geometry in wards.features}
        lookup = {
            row[0]: row[2] for row in importers.read_lsoa_ward_lookup(directory / "lookup_lsoa21_ward24.csv").rows
        }
        lsoa11_of = {}
        for lsoa11, _n, lsoa21, _m, _c in importers.read_lsoa_change(directory / "lookup_lsoa11_lsoa21.csv"):
            lsoa11_of.setdefault(lsoa21, lsoa11)
        with open(directory / "migration21_msoa21.csv", newline="", encoding="utf-8") as handle:
            msoa_by_name = {row["msoa21_name"]: row["msoa21_code"] for row in csv.DictReader(handle)}

        used = set()
        rows = []

        def add(postcode, lsoa_code, point, *, terminated=False):
            # Like ONSPD's osward: the ward whose boundary holds the point (the LSOA's best-fit ward otherwise).
            ward_code = next((code for code, ward in ward_shapes.items() if ward.contains(point)), lookup[lsoa_code])
            pcd, pcd2, pcds = _formats(postcode)
            name = names[lsoa_code]
            rows.append(
                {
                    "pcd": pcd, "pcd2": pcd2, "pcds": pcds, "dointr": "198001",
                    "doterm": "201912" if terminated else "", "usertype": "0", "oslaua": "E08000030",
                    "osward": ward_code, "ctry": "E92000001", "rgn": "E12000005", "pfa": "E23000014",
                    "lsoa11": lsoa11_of.get(lsoa_code, ""), "msoa11": "", "oa21": "", "lsoa21": lsoa_code,
                    "msoa21": msoa_by_name.get(name[:-1], ""), "lat": f"{point.y:.6f}", "long": f"{point.x:.6f}",
                    "synthetic": "1",
                }
            )  # fmt: skip
            used.add(postcode)

        names = {code: name for code, name, _geometry in lsoas.features}
        polygons = {code: shape(geometry) for code, _name, geometry in lsoas.features}

        # The council house postcode first, then one memorable demo postcode per ward.
        postcode, lat, lon = COUNCIL_HOUSE
        point = Point(lon, lat)
        council_lsoa = next(code for code, polygon in polygons.items() if polygon.contains(point))
        add(postcode, council_lsoa, point)
        first_lsoa_of_ward = {}
        for code in sorted(polygons):
            first_lsoa_of_ward.setdefault(lookup[code], code)
        for ward_code, lsoa_code in sorted(first_lsoa_of_ward.items()):
            add(demo_postcode(ward_code), lsoa_code, _point_in(polygons[lsoa_code], rng, ward_shapes.get(ward_code)))

        for index, lsoa_code in enumerate(sorted(polygons)):
            ward_code = lookup[lsoa_code]
            for _n in range(2 + (index % 3 == 0)):
                while True:
                    district = rng.choice(WARD_DISTRICTS[ward_code])
                    postcode = f"{district} {rng.randint(1, 8)}{rng.choice(UNIT_LETTERS)}{rng.choice(UNIT_LETTERS)}"
                    if postcode not in used:
                        break
                add(postcode, lsoa_code, _point_in(polygons[lsoa_code], rng, ward_shapes.get(ward_code)))
        # A few terminated postcodes, as in the real directory: importers must ignore them.
        for lsoa_code, postcode in zip(sorted(polygons)[:3], ("WS1 9TA", "WS2 9TB", "WS3 9TD"), strict=True):
            add(postcode, lsoa_code, polygons[lsoa_code].representative_point(), terminated=True)

        output = Path(options["output"])
        output.parent.mkdir(parents=True, exist_ok=True)
        with open(output, "w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=COLUMNS)
            writer.writeheader()
            writer.writerows(rows)
        self.stdout.write(self.style.SUCCESS(f"Wrote {len(rows)} synthetic postcodes to {output}"))
        for ward_code, _lsoa in sorted(first_lsoa_of_ward.items()):
            self.stdout.write(f"  {demo_postcode(ward_code)}  {ward_code}")
