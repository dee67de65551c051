import pytest
from django.core.management import call_command, get_commands
from django.core.management.base import CommandError


def test_every_scheduled_job_is_a_command():
    from django.conf import settings

    assert set(settings.SCHEDULED_COMMANDS) <= set(get_commands())


def test_a_failing_job_does_not_stop_the_others(settings, monkeypatch):
    ran = []

    def fake_call_command(name, **options):
        ran.append(name)
        if name == "first":
            raise RuntimeError("Notify is down")

    monkeypatch.setattr("core.management.commands.run_scheduled_jobs.call_command", fake_call_command)
    settings.SCHEDULED_COMMANDS = ["first", "second"]

    with pytest.raises(CommandError, match="first"):
        call_command("run_scheduled_jobs")

    assert ran == ["first", "second"]
