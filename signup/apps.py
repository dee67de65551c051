from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SignupConfig(AppConfig):
    name = "signup"
    verbose_name = _("Sign-up (Walsall People Project)")

    # Links on the staff dashboard: (permission, URL name, text).
    staff_links = [
        ("signup.view_figures", "signup:staff_overview", _("Sign-ups, follow-ups and the Welcome figures")),
    ]
