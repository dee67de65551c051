from django_tasks import task

from . import services


@task()
def send_due_followups():
    """Send every follow-up that is due, warn of deletions a month ahead, then erase sign-ups past retention.

    Idempotent: a follow-up or notice is claimed before it is sent, so it is never sent twice.
    """
    sent = services.follow_ups_send_due()
    services.deletion_notices_send()
    services.signups_past_retention_erase()
    return sent
