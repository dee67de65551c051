from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts and organisations"

    def ready(self):
        from auditlog.registry import auditlog

        from .groups import sync_role_groups

        # After every app's step (not only ours): the admin permissions the administrator's group is
        # given belong to other apps too (DRF's tokens), which are migrated after this one.
        post_migrate.connect(sync_role_groups, dispatch_uid="accounts.sync_role_groups")

        # Creating, changing or deleting a person's account is logged with who did it and from where.
        # Password hashes and sign-in timestamps are noise (and the hash must not be copied anywhere).
        auditlog.register(
            self.get_model("User"),
            exclude_fields=["password", "last_login"],
            # Hidden whole: the trail shows that the phone number changed, never any digit of it.
            mask_fields=["phone"],
            mask_callable="audit.masking.hide_whole_value",
            m2m_fields={"groups"},
        )
        auditlog.register(self.get_model("Organisation"))
