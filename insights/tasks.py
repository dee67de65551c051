"""Background work of the insights app (django-tasks). Each task is idempotent."""

from django_tasks import task

from .services import segregation


@task()
def recompute_indices(*, force=False, iterations=segregation.DEFAULT_ITERATIONS):
    """Recompute the segregation indices from the Census; a no-op when the inputs are unchanged."""
    result = segregation.indices_recompute(force=force, iterations=iterations)
    return {
        "skipped": result.skipped,
        "results": result.results,
        "changes": result.changes,
        "seconds": round(result.seconds, 3),
    }
