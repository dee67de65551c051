"""Writing to the audit trail. Other apps call ``record_access`` when someone opens a sensitive record.

Creating, changing and deleting registered models is logged by django-auditlog itself (register the
model with ``auditlog.registry.auditlog.register``; the middleware adds who and from where).
"""

from auditlog.middleware import AuditlogMiddleware
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType


def _who_and_where(request):
    user = getattr(request, "user", None)
    actor = user if user is not None and user.is_authenticated else None
    return {
        "actor": actor,
        "actor_email": getattr(actor, "email", None),
        "remote_addr": AuditlogMiddleware._get_remote_addr(request),
        "remote_port": AuditlogMiddleware._get_remote_port(request),
    }


def record_access(*, request, obj, reason=""):
    """Record that the person making ``request`` opened ``obj`` (a saved model instance), and why.

    Call it in the view that shows a record marked sensitive, after the access check has passed::

        from audit.services import record_access
        record_access(request=request, obj=case, reason="Case page viewed")
    """
    if obj is None or obj.pk is None:
        raise ValueError("Only a saved record can be recorded as opened.")
    return LogEntry.objects.log_create(
        obj,
        force_log=True,
        action=LogEntry.Action.ACCESS,
        additional_data={"reason": str(reason), "path": request.path, "method": request.method},
        **_who_and_where(request),
    )


def record_trail_read(*, request, what, filters, result_count):
    """Record that someone searched or exported the audit trail itself."""
    return LogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(LogEntry),
        object_pk=what,
        object_repr=f"Audit trail {what}",
        action=LogEntry.Action.ACCESS,
        additional_data={
            "reason": f"Audit trail {what}",
            "filters": filters,
            "results": result_count,
            "path": request.path,
        },
        **_who_and_where(request),
    )
