"""Walk the public sign-up journey with Django's test client, one question page at a time."""

from django.urls import reverse
from django.utils import translation

ANSWERS = {
    "name": {"name": "Ola"},
    "postcode": {"postcode": "ws1 1tp"},
    "languages": {"languages": ["pl", "en"]},
    "interests": {"interests": ["learning-english", "health"]},
    "buddy": {"wants_buddy": "yes"},
    "buddy-details": {
        "availability_tue": ["tue_morning"],
        "availability_sat": ["sat_afternoon", "sat_evening"],
        "buddy_gender": "woman",
        "meet_only_at_place_of_welcome": "on",
        "notes": "I come with my baby",
    },
    "contact": {"email": "ola@example.test", "phone": "07700 900982", "safe_times": "Mornings"},
    "consent": {
        "consent_settling_in": ["email"],
        "consent_local_activities": ["sms"],
        "consent_buddy_scheme": ["email", "sms"],
    },
}


def url(name, language="en", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def answer(client, step, data, language="en"):
    return client.post(url("signup:question", language, step=step), data)


def walk_to_check(client, language="en", **overrides):
    """Answer every question (``overrides`` replaces a step's answers; None skips the step)."""
    client.get(url("signup:start", language))
    answers = {**ANSWERS, **overrides}
    for step, data in answers.items():
        if data is None:
            continue
        response = answer(client, step, data, language)
        assert response.status_code == 302, (step, response.content.decode()[:3000])
    return client.get(url("signup:check", language))


def submit(client, language="en"):
    check = client.get(url("signup:check", language))
    key = check.context["idempotency_key"]
    return client.post(url("signup:check", language), {"idempotency_key": key}), key
