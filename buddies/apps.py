from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BuddiesConfig(AppConfig):
    name = "buddies"
    verbose_name = _("Buddy scheme")

    # Links on the staff dashboard: (permission, URL name, text).
    staff_links = [
        ("buddies.view_dashboard", "buddies:dashboard", _("Buddy scheme")),
        ("buddies.list_volunteers", "buddies:volunteer_list", _("Volunteers")),
        ("buddies.refer_newcomer", "buddies:request_create", _("Refer a newcomer for a buddy")),
        ("buddies.view_own_matches", "buddies:my_matches", _("Your buddy matches")),
        ("buddies.view_report", "buddies:report", _("Buddy scheme pilot report")),
    ]

    def ready(self):
        from auditlog.registry import auditlog

        hidden = {"mask_callable": "audit.masking.hide_whole_value"}
        # Changes to people's records are logged with who made them; personal values never reach the trail.
        auditlog.register(
            self.get_model("BuddyRequest"),
            mask_fields=["name", "email", "phone", "notes", "postcode", "latitude", "longitude"],
            **hidden,
        )
        auditlog.register(
            self.get_model("Volunteer"),
            mask_fields=["first_referee", "second_referee", "dbs_certificate_number"],
            **hidden,
        )
        auditlog.register(self.get_model("Match"))
        auditlog.register(self.get_model("SafeguardingConcern"), mask_fields=["description"], **hidden)
