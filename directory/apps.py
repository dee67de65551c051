from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = _("Services directory")

    # Links on the staff dashboard: (permission, URL name, text).
    staff_links = [
        (
            "directory.edit_services",
            "directory:staff_service_list",
            _("Services directory: your services and changes to approve"),
        ),
    ]

    def ready(self):
        from auditlog.registry import auditlog

        # Who changed a public entry, and who proposed, approved or rejected each change.
        auditlog.register(self.get_model("Service"), exclude_fields=["last_modified"])
        auditlog.register(self.get_model("ServiceChange"), exclude_fields=["base", "proposed"])
