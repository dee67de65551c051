"""Anti-social behaviour trends: monthly counts and rates per 1,000 residents by ward, with a trend line."""

import csv

from django import forms
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.urls import reverse
from django.utils import formats
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.access import public
from places import selectors as places
from places.templatetags.places_display import month_year

from ..models import AsbIncident
from ..selectors import asb as selectors
from ..selectors.segregation import generation_notice
from ..trend_chart import ChartSeries, line_chart

SMALL_NUMBERS_PERM = "insights.view_small_numbers"


class AreaForm(forms.Form):
    ward = forms.ChoiceField(
        label=gettext_lazy("Area"),
        required=False,
        error_messages={"invalid_choice": gettext_lazy("Select a ward from the list, or All of Walsall")},
    )

    def __init__(self, *args, summaries=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ward"].choices = [
            ("", _("All of Walsall")),
            *((summary.ward.gss_code, summary.ward.name) for summary in summaries),
        ]


def _month(month):
    return month_year(month)  # inside a sentence: lower case where the language writes it so


def _decimal(value, places_=2):
    # number_format cuts extra decimals off; round first so 0.136 reads 0.14.
    return formats.number_format(round(value, places_), decimal_pos=places_, use_l10n=True)


def _period(first, last):
    if first == last:
        return _month(first)
    return _("%(first)s to %(last)s") % {"first": _month(first), "last": _month(last)}


def trend_words(series):
    """The trend of one series in words, e.g. 'rising by 0.30 per 1,000 residents a month'."""
    if series.trend_withheld:
        return _("no trend is shown, because some months' figures are not shown")
    trend = series.trend
    if trend is None:
        return _("not enough months for a trend (at least 3 are needed)")
    change = _decimal(abs(trend.slope))
    if series.trend_of == "rate":
        words = {
            "rising": _("rising by %(change)s per 1,000 residents a month"),
            "falling": _("falling by %(change)s per 1,000 residents a month"),
            "level": _("level (changing by less than 0.01 per 1,000 residents a month)"),
        }
    else:
        words = {
            "rising": _("rising by %(change)s incidents a month"),
            "falling": _("falling by %(change)s incidents a month"),
            "level": _("level (changing by less than 0.01 incidents a month)"),
        }
    return words[trend.direction] % {"change": change}


def _sentence(series):
    return _("%(source)s, %(period)s: %(trend)s.") % {
        "source": series.label,
        "period": _period(series.first_month, series.last_month),
        "trend": trend_words(series),
    }


def _chart(trends):
    by_rate = trends.geography.population is not None
    area = trends.geography.name
    period = {"period": _period(trends.first_month, trends.last_month), "area": area}
    months = trends.months
    lines = []
    for series in trends.series:
        by_month = {figure.month: figure for figure in series.figures}
        values, fitted = [], []
        for month in months:
            figure = by_month.get(month)
            values.append(None if figure is None else (figure.rate if by_rate else figure.count))
            fitted.append(None if figure is None else figure.fitted)
        lines.append(ChartSeries(str(series.label), values, fitted if series.trend else None))
    if by_rate:
        title = _("Anti-social behaviour per 1,000 residents each month, %(area)s, %(period)s") % period
        y_label = _("Incidents per 1,000 residents")
    else:
        title = _("Anti-social behaviour incidents each month, %(area)s, %(period)s") % period
        y_label = _("Incidents")
    sentences = [_sentence(series) for series in trends.series]
    if any(series.suppressed_months for series in trends.series):
        sentences.append(_("Months whose figures are not shown are left out of the line."))
    sentences.append(_("The same figures are in the tables below."))
    return line_chart(
        chart_id="asb-chart",
        months=months,
        series=lines,
        title=title,
        description=" ".join(sentences),
        y_label=y_label,
    )


def _area(request):
    """(form, summaries, geography): geography is None when the form is invalid."""
    summaries = selectors.asb_wards()
    form = AreaForm(request.GET if "ward" in request.GET else None, summaries=summaries, auto_id="%s")
    if form.is_bound and not form.is_valid():
        return form, summaries, None
    code = form.cleaned_data["ward"] if form.is_bound else ""
    return form, summaries, selectors.asb_geography(code, summaries)


def _trends(request, geography, summaries):
    return selectors.asb_trends(
        geography,
        show_small_numbers=request.user.has_perm(SMALL_NUMBERS_PERM),
        ward_codes=[summary.ward.gss_code for summary in summaries],
    )


def _hidden_words(figure):
    return _("fewer than 5") if figure.small else _("not shown")


@public()
def asb_trends(request):
    form, summaries, geography = _area(request)
    context = {
        "form": form,
        "population_source": places.POPULATION_SOURCE,
        "show_import_help": request.user.has_perm("accounts.view_dashboard"),  # signed-in staff
        **generation_notice(),
    }
    if geography is not None:
        trends = _trends(request, geography, summaries)
        context["trends"] = trends
        if trends.series:
            context["chart"] = _chart(trends)
            context["sentences"] = [(series, _sentence(series)) for series in trends.series]
            context["period"] = _period(trends.first_month, trends.last_month)
            context["tables"] = [(s, _period(s.first_month, s.last_month)) for s in trends.series]
            query = {"ward": geography.code} if geography.code else {}
            context["csv_url"] = reverse("insights:asb_trends_csv") + (f"?{urlencode(query)}" if query else "")
            context["latest_import"] = selectors.asb_latest_import()
            context["sources"] = {
                "police_uk": selectors.POLICE_SOURCE,
                "platform": selectors.PLATFORM_SOURCE,
            }
            context["ogl_attribution"] = selectors.OGL_ATTRIBUTION
    return render(request, "insights/asb_trends.html", context, status=400 if geography is None else 200)


def _rate_cell(figure, geography):
    if not geography.population:
        return ""
    return _("not shown") if figure.count is None else f"{figure.rate:.2f}"  # as the table says


def csv_rows(trends):
    """The CSV's header and rows: every figure the page shows, each with its area, source and month."""
    header = [  # machine-readable English snake_case, as every insights CSV
        "area_code",
        "area_name",
        "population_census_2021",
        "source",
        "month",
        "incidents",
        "incidents_per_1000_residents",
        "trend_line",
        "trend_change_per_month",
        "trend_measures",
        "attribution",
    ]
    geography = trends.geography
    rows = []
    for series in trends.series:
        police = series.source == AsbIncident.Source.POLICE_UK
        source = str(selectors.POLICE_SOURCE if police else selectors.PLATFORM_SOURCE)
        slope = "" if series.trend is None else f"{series.trend.slope:.4f}"
        measures = (
            ""
            if series.trend is None
            else (_("incidents per 1,000 residents") if series.trend_of == "rate" else _("incidents"))
        )
        attribution = str(selectors.OGL_ATTRIBUTION) if police else ""
        for figure in series.figures:
            rows.append(
                [
                    geography.code or "E08000030",
                    geography.name,
                    "" if geography.population is None else geography.population,
                    source,
                    figure.month.strftime("%Y-%m"),
                    _hidden_words(figure) if figure.count is None else figure.count,
                    _rate_cell(figure, geography),
                    "" if figure.fitted is None else f"{figure.fitted:.2f}",
                    slope,
                    measures,
                    attribution,
                ]
            )
    return header, rows


@public(page_cache=False)  # the cache keeps no Content-Disposition, so the download would lose its name
def asb_trends_csv(request):
    _form, summaries, geography = _area(request)
    if geography is None:
        return HttpResponseBadRequest(
            _("Select a ward from the list, or All of Walsall"), content_type="text/plain; charset=utf-8"
        )
    trends = _trends(request, geography, summaries)
    header, rows = csv_rows(trends)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = f"anti-social-behaviour-{geography.code or 'walsall'}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    if request.user.is_authenticated:
        response["Cache-Control"] = "private, no-store"
    writer = csv.writer(response)
    writer.writerow(header)
    writer.writerows(rows)
    return response
