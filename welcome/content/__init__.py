"""The pack's starting text: English, written for England and Walsall (checked November 2026), and
machine-drafted translations that wait for a person to check them.

Each language module holds ``TEXTS = {key: (title, body, easy read body)}`` in the convention of
``welcome.markup``. ``manage.py load_welcome_content`` makes whatever is missing and changes nothing
an editor has touched.
"""

from importlib import import_module

from ..models import Part, ReviewStatus

# (key, order, part)
SECTIONS = [
    ("welcome", 10, Part.INTRODUCTION),
    ("your-area", 20, Part.YOUR_AREA),
    ("learning-english", 30, Part.LEARNING_ENGLISH),
    ("renting", 40, Part.RIGHTS),
    ("rogue-landlords", 41, Part.RIGHTS),
    ("council-tax", 42, Part.RIGHTS),
    ("bins-recycling", 43, Part.RIGHTS),
    ("noise", 44, Part.RIGHTS),
    ("gp", 45, Part.RIGHTS),
    ("register-to-vote", 46, Part.RIGHTS),
    ("hate-crime", 50, Part.HATE_CRIME),
    ("community", 60, Part.COMMUNITY),
    ("buddy", 61, Part.COMMUNITY),
    ("emergency", 70, Part.EMERGENCY),
]

LANGUAGES = ["en", "pl", "ro", "pa", "ur", "bn", "ar"]


def translations():
    """{language: {key: (title, body, easy_read, review status)}}: English is the approved source."""
    result = {}
    for language in LANGUAGES:
        texts = import_module(f"{__name__}.{language}").TEXTS
        status = ReviewStatus.APPROVED if language == "en" else ReviewStatus.MACHINE_DRAFTED
        result[language] = {key: (*text, status) for key, text in texts.items()}
    return result
