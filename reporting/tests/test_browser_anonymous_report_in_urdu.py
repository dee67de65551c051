"""In Chromium, without help from the test client: an anonymous report with evidence, the receipt, and
checking the report with it; axe-core on every reporting page on the way, in English and in Urdu."""

import re

import pytest
from playwright.sync_api import expect

from .factories import jpeg_with_exif

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ANSWERS = [
    ("who", {"reporter_role": "victim"}),
    ("what", {"what": "both"}),
    ("hostility", {"characteristics": ["religion", "race"]}),
    (
        "when",
        {
            "when": "date",
            "incident_date_day": "12",
            "incident_date_month": "1",
            "incident_date_year": "2026",
            "time_of_day": "evening",
        },
    ),
    ("where", {"location_kind": "place", "postcode": "WS1 1TP", "address_text": "SYNTHETIC بس اسٹاپ"}),
    ("what-happened", {"account": "SYNTHETIC انہوں نے میرے حجاب کے بارے میں گالیاں دیں"}),
    ("people-responsible", {"responsible_known": "no", "responsible_count": "one"}),
    ("evidence", {}),
    ("impact", {"safe_now": "yes"}),
    ("support", {"support_wanted": ["emotional"], "interpreter": "yes", "interpreter_language": "Urdu"}),
    ("barriers", {"barriers": ["language"]}),
    ("consent", {"police": "no", "victim_support": "yes", "housing_provider": "not_applicable"}),
    ("contact", {"contact_preference": "anonymous"}),
]


@pytest.fixture
def browser_context_args(browser_context_args):
    # The page's CSP rightly blocks the injected axe script.
    return {**browser_context_args, "bypass_csp": True}


def answer(page, values):
    for name, value in values.items():
        if isinstance(value, list):
            for item in value:
                page.check(f"input[name={name}][value={item}]")
        elif page.locator(f"input[type=radio][name={name}]").count():
            page.check(f"input[name={name}][value={value}]")
        else:
            page.fill(f"[name={name}]", value)


@pytest.mark.parametrize("language", ["ur", "en"])
def test_an_anonymous_report_with_evidence_then_checked_with_the_receipt(
    page, live_server, axe_violations, tmp_path, language
):
    from places.tests.fixtures import import_walsall

    import_walsall()
    base = f"{live_server.url}/{language}/report/" if language != "en" else f"{live_server.url}/report/"
    violations = {}

    def audited():
        found = axe_violations(page)
        if found:
            violations[page.url] = found

    page.goto(base)
    assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ur" else "ltr")
    audited()
    page.goto(base + "easy-read/")
    audited()
    page.goto(base + "begin/?new=1")
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(jpeg_with_exif())
    for slug, values in ANSWERS:
        expect(page).to_have_url(re.compile(rf"/report/{slug}/(\?.*)?$"))
        audited()
        if slug == "evidence":
            page.set_input_files("input[type=file]", str(photo))
            page.click("button[value=upload]")
            expect(page.locator("body")).to_contain_text("photo.jpg")
            audited()
            page.click("button[value=continue]")
            continue
        answer(page, values)
        page.click("form[method=post] button.govuk-button:not(.govuk-button--secondary)")

    expect(page).to_have_url(re.compile(r"/report/check-your-answers/$"))
    expect(page.locator("main")).to_contain_text("SYNTHETIC انہوں نے")
    audited()
    page.click("form button[data-prevent-double-click]")

    expect(page).to_have_url(re.compile(r"/report/sent/$"))
    audited()
    reference = page.locator("#case-reference").inner_text().strip()
    receipt = page.locator("#secret-receipt").inner_text().strip()
    assert re.fullmatch(r"WFA-\w{8}", reference) and len(receipt) == 24
    page.click("form button.govuk-button")  # without the tick: refused
    expect(page.locator(".govuk-error-summary")).to_have_count(1)
    audited()
    page.check("input[name=saved]")
    page.click("form button.govuk-button")
    expect(page).to_have_url(re.compile(r"/report/what-happens-next/$"))
    audited()
    assert receipt not in page.content()

    page.goto(base + "check/")
    audited()
    page.fill("[name=reference]", reference)
    page.fill("[name=receipt]", receipt)
    page.click("form button.govuk-button")
    expect(page).to_have_url(re.compile(r"/report/check/your-report/$"))
    expect(page.locator("main")).to_contain_text(reference)
    expect(page.locator("main")).to_contain_text("photo.jpg")
    audited()
    page.goto(base + "check/add/")
    audited()
    page.goto(base + "check/consent/victim_support/withdraw/")
    audited()

    assert violations == {}
