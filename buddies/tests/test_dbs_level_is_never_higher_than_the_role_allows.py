import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from accounts.tests.factories import UserFactory
from buddies import services
from buddies.forms import DbsForm
from buddies.models import BuddyRole, DbsLevel, Volunteer, dbs_levels_allowed, eligible_dbs_level
from pledges.tests.factories import date_fields

from .factories import VolunteerFactory

pytestmark = pytest.mark.django_db


def test_befriending_adults_is_eligible_for_a_basic_check_only():
    assert eligible_dbs_level(BuddyRole.BEFRIENDING_ADULTS) == DbsLevel.BASIC
    assert dbs_levels_allowed(BuddyRole.BEFRIENDING_ADULTS) == [DbsLevel.BASIC]


def test_adults_in_care_allow_up_to_enhanced_without_barred_lists():
    assert dbs_levels_allowed(BuddyRole.BEFRIENDING_ADULTS_IN_CARE) == [
        DbsLevel.BASIC,
        DbsLevel.STANDARD,
        DbsLevel.ENHANCED,
    ]


def test_unsupervised_time_with_children_allows_barred_list_checks():
    assert DbsLevel.ENHANCED_BARRED in dbs_levels_allowed(BuddyRole.BEFRIENDING_FAMILIES)


@pytest.mark.parametrize("role", list(BuddyRole))
def test_the_form_never_offers_a_level_above_the_role(role):
    offered = [value for value, _label in DbsForm(role=role).fields["level"].choices]
    levels = list(DbsLevel)
    assert offered == [level.value for level in levels[: levels.index(eligible_dbs_level(role)) + 1]]


def test_a_higher_level_is_refused_by_the_form_and_the_service(client):
    volunteer = VolunteerFactory(stage=Volunteer.Stage.IDENTITY, role=BuddyRole.BEFRIENDING_ADULTS)
    client.force_login(UserFactory(roles=[Role.BUDDY_COORDINATOR]))
    today = timezone.localdate()

    response = client.post(
        reverse("buddies:volunteer_step", args=[volunteer.pk, "dbs"]),
        {"level": DbsLevel.ENHANCED, "certificate_number": "001122334455", **date_fields("issued_on", today)},
    )

    assert response.status_code == 200
    assert 'value="enhanced"' not in response.content.decode()
    volunteer.refresh_from_db()
    assert volunteer.dbs_level == ""
    with pytest.raises(services.OnboardingError):
        services.volunteer_record_dbs(
            volunteer=volunteer, by=None, level=DbsLevel.ENHANCED, certificate_number="001122334455", issued_on=today
        )


def test_the_certificate_number_is_kept_and_the_update_service_sets_the_expiry(client):
    volunteer = VolunteerFactory(stage=Volunteer.Stage.IDENTITY)
    client.force_login(UserFactory(roles=[Role.BUDDY_COORDINATOR]))
    today = timezone.localdate()
    renews = today.replace(year=today.year + 1)

    client.post(
        reverse("buddies:volunteer_step", args=[volunteer.pk, "dbs"]),
        {
            "level": DbsLevel.BASIC,
            "certificate_number": "0011 2233 4455",
            **date_fields("issued_on", today),
            "update_service": "on",
            **date_fields("subscription_renews_on", renews),
        },
    )

    volunteer.refresh_from_db()
    assert volunteer.stage == Volunteer.Stage.DBS
    assert volunteer.dbs_certificate_number == "001122334455"
    assert volunteer.dbs_update_service
    assert volunteer.dbs_valid_until == renews
