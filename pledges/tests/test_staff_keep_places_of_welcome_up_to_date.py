"""Staff pages for Places of Welcome: add, opening times, 5 Ps checks, status; partners only their own."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from accounts.tests.factories import UserFactory
from directory.tests.factories import LocationFactory
from places.models import Postcode
from pledges.models import FivePsCheck, PlaceOfWelcome, Weekday
from pledges.tests.factories import OpeningTimeFactory, PlaceOfWelcomeFactory, date_fields

pytestmark = pytest.mark.django_db


def five_ps(**overrides):
    data = date_fields("checked_on", timezone.localdate())
    for code in ("place", "people", "presence", "provision", "participation"):
        data[f"{code}_met"] = "yes"
        data[f"{code}_note"] = ""
    data["participation_met"] = "no"
    data["participation_note"] = "Skills swap planned"
    return {**data, **overrides}


def test_a_5_ps_check_is_recorded_with_date_and_who_once_for_a_double_submit(client):
    place = PlaceOfWelcomeFactory()
    officer = UserFactory(roles=[Role.INTEGRATION_OFFICER])
    client.force_login(officer)
    url = reverse("pledges:staff_place_check", args=[place.pk])
    key = client.get(url).context["submission_key"]

    client.post(url, {**five_ps(), "submission_key": key})
    client.post(url, {**five_ps(), "submission_key": key})

    check = FivePsCheck.objects.get()
    assert check.checked_by == officer and check.checked_on == timezone.localdate()
    assert check.met_count == 4 and check.participation_note == "Skills swap planned"
    assert "4 of 5 met" in client.get(reverse("pledges:staff_place_list")).content.decode()


def test_a_5_ps_check_with_errors_keeps_the_answers(client):
    place = PlaceOfWelcomeFactory()
    client.force_login(UserFactory(roles=[Role.BUDDY_COORDINATOR]))
    future = timezone.localdate() + datetime.timedelta(days=3)
    answers = five_ps(**date_fields("checked_on", future), people_note="Run by three volunteers")
    del answers["presence_met"]

    html = client.post(reverse("pledges:staff_place_check", args=[place.pk]), answers).content.decode()

    assert "Date checked must be today or in the past" in html
    assert "Select whether this place meets &#x27;Presence&#x27;" in html
    assert (
        "Run by three volunteers" in html
        and f'name="checked_on_day" type="text" inputmode="numeric" value="{future.day}"' in html
    )
    assert FivePsCheck.objects.count() == 0


def test_a_partner_cannot_see_or_change_another_organisations_place(client):
    place = PlaceOfWelcomeFactory()
    partner = UserFactory(roles=[Role.PARTNER_ORGANISATION_USER])
    client.force_login(partner)

    for name in ("staff_place_detail", "staff_place_edit", "staff_place_opening_times", "staff_place_check"):
        assert client.get(reverse(f"pledges:{name}", args=[place.pk])).status_code == 403
    response = client.post(
        reverse("pledges:staff_place_edit", args=[place.pk]), {"status": "closed", "what_to_expect": "Hijacked"}
    )
    assert response.status_code == 403
    place.refresh_from_db()
    assert place.status == PlaceOfWelcome.Status.ACTIVE
    assert place.location.name not in client.get(reverse("pledges:staff_place_list")).content.decode()


def test_a_partner_changes_their_own_place_and_the_read_is_audited(client):
    partner = UserFactory(roles=[Role.PARTNER_ORGANISATION_USER])
    place = PlaceOfWelcomeFactory(organisation=partner.organisation)
    client.force_login(partner)

    assert client.get(reverse("pledges:staff_place_detail", args=[place.pk])).status_code == 200
    client.post(
        reverse("pledges:staff_place_edit", args=[place.pk]),
        {"status": "paused", "what_to_expect": "Closed for the summer.", "coordinator_name": "Sam"},
    )

    place.refresh_from_db()
    assert place.status == PlaceOfWelcome.Status.PAUSED and place.coordinator_name == "Sam"
    assert place.status_changed_on == timezone.localdate()
    assert LogEntry.objects.filter(action=LogEntry.Action.ACCESS, object_pk=str(place.pk)).exists()


def test_opening_times_are_saved_and_errors_keep_what_was_typed(client):
    place = PlaceOfWelcomeFactory()
    OpeningTimeFactory(place=place, weekday=Weekday.MONDAY)
    client.force_login(UserFactory(roles=[Role.INTEGRATION_OFFICER]))
    url = reverse("pledges:staff_place_opening_times", args=[place.pk])
    data = {
        "times-TOTAL_FORMS": "2",
        "times-INITIAL_FORMS": "0",
        "times-MIN_NUM_FORMS": "0",
        "times-MAX_NUM_FORMS": "21",
    }

    bad = client.post(url, {**data, "times-0-weekday": "2", "times-0-opens": "14:00", "times-0-closes": "13:00"})
    html = bad.content.decode()
    assert "The closing time must be after the opening time" in html and 'value="14:00"' in html
    assert [time.weekday for time in place.opening_times.all()] == [Weekday.MONDAY]

    client.post(
        url,
        {
            **data,
            "times-0-weekday": "2",
            "times-0-opens": "10:00",
            "times-0-closes": "12:00",
            "times-1-weekday": "5",
            "times-1-opens": "09:00",
            "times-1-closes": "11:00",
            "times-1-notes": "Family morning",
        },
    )
    assert [(t.weekday, t.notes) for t in place.opening_times.all()] == [(2, ""), (5, "Family morning")]


def test_an_officer_adds_a_place_from_the_directory_or_a_new_venue(client, walsall):
    from accounts.tests.factories import OrganisationFactory
    from directory.tests.factories import AttributeFactory, ServiceAtLocationFactory, TaxonomyTermFactory

    host = OrganisationFactory()
    existing = LocationFactory(name="Library Friends Hall")
    link = ServiceAtLocationFactory(location=existing)
    AttributeFactory(
        link_id=link.service_id, link_entity="service", taxonomy_term=TaxonomyTermFactory(term="places-of-welcome")
    )
    ServiceAtLocationFactory(location=LocationFactory(name="Leisure Centre"))
    client.force_login(UserFactory(roles=[Role.INTEGRATION_OFFICER]))
    url = reverse("pledges:staff_place_add")
    form = client.get(url).content.decode()
    assert "Library Friends Hall" in form and "Leisure Centre" not in form
    details = {"status": "active", "organisation": host.pk, "what_to_expect": "Tea"}

    client.post(url, {**details, "location": str(existing.pk)})
    assert PlaceOfWelcome.objects.get(location=existing).organisation == host

    postcode = Postcode.objects.exclude(lat=None).filter(is_synthetic=True).first()
    client.post(
        url,
        {
            **details,
            "new_name": "New Chapel",
            "new_address": "2 High St",
            "new_town": "",
            "new_postcode": postcode.postcode,
        },
    )
    made = PlaceOfWelcome.objects.get(location__name="New Chapel")
    assert made.location.ward_code and made.location.addresses.get().postal_code == postcode.postcode

    bad = client.post(url, {**details, "new_name": "Nowhere Hall", "new_address": "x", "new_postcode": "ZZ9 9ZZ"})
    assert "We could not find that postcode" in bad.content.decode() and 'value="Nowhere Hall"' in bad.content.decode()


def test_a_partner_adds_a_place_hosted_by_their_own_organisation(client, walsall):
    partner = UserFactory(roles=[Role.PARTNER_ORGANISATION_USER])
    postcode = Postcode.objects.exclude(lat=None).filter(is_synthetic=True).first()
    client.force_login(partner)

    client.post(
        reverse("pledges:staff_place_add"),
        {"status": "proposed", "new_name": "Our Hall", "new_address": "3 Park Rd", "new_postcode": postcode.postcode},
    )

    assert PlaceOfWelcome.objects.get(location__name="Our Hall").organisation == partner.organisation
