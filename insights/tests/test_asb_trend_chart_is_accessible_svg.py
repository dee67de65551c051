from datetime import date

from bs4 import BeautifulSoup

from insights.trend_chart import COLOURS, ChartSeries, line_chart

MONTHS = [date(2024, month, 1) for month in range(1, 7)]


def chart(series, **options):
    html = line_chart(
        chart_id=options.get("chart_id", "c"),
        months=options.get("months", MONTHS),
        series=series,
        title=options.get("title", "Anti-social behaviour per 1,000 residents"),
        description=options.get("description", "Rising by 0.30 per 1,000 residents a month."),
        y_label="Incidents per 1,000 residents",
    )
    return BeautifulSoup(str(html), "html.parser").find("svg")


def test_the_chart_is_an_image_named_by_its_title_and_described_in_words():
    svg = chart([ChartSeries("Police", [1, 2, 3, 4, 5, 6])])

    assert svg["role"] == "img"
    assert svg["aria-labelledby"] == "c-title c-desc"
    assert svg.find("title", id="c-title").get_text() == "Anti-social behaviour per 1,000 residents"
    assert svg.find("desc", id="c-desc").get_text() == "Rising by 0.30 per 1,000 residents a month."
    texts = [text.get_text() for text in svg.find_all("text")]
    assert "Incidents per 1,000 residents" in texts and "Month" in texts and "Jan 2024" in texts


def test_the_trend_line_is_dashed_and_the_data_line_solid():
    svg = chart([ChartSeries("Police", [1, 2, 3, 4, 5, 6], fitted=[1, 2, 3, 4, 5, 6])])

    lines = svg.find_all("polyline")
    assert [line.get("stroke-dasharray") for line in lines] == [None, "8 5"]
    assert {line["stroke"] for line in lines} == {COLOURS[0]}


def test_a_hidden_month_breaks_the_line_and_has_no_marker():
    svg = chart([ChartSeries("Police", [1, 2, None, 4, 5, 6])])

    assert len(svg.find_all("polyline")) == 2
    assert len(svg.find_all("circle")) == 5 + 1  # five months and the legend's marker


def test_each_series_has_its_own_colour_and_marker_shape():
    svg = chart([ChartSeries("Police", [1] * 6), ChartSeries("Platform", [2] * 6)])

    assert {line["stroke"] for line in svg.find_all("polyline")} == set(COLOURS[:2])
    assert svg.find_all("circle") and svg.find_all("rect")


def test_text_is_escaped():
    svg = chart([ChartSeries("<b>Police</b>", [1] * 6)], title="A & <B>")

    assert svg.find("title").get_text() == "A & <B>"
    assert svg.find("b") is None


def test_a_single_month_and_all_zero_values_draw_without_error():
    svg = chart([ChartSeries("Police", [0])], months=MONTHS[:1])

    assert svg.find("circle") is not None
