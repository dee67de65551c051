"""GOV.UK Notify template ids for pledge renewal reminders (set in the environment in production)."""

import os

RENEWAL_30_DAYS = os.environ.get("NOTIFY_TEMPLATE_PLEDGE_RENEWAL_30_DAYS", "3c0b1d7e-5f2a-4b8e-9c41-7a2d6e0f1301")
RENEWAL_7_DAYS = os.environ.get("NOTIFY_TEMPLATE_PLEDGE_RENEWAL_7_DAYS", "3c0b1d7e-5f2a-4b8e-9c41-7a2d6e0f1307")
LAPSED = os.environ.get("NOTIFY_TEMPLATE_PLEDGE_LAPSED", "3c0b1d7e-5f2a-4b8e-9c41-7a2d6e0f1399")
