from django_tasks import task

from .services import pledge_reminders_send


@task()
def send_pledge_renewal_reminders():
    """Daily: renewal reminders at 30 and 7 days and on lapsing (each recorded, so sent once)."""
    return {"sent": pledge_reminders_send()}
