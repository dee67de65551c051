"""Directory search by postcode with filters over 10,000 services on PostgreSQL (DESIGN.md §7: p95 < 50 ms).

Run by bin/bench with the bench settings and database (after import_open_data). The services are
synthetic (directory.demo.build, spread over Walsall's real wards and every category) and removed
again afterwards. Times the search selector alone and the whole page (form, selector, map, render).
command: .venv/bin/python bench/directory_search.py
"""

import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.bench")

import django

django.setup()

from django.apps import apps  # noqa: E402
from django.contrib.auth.models import AnonymousUser  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import RequestFactory  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from directory import demo, views  # noqa: E402
from directory import search as search_selectors  # noqa: E402
from directory.forms import SearchForm  # noqa: E402
from directory.models import Attribute, Location, Organization, Service, TaxonomyTerm  # noqa: E402
from directory.taxonomy import load_walsall_taxonomy  # noqa: E402
from places import selectors as places_selectors  # noqa: E402
from places.models import Postcode  # noqa: E402

SERVICES = 10_000
RUNS = 100
BAR_SECONDS = 0.050
KEY = "bench-directory"


def remove_rows():
    service_ids = [demo._uuid(KEY, "service", number) for number in range(SERVICES)]
    location_ids = [demo._uuid(KEY, "location", number) for number in range(SERVICES)]
    Attribute.objects.filter(link_id__in=service_ids).delete()
    Service.objects.filter(id__in=service_ids).delete()
    Location.objects.filter(id__in=location_ids).delete()
    kinds = {kind for template in demo.TEMPLATES.values() for kind in template[0]}
    names = {f"{word} {kind}" for word in demo.PLACE_WORDS for kind in kinds}
    organisation_ids = [uuid.uuid5(demo._NAMESPACE, f"{KEY}:org:{name}") for name in names]
    Organization.objects.filter(id__in=organisation_ids).delete()


def load_services():
    load_walsall_taxonomy()
    existing = set(Organization.objects.values_list("id", flat=True))
    rng = random.Random(20261126)  # noqa: S311 (synthetic data, not security)
    batch = demo.build(rng, range(SERVICES), key=KEY, existing_organizations=existing)
    batch.save()
    with connection.cursor() as cursor:
        for model in apps.get_app_config("directory").get_models():
            cursor.execute(f"VACUUM ANALYZE {model._meta.db_table}")


def timed(function, runs=RUNS):
    function()  # warm the caches (ward map, spatial index, projection)
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        timings.append(time.perf_counter() - started)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1]


def main():
    path = reverse("directory:search")
    remove_rows()
    started = time.perf_counter()
    load_services()
    postcode = Postcode.objects.exclude(lat=None).filter(is_synthetic=True).order_by("postcode").first()
    category = TaxonomyTerm.objects.get(term="health")
    params = {"postcode": postcode.postcode, "category": str(category.id), "language": "pl", "free": "on", "when": "MO"}
    print(
        f"Directory search over {Service.objects.filter(status='active').count():,} services (PostgreSQL); "
        f"loaded in {time.perf_counter() - started:.1f} s"
    )
    print("command: .venv/bin/python bench/directory_search.py")
    print(f"query: {path}?" + "&".join(f"{key}={value}" for key, value in params.items()))

    generation = places_selectors.generation_in_force().generation
    names = search_selectors.ward_names(generation)

    def selector():
        form = SearchForm(
            params, wards=sorted(names.items()), categories=search_selectors.category_choices(), generation=generation
        )
        assert form.is_valid(), form.errors
        results = search_selectors.search(form.query(), 1, ward_names=names, now=timezone.now())
        assert results.rows
        return results

    def page():
        request = RequestFactory().get(path, params)
        request.user = AnonymousUser()
        response = views.search(request)
        assert response.status_code == 200
        return response

    print(f"  results: {selector().count:,} services match")
    failed = False
    for label, function in [("search selector", selector), ("page (form, search, map, render)", page)]:
        median, p95 = timed(function)
        within = p95 < BAR_SECONDS
        failed |= not within
        print(
            f"  {label:<34} median {median * 1000:6.1f} ms   p95 {p95 * 1000:6.1f} ms   ({RUNS} runs)"
            f"{'' if within else '   OVER THE BAR'}"
        )
    remove_rows()
    print(f"Bar (DESIGN.md §7): search by postcode with filters, 10,000 services: p95 < {BAR_SECONDS * 1000:.0f} ms.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
