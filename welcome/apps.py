from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WelcomeConfig(AppConfig):
    name = "welcome"
    verbose_name = _("Welcome Pack")

    # Links on the staff dashboard: (permission, URL name, text).
    staff_links = [
        ("welcome.build_for_resident", "welcome:start", _("Build a Welcome Pack for a resident")),
        ("welcome.edit_content", "welcome:section_list", _("Welcome Pack sections and their translations")),
    ]
