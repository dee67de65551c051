from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _
from encrypted_fields.fields import EncryptedCharField


class Organisation(models.Model):
    class Kind(models.TextChoices):
        COUNCIL_TEAM = "council_team", _("Council team")
        POLICE = "police", _("Police")
        VICTIM_SUPPORT = "victim_support", _("Victim support")
        HOUSING_ASSOCIATION = "housing_association", _("Housing association")
        COMMUNITY_INTEREST_COMPANY = "community_interest_company", _("Community interest company")
        COMMUNITY_ORGANISATION = "community_organisation", _("Community organisation")
        THIRD_PARTY_REPORTING_CENTRE = "third_party_reporting_centre", _("Third-party reporting centre")
        PLACE_OF_WELCOME = "place_of_welcome", _("Place of Welcome")

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=40, choices=Kind.choices)
    is_active = models.BooleanField(default=True)
    is_demo = models.BooleanField(
        default=False, help_text=_("Synthetic demonstration data, not a real organisation's record.")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A member of staff or of a partner organisation. Residents never have accounts."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("email address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=200)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="members"
    )
    job_title = models.CharField(_("job title"), max_length=200, blank=True)
    # The encrypted field stores an empty value as NULL.
    phone = EncryptedCharField(_("work phone"), max_length=40, blank=True, null=True)
    is_demo = models.BooleanField(default=False, help_text=_("Synthetic demonstration account, not a real person."))

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    objects = UserManager()

    class Meta:
        ordering = ["full_name"]

    def __str__(self):
        return self.full_name or self.email

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email

    # Roles are Django groups named after ``accounts.roles.Role`` values.
    @property
    def roles(self):
        """The set of ``Role`` values this user holds (cached on the instance)."""
        cached = getattr(self, "_roles_cache", None)
        if cached is None:
            from .roles import Role

            if not self.pk:
                return frozenset()
            names = {group.name for group in self.groups.all()}
            cached = frozenset(Role(name) for name in names if name in Role.values)
            self._roles_cache = cached
        return cached

    def forget_roles(self):
        self.__dict__.pop("_roles_cache", None)

    def has_role(self, *roles):
        """True if the user is active and holds any of ``roles``."""
        return self.is_active and bool(self.roles.intersection(roles))
