"""The caseworker's queue (with possible-duplicate flags over decrypted fields) and the officers' statistics.

Makes synthetic reports and cases (references starting "BQ"), times the queue selector for a
caseworker and the statistics selector, then removes them. Uses the settings in
DJANGO_SETTINGS_MODULE (default: development, SQLite); bin/bench's PostgreSQL settings work too.
command: .venv/bin/python bench/casework_queue.py [reports]
"""

import datetime
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.models import Organisation, User  # noqa: E402
from accounts.services import user_set_roles  # noqa: E402
from casework import selectors  # noqa: E402
from casework.models import Case, CaseReport  # noqa: E402
from reporting.models import Report  # noqa: E402

REPORTS = int(sys.argv[1]) if len(sys.argv) > 1 else 5_000
RUNS = 20
PREFIX = "BQ"


def remove_rows():
    Case.objects.filter(reference__startswith=PREFIX).delete()
    Report.objects.filter(reference__startswith=PREFIX).delete()
    User.objects.filter(email="bench-caseworker@example.test").delete()
    Organisation.objects.filter(slug="bench-casework-team").delete()


def load(rng):
    team = Organisation.objects.create(name="Bench casework team", slug="bench-casework-team", kind="council_team")
    worker = User.objects.create_user("bench-caseworker@example.test", None, full_name="Bench", organisation=team)
    user_set_roles(user=worker, roles=["hate_crime_caseworker"])
    now = timezone.now()
    wards = [f"E0500{n:04d}" for n in range(20)]
    reports = [
        Report(
            reference=f"{PREFIX}{number:08d}",
            reporter_role="victim",
            strands=rng.choice([["hate"], ["hate", "asb"], ["asb"]]),
            characteristics=rng.sample(["race", "religion", "disability", "sexual_orientation"], k=rng.randint(1, 2)),
            account="SYNTHETIC bench account",
            incident_date=(now - datetime.timedelta(days=number % 365)).date(),
            postcode=f"WS{rng.randint(1, 9)} {rng.randint(1, 9)}AB",
            contact_email=f"victim{rng.randint(1, REPORTS // 3)}@example.test",
            ward_code=rng.choice(wards),
            receipt_hash="bench",
            idempotency_key=uuid.uuid4(),
            submitted_at=now - datetime.timedelta(days=number % 365, minutes=number),
        )
        for number in range(REPORTS)
    ]
    Report.objects.bulk_create(reports, batch_size=500)
    reports = list(Report.objects.filter(reference__startswith=PREFIX).order_by("reference"))
    # Two thirds become cases of the team; the rest wait in the queue as new reports.
    cases = Case.objects.bulk_create(
        [
            Case(
                reference=f"{PREFIX}-{number:07d}",
                team=team,
                acknowledge_by=report.submitted_at.date() + datetime.timedelta(days=1),
                acknowledged_at=report.submitted_at,
                opened_at=report.submitted_at,
                status=rng.choice(["awaiting_triage", "open", "closed"]),
                risk_level=rng.choice(["", "low", "medium", "high"]),
            )
            for number, report in enumerate(reports[: REPORTS * 2 // 3])
        ],
        batch_size=500,
    )
    cases = list(Case.objects.filter(reference__startswith=PREFIX).order_by("reference"))
    CaseReport.objects.bulk_create(
        [CaseReport(case=case, report=report) for case, report in zip(cases, reports, strict=False)], batch_size=500
    )
    return worker


def timed(function, runs=RUNS):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    times.sort()
    return result, statistics.median(times), times[int(0.95 * (len(times) - 1))]


def main():
    rng = random.Random(20261126)  # noqa: S311 (synthetic data, not security)
    remove_rows()
    try:
        started = time.perf_counter()
        worker = load(rng)
        print(f"loaded {REPORTS} reports in {time.perf_counter() - started:.1f} s ({connection.vendor})")
        rows, median, p95 = timed(lambda: selectors.queue(worker))
        flagged = sum(bool(row.duplicates) for row in rows)
        print(
            f"queue (all stages, {len(rows)} rows, {flagged} flagged as possible duplicates): "
            f"median {median * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms"
        )
        page, median, p95 = timed(lambda: selectors.queue_page(worker))
        print(
            f"queue page as the caseworker sees it ({len(page.rows)} of {page.total} rows, duplicates checked "
            f"for the page): median {median * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms"
        )
        rows, median, p95 = timed(lambda: selectors.queue(worker, stage="new"))
        print(f"queue (new reports, {len(rows)} rows): median {median * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms")
        figures, median, p95 = timed(selectors.case_statistics, runs=5)
        print(
            f"statistics over {figures.total_reports} reports and {figures.cases} cases: "
            f"median {median * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms"
        )
    finally:
        remove_rows()
    print(f"command: .venv/bin/python bench/casework_queue.py {REPORTS}")


if __name__ == "__main__":
    main()
