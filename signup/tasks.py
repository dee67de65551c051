from django_tasks import task

from . import services


@task()
def send_due_followups():
    """Send every follow-up that is due. Idempotent: a follow-up is claimed before it is sent, so never twice."""
    return services.follow_ups_send_due()
