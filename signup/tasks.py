from django_tasks import task

from . import services


@task()
def send_due_followups():
    """Send every follow-up that is due, then erase sign-ups past their retention period.

    Idempotent: a follow-up is claimed before it is sent, so it is never sent twice.
    """
    sent = services.follow_ups_send_due()
    services.signups_past_retention_erase()
    return sent
