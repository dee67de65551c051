"""Walking the question pages with Django's test client, as a reporter would."""

import re

from django.urls import reverse

# A complete set of answers, page by page, as a victim who stays anonymous would give them.
VICTIM_ANSWERS = {
    "who": {"reporter_role": "victim"},
    "what": {"what": "hate"},
    "hostility": {"characteristics": ["race", "religion"], "characteristic_other": ""},
    "when": {
        "when": "date",
        "incident_date_day": "3",
        "incident_date_month": "2",
        "incident_date_year": "2026",
        "time_of_day": "evening",
    },
    "where": {"location_kind": "place", "postcode": "WS1 1TP", "address_text": "Outside the shop on Park Street"},
    "what-happened": {"account": "SYNTHETIC-ACCOUNT two men shouted abuse about my headscarf and spat at me"},
    "people-responsible": {"responsible_known": "no", "responsible_count": "two_to_five"},
    "evidence": {"action": "continue"},
    "impact": {"safe_now": "not_sure", "impact": "SYNTHETIC-IMPACT I am afraid to go to the shops"},
    "support": {"support_wanted": ["emotional", "safety"], "interpreter": "no", "adjustments": ""},
    "barriers": {"barriers": ["fear_of_reprisal"], "barriers_other": ""},
    "consent": {"police": "yes", "victim_support": "yes", "housing_provider": "no"},
    "contact": {"contact_preference": "anonymous"},
}


def answers(**changes):
    """VICTIM_ANSWERS with some pages' answers replaced: ``answers(who={"reporter_role": "witness"})``."""
    result = {slug: dict(values) for slug, values in VICTIM_ANSWERS.items()}
    for slug, values in changes.items():
        result[slug.replace("_", "-")] = values
    return result


def step_url(slug):
    return reverse("reporting:step", kwargs={"slug": slug})


def walk(client, page_answers=None, *, files=None):
    """Answer every page that is asked (following the redirects), ending on check your answers."""
    page_answers = page_answers or VICTIM_ANSWERS
    response = client.get(reverse("reporting:begin") + "?new=1")
    url = response["Location"]
    check_url = reverse("reporting:check_answers")
    seen = []
    while url != check_url:
        slug = url.rstrip("/").split("/")[-1].split("?")[0]
        assert slug not in seen, f"asked {slug} twice"
        seen.append(slug)
        data = dict(page_answers[slug])
        if slug == "evidence" and files:
            for upload in files:
                upload.seek(0)
                client.post(url, {"action": "upload", "file": upload})
        response = client.post(url, data)
        assert response.status_code == 302, f"{slug}: {response.status_code} {errors_in(response)}"
        url = response["Location"]
    return seen


def submit(client):
    """Send the report from check your answers; returns (reference, receipt) from the confirmation page."""
    page = client.get(reverse("reporting:check_answers"))
    assert page.status_code == 200
    html = page.content.decode()
    response = client.post(reverse("reporting:check_answers"), hidden_fields(html))
    assert response.status_code == 302, errors_in(response)
    confirmation = client.get(reverse("reporting:confirmation")).content.decode()
    return reference_and_receipt(confirmation)


def hidden_fields(html):
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html)) | {
        name: value for value, name in re.findall(r'<input type="hidden" value="([^"]*)" name="([^"]+)"', html)
    }


def reference_and_receipt(html):
    reference = re.search(r'id="case-reference"[^>]*>([^<]+)<', html)
    receipt = re.search(r'id="secret-receipt"[^>]*>([^<]+)<', html)
    return (reference.group(1).strip() if reference else None, receipt.group(1).strip() if receipt else None)


def errors_in(response):
    content = response.content.decode() if hasattr(response, "content") else ""
    return re.findall(r'class="govuk-error-message"><span[^>]*>[^<]*</span>\s*([^<]+)<', content)


def sign_in_to_report(client, reference, receipt, **request_extra):
    page = client.get(reverse("reporting:check"), **request_extra).content.decode()
    data = hidden_fields(page) | {"reference": reference, "receipt": receipt}
    return client.post(reverse("reporting:check"), data, **request_extra)
