import pytest
from django.core.management import call_command

from insights import tasks
from insights.models import IndexChange, IndexResult
from insights.services import segregation
from places.tests.fixtures import import_walsall

pytestmark = pytest.mark.django_db

ITERATIONS = 20


@pytest.fixture
def walsall(db):
    import_walsall()


def test_recompute_stores_every_index_with_an_interval_and_every_change(walsall):
    result = segregation.indices_recompute(iterations=ITERATIONS)

    assert not result.skipped
    # 5 groups × 5 indices + 2 multigroup indices, at 2011 OA, LSOA, ward; 2021 LSOA, ward; harmonised 2011, 2021
    assert IndexResult.objects.count() == 27 * 7 == result.results
    assert IndexChange.objects.count() == 27 == result.changes
    lsoa = IndexResult.objects.get(census_year=2021, geography="lsoa", group="Asian", index="dissimilarity")
    assert lsoa.value == pytest.approx(0.517, abs=0.001)
    assert lsoa.areas == 169
    assert lsoa.ci_low <= lsoa.value <= lsoa.ci_high
    assert lsoa.iterations == ITERATIONS
    assert IndexResult.objects.get(census_year=2011, geography="lsoa", group="Asian", index="dissimilarity").value == (
        pytest.approx(0.571, abs=0.001)
    )
    assert IndexResult.objects.get(census_year=2021, geography="ward", group="Asian", index="dissimilarity").value == (
        pytest.approx(0.436, abs=0.001)
    )
    assert IndexResult.objects.get(census_year=2011, geography="oa", group="Asian", index="dissimilarity").areas == 829
    change = IndexChange.objects.get(group="Asian", index="dissimilarity")
    assert change.difference < 0
    assert change.ci_low <= change.difference <= change.ci_high


def test_a_second_run_with_the_same_inputs_is_skipped_unless_forced(walsall):
    segregation.indices_recompute(iterations=ITERATIONS)
    first = dict(IndexResult.objects.values_list("pk", "computed_at"))

    again = segregation.indices_recompute(iterations=ITERATIONS)

    assert again.skipped
    assert dict(IndexResult.objects.values_list("pk", "computed_at")) == first
    forced = segregation.indices_recompute(iterations=ITERATIONS, force=True)
    assert not forced.skipped
    assert set(IndexResult.objects.values_list("pk", flat=True)) == set(first)  # updated in place, not duplicated


def test_changing_the_number_of_iterations_recomputes(walsall):
    segregation.indices_recompute(iterations=ITERATIONS)

    result = segregation.indices_recompute(iterations=ITERATIONS + 1)

    assert not result.skipped
    assert set(IndexResult.objects.values_list("iterations", flat=True)) == {ITERATIONS + 1}


def test_the_task_runs_through_django_tasks(walsall):
    outcome = tasks.recompute_indices.enqueue(iterations=ITERATIONS)

    assert outcome.status == "SUCCESSFUL"
    assert outcome.return_value["skipped"] is False
    assert IndexResult.objects.count() == 27 * 7


def test_the_command_queues_the_task_or_runs_it_now(walsall, capsys):
    call_command("recompute_indices", "--iterations", str(ITERATIONS))
    assert "Queued" in capsys.readouterr().out
    assert IndexResult.objects.exists()  # the test settings run queued tasks at once

    call_command("recompute_indices", "--now", "--iterations", str(ITERATIONS))
    assert "up to date" in capsys.readouterr().out

    call_command("recompute_indices", "--now", "--force", "--iterations", str(ITERATIONS))
    assert "Recomputed 189 indices and 27 changes" in capsys.readouterr().out
