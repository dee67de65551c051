"""The anti-social behaviour trends page over 1,000,000 incidents on PostgreSQL (DESIGN.md §7: < 500 ms).

Run by bin/bench with the bench settings and database. The incidents are synthetic, spread over
Walsall's real wards and 36 months, and removed again afterwards.
command: .venv/bin/python bench/asb_dashboard.py
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.bench")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import RequestFactory  # noqa: E402

from accounts.models import User  # noqa: E402
from accounts.roles import Role  # noqa: E402
from accounts.services import user_create  # noqa: E402
from insights.models import AsbIncident  # noqa: E402
from insights.selectors import asb as asb_selectors  # noqa: E402
from insights.views import asb as views  # noqa: E402

INCIDENTS = 1_000_000
BAR_SECONDS = 0.5


def load_incidents():
    wards = [summary.ward.gss_code for summary in asb_selectors.asb_wards()]
    with connection.cursor() as cursor:
        cursor.execute(
            f"""INSERT INTO {AsbIncident._meta.db_table}
                (source, month, location, published_lsoa_code, lsoa21_code, ward_code, crime_type)
                SELECT CASE WHEN g %% 10 = 0 THEN 'platform' ELSE 'police_uk' END,
                       date '2023-01-01' + make_interval(months => (g %% 36)::int),
                       'On or near bench street', '', '', (%s::text[])[(g %% %s) + 1], 'Anti-social behaviour'
                FROM generate_series(1, %s) AS g""",  # noqa: S608
            [wards, len(wards), INCIDENTS],
        )
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {AsbIncident._meta.db_table}")
    return wards


def time_page(request, repeats=7):
    views.asb_trends(request)  # warm the ward and population caches
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        response = views.asb_trends(request)
        timings.append(time.perf_counter() - started)
        assert response.status_code == 200
    return statistics.median(timings), max(timings)


def main():
    staff = User.objects.filter(email="bench-officer@example.test").first() or user_create(
        email="bench-officer@example.test", full_name="Bench Officer", roles=[Role.INTEGRATION_OFFICER]
    )
    AsbIncident.objects.all().delete()
    started = time.perf_counter()
    wards = load_incidents()
    print(
        f"ASB trends page over {AsbIncident.objects.count():,} incidents (PostgreSQL); loaded in "
        f"{time.perf_counter() - started:.1f} s"
    )
    print("command: .venv/bin/python bench/asb_dashboard.py")
    failed = False
    for label, query in [("All of Walsall", ""), ("one ward", f"?ward={wards[0]}")]:
        request = RequestFactory().get(f"/insights/anti-social-behaviour/{query}")
        request.user = staff
        median, worst = time_page(request)
        within = worst < BAR_SECONDS
        failed |= not within
        print(
            f"  {label:<16} median {median * 1000:6.0f} ms   worst {worst * 1000:6.0f} ms"
            f"{'' if within else '   OVER THE BAR'}"
        )
    AsbIncident.objects.all().delete()
    print(f"Bar (DESIGN.md §7): < {BAR_SECONDS * 1000:.0f} ms for a signed-in officer (no page cache).")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
