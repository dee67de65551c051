import pytest
from django.core.management import call_command

from core import notifications

pytestmark = pytest.mark.django_db(transaction=True)

TEMPLATE_ID = "0c3c4b8b-5f0f-4f8e-9d9d-7f6f3d0d1a2b"


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def test_a_message_waits_in_the_queue_until_the_worker_sends_it(database_queue, fake_notify):
    result = notifications.send_email(to="resident@example.test", template_id=TEMPLATE_ID)

    assert result.status.name == "READY"
    assert fake_notify.sent == []

    call_command("db_worker", "--batch", "--no-startup-delay", "--worker-id", "test-worker")

    result.refresh()
    assert result.status.name == "SUCCESSFUL"
    assert [message["email_address"] for message in fake_notify.sent] == ["resident@example.test"]
