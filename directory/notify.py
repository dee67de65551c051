"""GOV.UK Notify templates the directory sends.

Each template id is read from the environment (set it to the template made in the Notify
service); the defaults are placeholders for development and tests.
"""

import os

# Personalisation: organisation, count, services (a Markdown bullet list), link.
ASSURANCE_REMINDER_TEMPLATE_ID = os.environ.get(
    "NOTIFY_TEMPLATE_DIRECTORY_ASSURANCE_REMINDER", "5b0f7a52-9d3c-4e1b-8f6a-2c7e9d4b1a30"
)
# Personalisation: service, outcome, reason, link.
CHANGE_DECIDED_TEMPLATE_ID = os.environ.get(
    "NOTIFY_TEMPLATE_DIRECTORY_CHANGE_DECIDED", "a3c8e1d4-6b2f-4a97-9e05-7d1b3c5f8e62"
)
