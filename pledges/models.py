from django.db import models
from django.utils.translation import gettext_lazy as _


class Pledge(models.Model):
    """A signature of the Walsall for All pledge, by a partner organisation or an individual."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for approval")
        ACTIVE = "active", _("Active")
        LAPSED = "lapsed", _("Due for renewal")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    organisation = models.ForeignKey(
        "accounts.Organisation", null=True, blank=True, on_delete=models.PROTECT, related_name="pledges"
    )
    # For an individual signatory: the name they agreed to show on the public list.
    individual_name = models.CharField(_("name"), max_length=200, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True)
    signed_on = models.DateField(_("signed on"))
    renewal_due = models.DateField(_("renewal due"))
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["-signed_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(organisation__isnull=False) | ~models.Q(individual_name=""),
                name="pledge_has_a_signatory",
            )
        ]

    def __str__(self):
        return self.individual_name or str(self.organisation)


class PlaceOfWelcome(models.Model):
    """A Place of Welcome: a directory location where anyone can drop in, hosted by a partner."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        ACTIVE = "active", _("Open")
        PAUSED = "paused", _("Paused")
        CLOSED = "closed", _("Closed")

    location = models.OneToOneField("directory.Location", on_delete=models.PROTECT, related_name="place_of_welcome")
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="places_of_welcome"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PROPOSED, db_index=True)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["location__name"]

    def __str__(self):
        return self.location.name
