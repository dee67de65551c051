"""Public segregation pages: what is measured and why, the indices with their intervals, the local maps."""

import csv

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from core.access import public

from .. import svg
from ..selectors import segregation as selectors


def _show_small_numbers(request):
    return request.user.has_perm("insights.view_small_numbers")


def _csv_response(filename, header, rows):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response)
    writer.writerow(header)
    writer.writerows(rows)
    return response


@public()
def overview(request):
    figures = selectors.segregation_figures(selectors.DEFAULT_GROUP)
    context = {
        "figures": figures,
        "headline_lsoa": figures.headline("dissimilarity", 2021, "lsoa"),
        "headline_ward": figures.headline("dissimilarity", 2021, "ward"),
        "headline_change": next((row for row in figures.changes if row.change.index == "dissimilarity"), None),
        "multigroup_change": next(iter(figures.multigroup_changes), None),
        "map_links": _map_links(),
        "sources": selectors.page_sources(),
        "wards": selectors.wards_for_links(),
        **selectors.generation_notice(),
    }
    return render(request, "insights/overview.html", context)


@public()
def segregation(request):
    group = request.GET.get("group", selectors.DEFAULT_GROUP)
    error = None
    if not selectors.is_group(group):
        error = _("Select an ethnic group from the list")
        figures = selectors.segregation_figures(selectors.DEFAULT_GROUP)
        figures.group_tables, figures.changes = [], []
    else:
        figures = selectors.segregation_figures(group)
    context = {
        "figures": figures,
        "group": group if error is None else "",
        "groups": selectors.group_choices(),
        "error": error,
        "map_links": _map_links(),
        "sources": selectors.page_sources(),
    }
    return render(request, "insights/segregation.html", context, status=400 if error else 200)


@public(page_cache=False)  # the cache keeps no Content-Disposition, so the download would lose its name
def segregation_csv(request):
    return _csv_response("walsall-segregation-indices.csv", selectors.CSV_HEADER, selectors.segregation_csv_rows())


def _map_links():
    return [
        (geography, label, [(measure.slug, measure.label) for measure in selectors.measures()])
        for geography, label in selectors.MAP_GEOGRAPHIES.items()
    ]


def _picture_or_404(request, geography, measure):
    found = selectors.measure_get(measure)
    if geography not in selectors.MAP_GEOGRAPHIES or found is None:
        raise Http404(_("There is no map of that kind."))
    return selectors.local_picture(geography, found, show_small_numbers=_show_small_numbers(request))


def _value_formatter(measure):
    if measure.kind == "share":
        return lambda value: selectors.number(value * 100, 1) + "%"
    return lambda value: selectors.number(value, 2)


def _classes(picture):
    values = [row.value for row in picture.rows if row.value is not None]
    if not values:
        return []
    if picture.measure.kind == "lq":
        low, high = min(values), max(values)
        edges = [low, *[edge for edge in (0.5, 0.8, 1.25, 2.0) if low < edge < high], high]
    else:
        edges = svg.quantile_breaks(values)
    return svg.map_classes(edges, _value_formatter(picture.measure))


@public()
def area_map(request, geography, measure):
    picture = _picture_or_404(request, geography, measure)
    classes = _classes(picture)
    no_figure = _("not shown, to protect counts under 5") if picture.suppressed else _("no figure")
    title = _("%(measure)s. Geography: %(geography)s, Census 2021") % {
        "measure": picture.measure.label,
        "geography": picture.geography_label,
    }
    map_svg = None
    if picture.area_map is not None and picture.area_map.areas:
        map_svg = svg.choropleth(
            picture.area_map,
            {row.code: (row.value_text or None, row.value) for row in picture.rows},
            classes,
            title=title,
            description=svg.legend_description(classes, no_figure),
            legend_title=picture.measure.label,
            no_figure_label=no_figure,
        )
    context = {
        "picture": picture,
        "title": title,
        "map_svg": map_svg,
        "classes": classes,
        "no_figure": no_figure,
        "map_links": _map_links(),
        "geography": geography,
        "measure": picture.measure,
        "sources": [selectors.SOURCES[2021], selectors.WARD_NOTE],
        "small_numbers_shown": _show_small_numbers(request),
        **(selectors.generation_notice() if geography == "ward" else {}),
    }
    return render(request, "insights/area_map.html", context)


def map_csv_header(measure):
    """Machine-readable English snake_case, as every insights CSV; a percentage names its unit."""
    header = ["area_code", "area_name"]
    if measure.group:
        header.append("group_residents")
    column = measure.slug.replace("-", "_")
    if measure.kind == "share":
        column += "_percent"
    return [*header, "all_residents", column, "census_year", "source"]


@public(page_cache=False)  # the cache keeps no Content-Disposition, so the download would lose its name
def area_map_csv(request, geography, measure):
    picture = _picture_or_404(request, geography, measure)
    rows = []
    for row in picture.rows:
        line = [row.code, row.name]
        if picture.measure.group:
            line.append(row.group_count_text)
        line += [row.total_text, selectors.csv_value(row, picture.measure), "2021", "ONS Census 2021 TS021"]
        rows.append(line)
    return _csv_response(f"walsall-{geography}-{picture.measure.slug}-2021.csv", map_csv_header(picture.measure), rows)
