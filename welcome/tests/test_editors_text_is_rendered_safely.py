from welcome import markup


def test_paragraphs_lists_links_and_bold_are_rendered():
    html = markup.render("First **line**.\n\n- one\n- [two](https://www.nhs.uk)\n\nLast")

    assert html == (
        '<p class="govuk-body">First <strong>line</strong>.</p>\n'
        '<ul class="govuk-list govuk-list--bullet"><li>one</li>'
        '<li><a class="govuk-link" href="https://www.nhs.uk">two</a></li></ul>\n'
        '<p class="govuk-body">Last</p>'
    )


def test_markup_and_script_links_an_editor_types_stay_text():
    html = markup.render('<script>alert(1)</script> [click](javascript:alert(1)) [x](https://a.b/"onmouseover=1)')

    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert 'href="javascript' not in html
    assert '"onmouseover' not in html
