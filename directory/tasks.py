"""Background work of the directory (django-tasks). Each task is idempotent."""

import datetime

from django_tasks import task

from . import services


@task()
def send_assurance_reminders(*, today=None):
    """Remind owners of services due or overdue for checking; a reminder already sent is never sent again."""
    emails, reminded = services.assurance_reminders_send(today=datetime.date.fromisoformat(today) if today else None)
    return {"emails": emails, "services": reminded}
