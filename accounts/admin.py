from allauth.account.decorators import secure_admin_login
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import BaseUserCreationForm, UserChangeForm
from django.utils.translation import gettext_lazy as _
from rest_framework.authtoken.admin import TokenAdmin
from rest_framework.authtoken.models import TokenProxy

from .models import Organisation, User
from .services import user_sync_staff_status

# The admin's own sign-in form takes a password alone. Send everyone through the staff sign-in
# instead, which asks for the code from the authenticator app too (and counts failed attempts).
admin.site.login = secure_admin_login(admin.site.login)


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "is_active", "is_demo"]
    list_filter = ["kind", "is_active", "is_demo"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def has_delete_permission(self, request, obj=None):
        return False


class StaffUserCreationForm(BaseUserCreationForm):
    class Meta:
        model = User
        fields = ["email", "full_name", "organisation", "groups"]


class StaffUserChangeForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    """Accounts are deactivated, never deleted, so the audit trail keeps pointing at a person.

    Administrators (the role) manage accounts here: details, organisation, roles (groups) and
    whether the account is active. Whether someone may use the admin (``is_staff``) follows the
    administrator role and is not edited by hand; only a superuser can make or change a superuser.
    """

    add_form = StaffUserCreationForm
    form = StaffUserChangeForm
    ordering = ["full_name"]
    list_display = ["email", "full_name", "organisation", "is_active", "is_demo"]
    list_filter = ["is_active", "is_demo", "organisation", "groups"]
    search_fields = ["email", "full_name"]
    readonly_fields = ["last_login", "date_joined", "is_staff"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Person"), {"fields": ["full_name", "job_title", "phone", "organisation", "is_demo"]}),
        (_("Access"), {"fields": ["is_active", "is_staff", "is_superuser", "groups"]}),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {"classes": ["wide"], "fields": ["email", "full_name", "organisation", "groups", "password1", "password2"]},
        ),
    ]
    filter_horizontal = ["groups"]

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            readonly.append("is_superuser")
        return readonly

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # The roles (groups) are saved only now; the right to use the admin follows them.
        user_sync_staff_status(user=form.instance)


class TokenShownOnceAdmin(TokenAdmin):
    """A partner system's token is shown once, when issued, and never listed afterwards."""

    list_display = ("user", "created")

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        messages.success(
            request,
            _("API token for %(user)s: %(key)s — copy it now; it will not be shown again.")
            % {"user": obj.user, "key": obj.key},
        )


admin.site.unregister(TokenProxy)
admin.site.register(TokenProxy, TokenShownOnceAdmin)
