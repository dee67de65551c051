"""Public pages of the services directory: search by postcode or ward, and a page per service."""

from urllib.parse import urlencode

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.html import format_html_join

from core.access import public
from places import selectors as places_selectors

from . import search as search_selectors
from .forms import SEARCH_PARAMETERS, SearchForm


def _search_querystring(params, *, with_page=False):
    """The search's own parameters from a GET, in a stable order (pages and back links keep filters).

    ``with_page`` keeps the results page too, for links to a service and back to the same page.
    """
    pairs = []
    for name in [*SEARCH_PARAMETERS, "page"] if with_page else SEARCH_PARAMETERS:
        for value in params.getlist(name):
            if value:
                pairs.append((name, value[:100]))
    return urlencode(pairs)


def pagination(page, querystring):
    """GOV.UK pagination: previous/next links and numbered items with ellipses."""
    if page.paginator.num_pages <= 1:
        return None
    prefix = f"?{querystring}&" if querystring else "?"

    def href(number):
        return f"{prefix}page={number}"

    current, last = page.number, page.paginator.num_pages
    wanted = sorted({1, last, current - 1, current, current + 1} & set(range(1, last + 1)))
    items, previous = [], None
    for number in wanted:
        if previous is not None and number - previous > 1:
            items.append({"ellipsis": True})
        items.append({"number": number, "href": href(number), "current": number == current})
        previous = number
    return {
        "previous": href(current - 1) if page.has_previous() else None,
        "next": href(current + 1) if page.has_next() else None,
        "items": items,
    }


def _options(field, selected):
    """A select's options as HTML, built once in Python (a template loop per option is slow)."""
    return format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        ((value, " selected" if str(value) == selected else "", label) for value, label in field.choices),
    )


@public()
def search(request):
    choice = places_selectors.generation_in_force()
    generation = choice.generation if choice else None
    names = search_selectors.ward_names(generation) if generation else {}
    wards = sorted(names.items(), key=lambda item: item[1])
    form = SearchForm(
        request.GET or None,
        wards=wards,
        categories=search_selectors.category_choices(),
        generation=generation,
    )
    context = {
        "form": form,
        "results": None,
        "results_map": None,
        "lookup": None,
        "selected_accessibility": request.GET.getlist("accessibility"),
        "options": {
            name: _options(form.fields[name], request.GET.get(name, ""))
            for name in ("ward", "category", "language", "when")
        },
    }
    if not form.is_bound or form.is_valid():
        if not form.is_bound:
            form.cleaned_data = {}
        query = form.query()
        results = search_selectors.search(query, request.GET.get("page") or 1, ward_names=names, now=timezone.now())
        querystring = _search_querystring(request.GET)
        context.update(
            results=results,
            query=query,
            lookup=form.lookup,
            querystring=querystring,
            result_querystring=_search_querystring(request.GET, with_page=True),
            pagination=pagination(results.page, querystring),
            ward_name=names.get(query.ward_code, ""),
            results_map=(
                search_selectors.results_map(
                    generation, results.rows, origin=query.origin, selected_ward=query.ward_code
                )
                if generation and results.rows
                else None
            ),
        )
    return render(request, "directory/search.html", context)


@public()
def service_detail(request, service_id):
    service = search_selectors.service_detail(service_id)
    if service is None:
        raise Http404
    locations = [sal.location for sal in service.service_at_locations.all()]
    today = timezone.localdate()
    schedules = [
        search_selectors.schedule_text(schedule)
        for schedule in service.schedules.all()
        if search_selectors.is_current(schedule, today)
    ] + [
        f"{sal.location.name}: {search_selectors.schedule_text(schedule)}"
        if sal.location.name
        else search_selectors.schedule_text(schedule)
        for sal in service.service_at_locations.all()
        for schedule in sal.schedules.all()
        if search_selectors.is_current(schedule, today)
    ]
    choice = places_selectors.generation_in_force()
    generation = choice.generation if choice else None
    names = search_selectors.ward_names(generation) if generation else {}
    rows = search_selectors.result_rows([service], ward_names=names)
    location_rows = [
        {"location": location, "ward_name": names.get(location.ward_code, ""), "number": index}
        for index, location in enumerate(locations, start=1)
    ]
    service_map = None
    if generation is not None and any(loc.latitude is not None for loc in locations):
        service_map = search_selectors.results_map(
            generation,
            [
                search_selectors.ResultRow(
                    number=item["number"],
                    service=service,
                    location=item["location"],
                    distance_miles=None,
                    ward_name=item["ward_name"],
                    is_free=False,
                    cost_label="",
                    languages=[],
                    is_stale=False,
                )
                for item in location_rows
            ],
        )
    querystring = _search_querystring(request.GET, with_page=True)
    context = {
        "service": service,
        "row": rows[0],
        "categories": search_selectors.service_categories(service),
        "location_rows": location_rows,
        "schedules": schedules,
        "service_map": service_map,
        "querystring": querystring,
        "is_active": service.status == service.Status.ACTIVE,
        "stale_after_months": search_selectors.STALE_AFTER_MONTHS,
    }
    return render(request, "directory/service_detail.html", context)
