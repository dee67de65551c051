"""Who may open the reporter's pages: everyone, signed in or not (staff enter phone reports through them).

Pages that need a report in progress or a checked receipt send a visitor without one onwards (302).
"""

import uuid

from tests.access import REDIRECT, Expect, public

METHOD_NOT_ALLOWED = 405


def redirects(url_name, **options):
    return Expect(url_name, default=REDIRECT, **options)


EXPECTATIONS = [
    public("reporting:start"),
    public("reporting:easy_read"),
    public("reporting:step", kwargs=lambda: {"slug": "who"}),
    public("reporting:confirmation"),
    public("reporting:what_happens_next"),
    public("reporting:check"),
    redirects("reporting:begin"),
    redirects("reporting:check_answers"),
    redirects("reporting:your_report"),
    redirects("reporting:add_information"),
    redirects("reporting:withdraw_consent", kwargs=lambda: {"recipient": "police"}),
    redirects("reporting:evidence_file", kwargs=lambda: {"evidence_id": str(uuid.uuid4())}),
    Expect("reporting:leave_report", default=METHOD_NOT_ALLOWED),
]
