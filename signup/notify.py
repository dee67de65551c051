"""GOV.UK Notify templates for sign-up follow-ups, and the address links in messages point at.

Each template has the placeholders ((heading)), ((body)), ((service)), ((answer_link)) and
((erase_link)); the texts arrive already written in the resident's language, so one template per
follow-up and channel serves every language. Ids come from the environment; the defaults are
placeholders for development and tests.
"""

import os

TEMPLATE_IDS = {
    ("gp_registration", "email"): os.environ.get(
        "NOTIFY_TEMPLATE_SIGNUP_GP_EMAIL", "8b0e6a51-5b9b-4d0e-a8c1-0d7f3c1e2a01"
    ),
    ("gp_registration", "sms"): os.environ.get("NOTIFY_TEMPLATE_SIGNUP_GP_SMS", "8b0e6a51-5b9b-4d0e-a8c1-0d7f3c1e2a02"),
    ("conversation_club", "email"): os.environ.get(
        "NOTIFY_TEMPLATE_SIGNUP_CLUB_EMAIL", "8b0e6a51-5b9b-4d0e-a8c1-0d7f3c1e2a03"
    ),
    ("conversation_club", "sms"): os.environ.get(
        "NOTIFY_TEMPLATE_SIGNUP_CLUB_SMS", "8b0e6a51-5b9b-4d0e-a8c1-0d7f3c1e2a04"
    ),
    ("settling_in", "email"): os.environ.get(
        "NOTIFY_TEMPLATE_SIGNUP_SETTLING_EMAIL", "8b0e6a51-5b9b-4d0e-a8c1-0d7f3c1e2a05"
    ),
    ("settling_in", "sms"): os.environ.get(
        "NOTIFY_TEMPLATE_SIGNUP_SETTLING_SMS", "8b0e6a51-5b9b-4d0e-a8c1-0d7f3c1e2a06"
    ),
}


def template_id(kind, channel):
    return TEMPLATE_IDS[(kind, channel)]


# The notice a month before a sign-up is deleted: ((heading)), ((body)) and ((erase_link)).
DELETION_NOTICE_TEMPLATE_IDS = {
    "email": os.environ.get("NOTIFY_TEMPLATE_SIGNUP_DELETION_EMAIL", "8b0e6a51-5b9b-4d0e-a8c1-0d7f3c1e2a07"),
    "sms": os.environ.get("NOTIFY_TEMPLATE_SIGNUP_DELETION_SMS", "8b0e6a51-5b9b-4d0e-a8c1-0d7f3c1e2a08"),
}


def deletion_notice_template_id(channel):
    return DELETION_NOTICE_TEMPLATE_IDS[channel]
