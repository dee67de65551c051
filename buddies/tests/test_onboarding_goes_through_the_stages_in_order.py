import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from accounts.tests.factories import UserFactory
from buddies import services
from buddies.models import DbsLevel, Volunteer, VolunteerStageChange
from pledges.tests.factories import date_fields

from .factories import VolunteerFactory

pytestmark = pytest.mark.django_db
Stage = Volunteer.Stage
TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


def onboard(volunteer, by):
    services.volunteer_record_references(
        volunteer=volunteer,
        by=by,
        first_referee="A Referee",
        first_received_on=TODAY - 10 * DAY,
        second_referee="B Referee",
        second_received_on=TODAY - 9 * DAY,
    )
    services.volunteer_record_identity(volunteer=volunteer, by=by, checked_on=TODAY - 8 * DAY, document="passport")
    services.volunteer_record_dbs(
        volunteer=volunteer, by=by, level=DbsLevel.BASIC, certificate_number="001122334455", issued_on=TODAY - 7 * DAY
    )
    services.volunteer_record_training(
        volunteer=volunteer, by=by, course="Befriending", completed_on=TODAY - DAY, expires_on=TODAY + 1200 * DAY
    )
    services.volunteer_approve(volunteer=volunteer, by=by)
    services.volunteer_set_status(volunteer=volunteer, by=by, stage=Stage.ACTIVE)


def test_each_stage_is_recorded_in_order_with_who_and_when():
    coordinator = UserFactory(roles=[Role.BUDDY_COORDINATOR])
    volunteer = VolunteerFactory()

    onboard(volunteer, coordinator)

    history = list(volunteer.stage_changes.values_list("stage", "changed_by"))
    assert [stage for stage, _by in history] == [
        Stage.APPLIED,
        Stage.REFERENCES,
        Stage.IDENTITY,
        Stage.DBS,
        Stage.TRAINED,
        Stage.APPROVED,
        Stage.ACTIVE,
    ]
    assert all(by == coordinator.pk for _stage, by in history[1:])
    volunteer.refresh_from_db()
    assert volunteer.stage == Stage.ACTIVE
    # Three years from issue without the update service; the training expires later.
    assert volunteer.checks_valid_until == (TODAY - 7 * DAY).replace(year=(TODAY - 7 * DAY).year + 3)


def test_one_reference_is_not_enough_to_move_on():
    volunteer = VolunteerFactory()
    services.volunteer_record_references(
        volunteer=volunteer, by=None, first_referee="A Referee", first_received_on=TODAY
    )
    assert volunteer.stage == Stage.APPLIED
    with pytest.raises(services.OnboardingError):
        services.volunteer_record_identity(volunteer=volunteer, by=None, checked_on=TODAY, document="passport")


def test_steps_cannot_be_skipped():
    volunteer = VolunteerFactory()
    with pytest.raises(services.OnboardingError):
        services.volunteer_record_dbs(
            volunteer=volunteer, by=None, level=DbsLevel.BASIC, certificate_number="001122334455", issued_on=TODAY
        )
    with pytest.raises(services.OnboardingError):
        services.volunteer_approve(volunteer=volunteer, by=None)
    with pytest.raises(services.OnboardingError):
        services.volunteer_set_status(volunteer=volunteer, by=None, stage=Stage.ACTIVE)
    assert volunteer.stage_changes.count() == 1


def test_the_history_cannot_be_changed_or_deleted():
    change = VolunteerFactory().stage_changes.get()
    change.note = "rewritten"
    with pytest.raises(ValueError):
        change.save()
    with pytest.raises(ValueError):
        change.delete()
    assert VolunteerStageChange.objects.get(pk=change.pk).note == ""


def test_the_coordinator_records_each_step_on_the_volunteer_page(client):
    coordinator = UserFactory(roles=[Role.BUDDY_COORDINATOR])
    volunteer = VolunteerFactory()
    client.force_login(coordinator)

    page = client.get(reverse("buddies:volunteer_detail", args=[volunteer.pk]))
    assert reverse("buddies:volunteer_step", args=[volunteer.pk, "references"]) in page.content.decode()

    response = client.post(
        reverse("buddies:volunteer_step", args=[volunteer.pk, "references"]),
        {
            "first_referee": "A Referee",
            **date_fields("first_received_on", TODAY),
            "second_referee": "B Referee",
            **date_fields("second_received_on", TODAY + DAY),  # in the future: refused, nothing lost
        },
    )
    assert response.status_code == 200
    assert "Date the second reference came back must be today or in the past" in response.content.decode()
    assert 'value="A Referee"' in response.content.decode()

    client.post(
        reverse("buddies:volunteer_step", args=[volunteer.pk, "references"]),
        {
            "first_referee": "A Referee",
            **date_fields("first_received_on", TODAY),
            "second_referee": "B Referee",
            **date_fields("second_received_on", TODAY),
        },
    )
    volunteer.refresh_from_db()
    assert volunteer.stage == Stage.REFERENCES
    assert volunteer.stage_changes.last().changed_by == coordinator


def test_a_step_sent_twice_is_recorded_once_and_reads_as_saved(client):
    volunteer = VolunteerFactory()
    coordinator = UserFactory(roles=[Role.BUDDY_COORDINATOR])
    client.force_login(coordinator)
    form = {
        "first_referee": "A Referee",
        **date_fields("first_received_on", TODAY),
        "second_referee": "B Referee",
        **date_fields("second_received_on", TODAY),
    }
    url = reverse("buddies:volunteer_step", args=[volunteer.pk, "references"])

    client.post(url, form)
    page = client.post(url, form, follow=True).content.decode()

    assert "Saved." in page and "cannot be recorded" not in page
    assert volunteer.stage_changes.filter(stage=Stage.REFERENCES).count() == 1
