"""The Walsall for All pledge registry and the Places of Welcome registry."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PledgesConfig(AppConfig):
    name = "pledges"
    verbose_name = _("Walsall for All pledge and Places of Welcome")

    # Links on the staff dashboard: (permission, URL name, text).
    staff_links = [
        ("pledges.view_pledges", "pledges:staff_pledge_list", _("Walsall for All pledges")),
        ("pledges.manage_places", "pledges:staff_place_list", _("Places of Welcome")),
    ]

    def ready(self):
        from auditlog.registry import auditlog

        # Who approved, renewed or withdrew a pledge, and who changed a place, is kept in the trail;
        # contact details are hidden whole there.
        auditlog.register(
            self.get_model("Pledge"),
            mask_fields=["contact_name", "contact_email", "contact_phone"],
            mask_callable="audit.masking.hide_whole_value",
        )
        auditlog.register(
            self.get_model("PlaceOfWelcome"),
            mask_fields=["coordinator_name", "coordinator_email", "coordinator_phone"],
            mask_callable="audit.masking.hide_whole_value",
        )
