"""The public ward profile: Census 2021 figures for one ward beside the Walsall average."""

import csv

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from core.access import public

from .. import svg
from ..selectors import profiles as selectors
from ..selectors.segregation import generation_notice, number


def _profile_or_404(request, gss_code):
    ward, generation = selectors.ward_for_profile(gss_code)
    if ward is None:
        raise Http404(_("There is no ward with that code."))
    show = request.user.has_perm("insights.view_small_numbers")
    return selectors.ward_profile(ward, generation, show_small_numbers=show)


def _percent(value):
    return number(value * 100, 1) + "%"


@public()
def ward_profile(request, gss_code):
    profile = _profile_or_404(request, gss_code)
    chart = None
    if profile.ethnicity:
        series = [
            svg.Series(profile.ward.name, svg.SERIES_COLOURS[0]),
            svg.Series(_("Walsall"), svg.SERIES_COLOURS[1]),
        ]
        chart = svg.bar_chart(
            [(row.label, [row.share, row.walsall_share]) for row in profile.ethnicity],
            series,
            title=_("Residents of %(ward)s by broad ethnic group, compared with Walsall (Census 2021)")
            % {"ward": profile.ward.name},
            description=_("Bars give each group's share of residents; the table below gives the same figures."),
            format_value=_percent,
        )
    context = {
        "profile": profile,
        "ward": profile.ward,
        "chart": chart,
        "profile_sources": selectors.page_sources(),
        "small_numbers_shown": request.user.has_perm("insights.view_small_numbers"),
        **generation_notice(profile.generation),
    }
    return render(request, "insights/ward_profile.html", context)


@public(page_cache=False)  # the cache keeps no Content-Disposition, so the download would lose its name
def ward_profile_csv(request, gss_code):
    profile = _profile_or_404(request, gss_code)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="walsall-ward-{profile.ward.gss_code}-profile.csv"'
    writer = csv.writer(response)
    writer.writerow(selectors.CSV_HEADER)
    writer.writerows(selectors.profile_csv_rows(profile))
    return response
