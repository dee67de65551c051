"""Recompute the segregation indices: queue it as background work, or run it now (`make run` does)."""

from django.core.management.base import BaseCommand, CommandError

from insights import tasks
from insights.services import segregation


class Command(BaseCommand):
    help = (
        "Recompute the segregation indices from the imported Census tables, with bootstrap confidence "
        "intervals and the 2011 to 2021 change tests. Skipped when the inputs are unchanged."
    )

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Recompute even if the inputs are unchanged")
        parser.add_argument("--now", action="store_true", help="Run here and now instead of queueing it")
        parser.add_argument(
            "--iterations",
            type=int,
            default=segregation.DEFAULT_ITERATIONS,
            help=f"Bootstrap iterations per figure (default {segregation.DEFAULT_ITERATIONS})",
        )

    def handle(self, *args, **options):
        iterations = options["iterations"]
        if iterations < 1:
            raise CommandError("--iterations must be at least 1")
        if not options["now"]:
            result = tasks.recompute_indices.enqueue(force=options["force"], iterations=iterations)
            self.stdout.write(f"Queued the recomputation of the segregation indices (task {result.id}).")
            return
        try:
            result = segregation.indices_recompute(force=options["force"], iterations=iterations)
        except (KeyError, ValueError, LookupError) as error:
            raise CommandError(f"Could not compute the indices: {error}. Import the open data first.") from error
        if result.skipped:
            self.stdout.write("Segregation indices are up to date (inputs unchanged); nothing recomputed.")
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Recomputed {result.results} indices and {result.changes} changes "
                    f"({iterations} bootstrap iterations) in {result.seconds:.1f} s."
                )
            )
