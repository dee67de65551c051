from django_tasks import task

from . import services


@task()
def delete_abandoned_evidence():
    """Idempotent: files of reports never sent are deleted a day after upload."""
    return services.evidence_drafts_delete_abandoned()
