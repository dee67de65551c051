from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts and organisations"

    def ready(self):
        self._let_our_allauth_templates_win()
        from auditlog.registry import auditlog

        from .groups import sync_role_groups

        post_migrate.connect(sync_role_groups, sender=self, dispatch_uid="accounts.sync_role_groups")

        # Creating, changing or deleting a person's account is logged with who did it and from where.
        # Password hashes and sign-in timestamps are noise (and the hash must not be copied anywhere).
        auditlog.register(
            self.get_model("User"),
            exclude_fields=["password", "last_login"],
            mask_fields=["phone"],
            m2m_fields={"groups"},
        )
        auditlog.register(self.get_model("Organisation"))

    def _let_our_allauth_templates_win(self):
        """Our GOV.UK versions of allauth's templates live in accounts/templates/{account,mfa,allauth}/.

        App template directories are searched in INSTALLED_APPS order and "allauth" is listed before
        "accounts", so allauth's plain templates would win. Until settings list "accounts" first, put
        this app's template directory in front of the app directories (DIRS are searched first).
        """
        from pathlib import Path

        from django.conf import settings

        installed = list(settings.INSTALLED_APPS)
        if "allauth" not in installed or installed.index("accounts") < installed.index("allauth"):
            return
        ours = Path(self.path) / "templates"
        for engine in settings.TEMPLATES:
            if engine["BACKEND"] == "django.template.backends.django.DjangoTemplates":
                dirs = engine.setdefault("DIRS", [])
                if all(Path(d) != ours for d in dirs):
                    dirs.append(ours)
