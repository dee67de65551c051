"""List what retention will delete soon, warn its owners, and delete only what is due and was warned.

    manage.py apply_retention                 # warn about everything due within the warning period; delete what is due
    manage.py apply_retention --dry-run       # only list; warn and delete nothing
    manage.py apply_retention --days-ahead 90 # look further ahead

Periods (casework/policy.py RETENTION_DAYS): hate crime 6 years, anti-social behaviour 3 years,
non-crime hate incident 1 year, closed without a classification 1 year (after the case is
closed); a report nobody made a case of, 2 years after it was made. Owners are warned 30 days
before; nothing is deleted sooner than 30 days after its warning.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from casework import policy, retention


class Command(BaseCommand):
    help = "Warn owners about records reaching the end of their retention period, and delete those due."

    def add_arguments(self, parser):
        parser.add_argument("--days-ahead", type=int, default=None)
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, days_ahead=None, dry_run=False, **options):
        days_ahead = policy.setting("RETENTION_WARNING_DAYS") if days_ahead is None else days_ahead
        today = timezone.localdate()
        due = retention.due_within(days_ahead=days_ahead, today=today)
        warned = deleted = 0
        for item in due:
            if dry_run:
                self.stdout.write(f"would warn: {item.record_type} {item.reference}, due {item.due_on.isoformat()}")
                continue
            notice, is_new = retention.warn(item)
            warned += is_new
            when = retention.deletable_on(notice)
            if when <= today:
                retention.delete(item, notice)
                deleted += 1
                self.stdout.write(f"deleted: {item.record_type} {item.reference} (due {item.due_on.isoformat()})")
            else:
                self.stdout.write(
                    f"will delete: {item.record_type} {item.reference} on {when.isoformat()}"
                    f"{' (owners warned now)' if is_new else ''}"
                )
        self.stdout.write(f"{len(due)} due within {days_ahead} days; {warned} newly warned; {deleted} deleted.")
