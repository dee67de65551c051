"""Server-rendered, accessible SVG line charts of monthly series, each with its fitted trend line dashed.

The chart is an image (role="img") named by its <title> and summarised in words by its <desc>; the
page puts a table of the same figures beside it. Colours come from the Okabe-Ito palette, which
people with colour-blindness can tell apart, and each series also has its own marker shape, so
colour is never the only cue. Months with no published value leave a gap in the line.
"""

from dataclasses import dataclass
from math import ceil, floor, log10

from django.utils import dateformat, formats
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

# Okabe-Ito blue, vermillion and bluish green: distinct with every common colour-blindness, and
# each at least 3:1 against white (WCAG 1.4.11).
COLOURS = ("#0072B2", "#D55E00", "#007A5E")
MARKERS = ("circle", "square", "diamond")
TEXT = "#0b0c0c"
GRID = "#b1b4b6"

WIDTH, HEIGHT = 640, 340
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 56, 64
MAX_X_LABELS = 6


@dataclass(frozen=True)
class ChartSeries:
    label: str
    values: list  # one per month, None where nothing is published
    fitted: list | None = None  # the trend line, one per month (None outside the series' months)


def _svg(template, *args):
    """format_html with coordinates: floats are written with one decimal, everything is escaped."""
    return format_html(template.replace("{:.1f}", "{}"), *(f"{a:.1f}" if isinstance(a, float) else a for a in args))


def _nice_step(span, ticks=5):
    raw = span / ticks
    magnitude = 10 ** floor(log10(raw))
    for multiple in (1, 2, 2.5, 5, 10):
        if raw <= multiple * magnitude:
            return multiple * magnitude
    return 10 * magnitude


def _number(value, step):
    """A tick label with as many decimals as the step needs (0.25 → 2), in the page's language."""
    text = f"{step:g}"
    decimals = len(text.split(".")[1]) if "." in text else 0
    return formats.number_format(round(value, decimals), decimal_pos=decimals, use_l10n=True)


def _marker(kind, x, y, colour):
    if kind == "square":
        return _svg('<rect x="{:.1f}" y="{:.1f}" width="8" height="8" fill="{}"/>', x - 4, y - 4, colour)
    if kind == "diamond":
        return _svg(
            '<path d="M{:.1f},{:.1f}l5,5l-5,5l-5,-5z" fill="{}"/>',
            x,
            y - 5,
            colour,
        )
    return _svg('<circle cx="{:.1f}" cy="{:.1f}" r="4" fill="{}"/>', x, y, colour)


def _segments(points):
    """Runs of consecutive known points: a missing value breaks the line."""
    run = []
    for point in points:
        if point is None:
            if run:
                yield run
            run = []
        else:
            run.append(point)
    if run:
        yield run


def _polyline(points, colour, dashed=False):
    parts = []
    for run in _segments(points):
        if len(run) < 2:
            continue
        coordinates = " ".join(f"{x:.1f},{y:.1f}" for x, y in run)
        parts.append(
            _svg(
                '<polyline points="{}" fill="none" stroke="{}" stroke-width="{}"{}/>',
                coordinates,
                colour,
                2 if dashed else 3,
                mark_safe(' stroke-dasharray="8 5"') if dashed else "",
            )
        )
    return mark_safe("".join(parts))  # noqa: S308 - built with format_html


def line_chart(*, chart_id, months, series, title, description, y_label):
    """An SVG line chart of ``series`` (ChartSeries) over ``months`` (dates), as safe HTML."""
    plot_width = WIDTH - LEFT - RIGHT
    plot_height = HEIGHT - TOP - BOTTOM
    known = [v for s in series for v in [*s.values, *(s.fitted or [])] if v is not None]
    top = max([*known, 0])
    step = _nice_step(top) if top > 0 else 1
    y_max = ceil(top / step) * step if top > 0 else 1
    if y_max <= top:
        y_max += step

    def x_at(i):
        return LEFT + (plot_width / 2 if len(months) == 1 else plot_width * i / (len(months) - 1))

    def y_at(value):
        return TOP + plot_height * (1 - value / y_max)

    parts = [
        _svg(
            '<svg xmlns="http://www.w3.org/2000/svg" class="app-chart" viewBox="0 0 {} {}" width="100%" role="img" '
            'aria-labelledby="{}-title {}-desc" focusable="false" font-family="Arial, sans-serif" font-size="14">'
            '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>',
            WIDTH,
            HEIGHT,
            chart_id,
            chart_id,
            chart_id,
            title,
            chart_id,
            description,
        )
    ]
    # Horizontal grid lines and the value axis.
    ticks = round(y_max / step)
    for tick in range(ticks + 1):
        value = tick * step
        y = y_at(value)
        parts.append(
            _svg(
                '<line x1="{}" x2="{}" y1="{:.1f}" y2="{:.1f}" stroke="{}" stroke-width="1"/>'
                '<text x="{}" y="{:.1f}" text-anchor="end" fill="{}">{}</text>',
                LEFT,
                WIDTH - RIGHT,
                y,
                y,
                GRID,
                LEFT - 8,
                y + 5,
                TEXT,
                _number(value, step),
            )
        )
    parts.append(
        _svg(
            '<text transform="translate(16 {:.1f}) rotate(-90)" text-anchor="middle" fill="{}">{}</text>',
            TOP + plot_height / 2,
            TEXT,
            y_label,
        )
    )
    # Months along the bottom.
    every = max(1, ceil(len(months) / MAX_X_LABELS))
    for i, month in enumerate(months):
        x = x_at(i)
        parts.append(
            _svg(
                '<line x1="{:.1f}" x2="{:.1f}" y1="{}" y2="{}" stroke="{}" stroke-width="1"/>',
                x,
                x,
                TOP + plot_height,
                TOP + plot_height + (6 if i % every == 0 else 3),
                TEXT,
            )
        )
        if i % every == 0:
            parts.append(
                _svg(
                    '<text x="{:.1f}" y="{}" text-anchor="middle" fill="{}">{}</text>',
                    x,
                    TOP + plot_height + 24,
                    TEXT,
                    dateformat.format(month, "M Y"),
                )
            )
    parts.append(
        _svg(
            '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}" stroke-width="1"/>'
            '<text x="{}" y="{}" text-anchor="middle" fill="{}">{}</text>',
            LEFT,
            WIDTH - RIGHT,
            TOP + plot_height,
            TOP + plot_height,
            TEXT,
            LEFT + plot_width / 2,
            HEIGHT - 12,
            TEXT,
            _("Month"),
        )
    )
    # The lines, their markers and a legend above the plot.
    legend_x = LEFT
    for number, line in enumerate(series):
        colour = COLOURS[number % len(COLOURS)]
        marker = MARKERS[number % len(MARKERS)]
        points = [None if v is None else (x_at(i), y_at(v)) for i, v in enumerate(line.values)]
        parts.append(_polyline(points, colour))
        parts.append(format_html_join("", "{}", ((_marker(marker, x, y, colour),) for x, y in filter(None, points))))
        if line.fitted:
            fitted = [None if v is None else (x_at(i), y_at(v)) for i, v in enumerate(line.fitted)]
            parts.append(_polyline(fitted, colour, dashed=True))
        parts.append(
            _svg(
                '<line x1="{}" x2="{}" y1="16" y2="16" stroke="{}" stroke-width="3"/>{}'
                '<text x="{}" y="21" fill="{}">{}</text>',
                legend_x,
                legend_x + 24,
                colour,
                _marker(marker, legend_x + 12, 16, colour),
                legend_x + 30,
                TEXT,
                line.label,
            )
        )
        if line.fitted:
            parts.append(
                _svg(
                    '<line x1="{}" x2="{}" y1="38" y2="38" stroke="{}" stroke-width="2" stroke-dasharray="8 5"/>'
                    '<text x="{}" y="43" fill="{}">{}</text>',
                    legend_x,
                    legend_x + 24,
                    colour,
                    legend_x + 30,
                    TEXT,
                    _("trend (straight line of best fit)"),
                )
            )
        legend_x += plot_width // max(1, len(series))
    parts.append(mark_safe("</svg>"))
    return mark_safe("".join(str(part) for part in parts))  # noqa: S308 - every part is escaped
