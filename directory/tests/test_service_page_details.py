import datetime

from django.utils import timezone, translation

from directory.tests.factories import CostOptionFactory, ScheduleFactory, full_service


def test_service_page_shows_what_a_resident_needs_and_when_it_was_last_checked(client, walsall):
    service = full_service(name="Chat and practise English", assured_date=timezone.localdate())
    response = client.get(f"/services/{service.id}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Chat and practise English" in html
    assert "Last checked: " + timezone.localdate().strftime("%-d %B %Y") in html
    assert "may be out of date" not in html

    def row(label):
        """The value cell of the summary-list row with this key."""
        after = html.split(f'<dt class="govuk-summary-list__key">{label}</dt>')[1]
        return after.split("</dd>")[0]

    assert "Ages 16 to 99" in row("Who it is for") and "Walsall borough" in row("Who it is for")
    assert "From £5.00" in row("Cost") and "Session" in row("Cost") and "£5.00" in row("Cost")
    assert "Mondays and Wednesdays, 9am to 5pm" in row("When it is open")
    assert row("Languages spoken").strip().endswith("Urdu")
    contact = row("How to contact")
    assert "Sam Example" in contact and "Coordinator" in contact and 'href="tel:01922650000"' in contact
    where = html.split('<h2 class="govuk-heading-m">Where</h2>')[1]
    assert service.service_at_locations.get().location.name in where
    assert "Bridge Street" in where and "WS1 1TP" in where
    assert '<li><span dir="auto">Step-free access</span></li>' in where
    assert service.organization.name in html


def test_service_page_warns_when_details_are_older_than_three_months(client, walsall):
    service = full_service(assured_date=timezone.localdate() - datetime.timedelta(days=120))
    html = client.get(f"/services/{service.id}/").content.decode()
    assert "more than 3 months ago and may be out of date" in html


def test_service_page_links_back_to_the_results_with_the_filters(client, walsall):
    service = full_service()
    html = client.get(
        f"/services/{service.id}/", {"postcode": "WS1 1TP", "language": "ur", "junk": "x"}
    ).content.decode()
    assert 'href="/services/?postcode=WS1+1TP&amp;language=ur"' in html
    assert "Back to your search results" in html


def test_unknown_service_is_not_found(client, walsall):
    assert client.get("/services/6f1c9b7e-2d2a-4a55-8f57-5b0f6a7d8e90/").status_code == 404


def test_service_page_lists_only_current_schedules_and_names_their_location(client, walsall):
    service = full_service()
    service.schedules.all().delete()
    today = timezone.localdate()
    ScheduleFactory(service=service, description="Old hours", valid_to=today - datetime.timedelta(days=1))
    ScheduleFactory(service=service, description="Future hours", valid_from=today + datetime.timedelta(days=1))
    ScheduleFactory(service=service, description="Current hours")
    link = service.service_at_locations.get()
    link.location.name = "Caldmore Hub"
    link.location.save()
    ScheduleFactory(service=None, service_at_location=link, description="Tuesdays 1pm to 3pm")
    html = client.get(f"/services/{service.id}/").content.decode()
    assert "Current hours" in html
    assert "Old hours" not in html and "Future hours" not in html
    assert "Caldmore Hub: Tuesdays 1pm to 3pm" in html


def test_back_link_returns_to_the_same_results_page(client, walsall):
    service = full_service()
    html = client.get(f"/services/{service.id}/", {"language": "ur", "page": "2"}).content.decode()
    assert 'href="/services/?language=ur&amp;page=2"' in html


def test_polish_pages_give_the_month_in_the_genitive(client, walsall):
    service = full_service(assured_date=datetime.date(2026, 3, 5))
    assert "Last checked: 5 March 2026" in client.get(f"/services/{service.id}/").content.decode()
    with translation.override("en"):  # the requests switch this thread to Polish; switch back after
        html = client.get(f"/pl/services/{service.id}/").content.decode()
        results = client.get("/pl/services/").content.decode()
    assert "5 marca 2026" in html and "5 marzec 2026" not in html
    assert "5 marca 2026" in results


def test_prices_are_written_the_same_way_as_the_page_language(client, walsall):
    service = full_service()
    service.cost_options.all().delete()
    CostOptionFactory(service=service, amount="2.50")
    with translation.override("en"):
        html = client.get(f"/pl/services/{service.id}/").content.decode()
    assert "2,50" in html and "2.50" not in html
