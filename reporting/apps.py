"""Public reporting of hate crime and anti-social behaviour, and the reporter's way back in."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "reporting"
    verbose_name = _("Reporting hate crime and anti-social behaviour")

    def ready(self):
        from auditlog.registry import auditlog

        from core.signals import rotating_encryption_keys

        from . import evidence

        rotating_encryption_keys.connect(evidence.reencrypt_all, dispatch_uid="reporting-evidence-files")

        # Who created or changed a report and its consents is logged; only codes and dates go into
        # the trail, never the encrypted text (the trail is not encrypted).
        auditlog.register(
            self.get_model("Report"),
            include_fields=["reference", "channel", "reporter_role", "status", "handler_role", "submitted_by"],
        )
        auditlog.register(self.get_model("Consent"), include_fields=["recipient", "given_at", "withdrawn_at"])
        auditlog.register(self.get_model("Evidence"), include_fields=["content_type", "size", "report"])
        auditlog.register(self.get_model("Message"), include_fields=["author_side", "read_at", "report"])
