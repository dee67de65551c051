from django.apps import AppConfig
from django.db.backends.signals import connection_created


class AuditConfig(AppConfig):
    name = "audit"
    verbose_name = "Audit trail"

    def ready(self):
        from . import trail

        connection_created.connect(trail.on_connection_created, dispatch_uid="audit.trail_function")
        trail.allow_flush()
