from accounts.roles import Role
from tests.access import REDIRECT, Expect, public, staff_only

EDITORS = [Role.INTEGRATION_OFFICER, Role.ADMINISTRATOR]


def _short_link():
    from directory.tests.factories import ServiceFactory
    from welcome.services import short_links_ensure

    service = ServiceFactory()
    return {"code": short_links_ensure(service_ids=[service.pk])[service.pk]}


def _section(key="noise", language="pl"):
    def kwargs():
        from io import StringIO

        from django.core.management import call_command

        call_command("load_welcome_content", stdout=StringIO())
        return {"key": key, "language": language}

    return kwargs


# Anyone may build a pack; with no answers in their session, the check page and the pack send them
# back to the questions. Only integration officers and administrators edit and approve its text.
EXPECTATIONS = [
    public("welcome:start"),
    public("welcome:where"),
    public("welcome:household"),
    public("welcome:languages"),
    public("welcome:needs"),
    public("welcome:pack_language"),
    Expect("welcome:check", default=REDIRECT),
    Expect("welcome:pack", default=REDIRECT),
    Expect("welcome:pack_print", default=REDIRECT),
    Expect("welcome:pack_easy_read", default=REDIRECT),
    Expect("welcome:pack_pdf", default=REDIRECT),
    Expect("welcome:short_link", default=REDIRECT, kwargs=_short_link),
    staff_only("welcome:section_list", EDITORS),
    staff_only("welcome:section_edit", EDITORS, kwargs=_section()),
    staff_only("welcome:section_approve", EDITORS, kwargs=_section()),
]
