"""Server-rendered, accessible SVG: choropleth maps and bar charts.

Every picture is ``role="img"`` with a ``<title>`` and a ``<desc>`` that says in words what it shows
(the class ranges of a map, the figures of a chart); each map area is a ``<path>`` with its own
``<title>`` naming the area and its value. Colours are the five-class viridis palette, which reads in
every common form of colour blindness and in greyscale. Colours are presentation attributes, not
styles, so the page's content security policy needs no exception. The page shows the same figures in
a table beside each picture.
"""

from dataclasses import dataclass
from itertools import pairwise

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

# viridis, 5 classes (light to dark reads as low to high).
PALETTE = ("#fde725", "#5ec962", "#21918c", "#3b528b", "#440154")
NO_FIGURE = "#d4d4d4"
LEGEND_ROW = 22
LEGEND_SWATCH = 16


@dataclass(frozen=True)
class MapClass:
    low: float
    high: float
    colour: str
    label: str  # "0.52 to 0.87", in the active language


def quantile_breaks(values, classes=5):
    """Class edges (classes + 1 of them) that put about as many areas in each class; ties merge classes."""
    ordered = sorted(v for v in values if v is not None)
    if not ordered:
        return []
    edges = [ordered[0]]
    for step in range(1, classes):
        edge = ordered[min(len(ordered) - 1, round(step * len(ordered) / classes))]
        if edge > edges[-1]:
            edges.append(edge)
    if ordered[-1] > edges[-1] or len(edges) == 1:
        edges.append(ordered[-1])
    return edges


def map_classes(edges, format_value):
    """The classes of a map from its edges: the lowest class includes its lower edge, the others do not."""
    classes = []
    spans = list(pairwise(edges))
    for position, (low, high) in enumerate(spans):
        colour = PALETTE[round(position * (len(PALETTE) - 1) / max(1, len(spans) - 1))]
        label = _("%(low)s to %(high)s") % {"low": format_value(low), "high": format_value(high)}
        classes.append(MapClass(low, high, colour, label))
    return classes


def class_of(value, classes):
    if value is None or not classes:
        return None
    for map_class in classes:
        if value <= map_class.high:
            return map_class
    return classes[-1]


def choropleth(area_map, figures, classes, *, title, description, legend_title, no_figure_label, uid="map"):
    """An SVG map: ``figures`` maps area code → (display value or None, number or None)."""
    legend_rows = len(classes) + 2
    legend_top = area_map.height + 12
    height = legend_top + legend_rows * LEGEND_ROW + 4
    paths = []
    for area in area_map.areas:
        shown, number = figures.get(area.gss_code, (None, None))
        map_class = class_of(number, classes)
        colour = map_class.colour if map_class else NO_FIGURE
        value_text = shown if shown is not None else no_figure_label
        paths.append(
            format_html(
                '<path fill="{}" stroke="#ffffff" stroke-width="0.6" fill-rule="evenodd" d="{}">'
                "<title>{}: {}</title></path>",
                colour,
                area.path,
                area.name,
                value_text,
            )
        )
    legend = [
        format_html(
            '<text x="4" y="{}" font-size="14" font-weight="bold" fill="#0b0c0c">{}</text>',
            legend_top + 14,
            legend_title,
        )
    ]
    for row, (colour, label) in enumerate(
        [(map_class.colour, map_class.label) for map_class in classes] + [(NO_FIGURE, no_figure_label)], start=1
    ):
        top = legend_top + row * LEGEND_ROW
        legend.append(
            format_html(
                '<rect x="4" y="{}" width="{}" height="{}" fill="{}" stroke="#505a5f" stroke-width="0.5"/>'
                '<text x="{}" y="{}" font-size="14" fill="#0b0c0c">{}</text>',
                top,
                LEGEND_SWATCH,
                LEGEND_SWATCH,
                colour,
                LEGEND_SWATCH + 12,
                top + LEGEND_SWATCH - 3,
                label,
            )
        )
    return format_html(
        '<svg class="app-map app-choropleth" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" role="img" '
        'aria-labelledby="{}-title {}-desc" focusable="false">'
        '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>'
        '<g class="app-choropleth__areas">{}</g><g class="app-choropleth__legend">{}</g></svg>',
        area_map.width,
        height,
        uid,
        uid,
        uid,
        title,
        uid,
        description,
        mark_safe("".join(paths)),  # noqa: S308 - each part was escaped by format_html
        mark_safe("".join(legend)),  # noqa: S308
    )


def legend_description(classes, no_figure_label):
    """The legend in words, for the map's <desc>."""
    ranges = "; ".join(map_class.label for map_class in classes)
    return _(
        "Areas are shaded in %(count)s classes from light (lowest) to dark (highest): %(ranges)s. Grey: %(none)s."
    ) % {
        "count": len(classes),
        "ranges": ranges,
        "none": no_figure_label,
    }


@dataclass(frozen=True)
class Series:
    label: str
    colour: str


SERIES_COLOURS = ("#21918c", "#440154")  # viridis mid and dark: distinct in colour and in lightness

BAR_WIDTH = 600
BAR_LEFT = 4
BAR_LABEL_ROW = 18  # each group's label sits on its own line above its bars, so long translations fit
BAR_HEIGHT = 14
BAR_GAP = 12


def bar_chart(rows, series, *, title, description, format_value, maximum=None, uid="chart"):
    """Horizontal grouped bars. ``rows``: (label, [value or None per series]); a missing value draws no bar."""
    numbers = [value for _label, values in rows for value in values if value is not None]
    maximum = maximum or (max(numbers) if numbers else 1) or 1
    plot = BAR_WIDTH - BAR_LEFT - 70
    group_height = BAR_LABEL_ROW + len(series) * BAR_HEIGHT + BAR_GAP
    legend_top = 4
    top = legend_top + LEGEND_ROW + 8
    parts = []
    for position, item in enumerate(series):
        x = 4 + position * 220
        parts.append(
            format_html(
                '<rect x="{}" y="{}" width="14" height="14" fill="{}"/>'
                '<text x="{}" y="{}" font-size="13" fill="#0b0c0c">{}</text>',
                x,
                legend_top,
                item.colour,
                x + 20,
                legend_top + 12,
                item.label,
            )
        )
    for index, (label, values) in enumerate(rows):
        y = top + index * group_height
        parts.append(
            format_html(
                '<text x="{}" y="{}" font-size="13" fill="#0b0c0c">{}</text>',
                BAR_LEFT,
                y + 13,
                label,
            )
        )
        for position, value in enumerate(values):
            bar_y = y + BAR_LABEL_ROW + position * BAR_HEIGHT
            if value is None:
                parts.append(
                    format_html(
                        '<text x="{}" y="{}" font-size="12" fill="#0b0c0c">{}</text>',
                        BAR_LEFT,
                        bar_y + BAR_HEIGHT - 3,
                        _("not shown"),
                    )
                )
                continue
            width = max(0.0, min(1.0, value / maximum)) * plot
            parts.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>'
                    '<text x="{}" y="{}" font-size="12" fill="#0b0c0c">{}</text>',
                    BAR_LEFT,
                    bar_y,
                    f"{width:.1f}",
                    BAR_HEIGHT - 2,
                    series[position].colour,
                    f"{BAR_LEFT + width + 4:.1f}",
                    bar_y + BAR_HEIGHT - 3,
                    format_value(value),
                )
            )
    height = top + len(rows) * group_height + 4
    return format_html(
        '<svg class="app-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" role="img" '
        'aria-labelledby="{}-title {}-desc" focusable="false" width="100%">'
        '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>{}</svg>',
        BAR_WIDTH,
        height,
        uid,
        uid,
        uid,
        title,
        uid,
        description,
        format_html_join("", "{}", ((part,) for part in parts)),
    )
