"""Expectations for the URL × role test (tests/test_every_url_answers_every_role_as_declared.py).

Each app lists, in ``<app>/tests/access_expectations.py``, an ``EXPECTATIONS`` list of ``Expect``
rows: the URL name, how to build its arguments, and the status each visitor must get. A URL of the
project with no row fails the test, so every new page must say who may see it.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from accounts.roles import Role

ANONYMOUS = "anonymous"
VISITORS = [ANONYMOUS, *Role.values]

OK = 200
SIGN_IN = "sign in"  # a redirect to the sign-in page
REDIRECT = 302  # a redirect anywhere else
FORBIDDEN = 403


@dataclass(frozen=True)
class Expect:
    url_name: str
    # Status for every visitor not named in ``roles``; ``anonymous`` overrides it for visitors not signed in.
    default: int | str
    anonymous: int | str | None = None
    roles: dict[str, int | str] = field(default_factory=dict)
    kwargs: Callable[[], dict] | None = None
    method: str = "get"
    # Library URL families (the admin) are checked through one representative row that covers them all.
    covers_prefix: str = ""

    def status_for(self, visitor):
        if visitor == ANONYMOUS and self.anonymous is not None:
            return self.anonymous
        return self.roles.get(visitor, self.default)


def public(url_name, **options):
    return Expect(url_name, default=OK, **options)


def staff_only(url_name, allowed_roles, **options):
    """Signed-in users holding one of ``allowed_roles`` get 200, other staff 403, visitors sign in."""
    return Expect(
        url_name,
        default=FORBIDDEN,
        anonymous=SIGN_IN,
        roles=dict.fromkeys(allowed_roles, OK),
        **options,
    )


def all_expectations():
    """Every app's rows, from ``<app>/tests/access_expectations.py`` of each app in this repository."""
    from importlib import import_module
    from importlib.util import find_spec

    from django.apps import apps
    from django.conf import settings

    own_apps = [config.name for config in apps.get_app_configs() if Path(config.path).parent == settings.BASE_DIR]
    rows = []
    for package in [*own_apps, "tests"]:
        tests_package = package if package == "tests" else f"{package}.tests"
        if find_spec(tests_package) and find_spec(f"{tests_package}.access_expectations"):
            rows.extend(import_module(f"{tests_package}.access_expectations").EXPECTATIONS)
    return rows
