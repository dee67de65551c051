"""Emails to staff about cases: they name the case and link to it, never its content.

Template ids come from the environment; the defaults are placeholders for development and tests.
"""

import environ

env = environ.Env()

HIGH_RISK_EMAIL_TEMPLATE_ID = env.str(
    "NOTIFY_CASE_HIGH_RISK_EMAIL_TEMPLATE_ID", default="3b8f0c52-6a1e-4d2f-9c47-1e5a7b9d0f13"
)
RETENTION_WARNING_EMAIL_TEMPLATE_ID = env.str(
    "NOTIFY_CASE_RETENTION_WARNING_EMAIL_TEMPLATE_ID", default="9d4e2a71-0c3b-4f58-8e16-2b7c5a9f4d60"
)
