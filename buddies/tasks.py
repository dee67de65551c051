"""Background work of the buddy scheme (django-tasks). Each task is idempotent."""

from django_tasks import task

from . import services


@task()
def send_volunteer_expiry_warnings():
    """Warnings 60, 30 and 7 days before a volunteer's DBS check or training expires; each sent once."""
    return {"sent": services.volunteer_expiry_warnings_send()}


@task()
def send_quiet_match_alerts():
    """Tell coordinators about matches with no meeting for three weeks; once per quiet spell."""
    return {"sent": services.quiet_match_alerts_send()}


@task()
def find_matches():
    """A matching run, as the coordinator's "Find matches" button does (replaces undecided proposals)."""
    return {"proposals": len(services.matching_run())}
