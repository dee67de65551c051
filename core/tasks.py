from django_tasks import task

from . import notifications


@task()
def deliver_notification(*, channel, to, template_id, personalisation, reference):
    """Hand one message to the notifications backend. Notify de-duplicates on nothing, so run once."""
    notification = notifications.Notification(channel, to, template_id, personalisation, reference)
    response = notifications.backend().send(notification)
    return {"id": response.get("id")}
