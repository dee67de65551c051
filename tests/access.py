"""Expectations for the URL × role test (tests/test_every_url_answers_every_role_as_declared.py).

Each app lists, in ``<app>/tests/access_expectations.py``, an ``EXPECTATIONS`` list of ``Expect``
rows: the URL name, how to build its arguments, and the status each visitor must get. A URL of the
project with no row fails the test, so every new page must say who may see it.
"""

from dataclasses import dataclass, field
from typing import Callable

from accounts.roles import Role

ANONYMOUS = "anonymous"
VISITORS = [ANONYMOUS, *Role.values]

OK = 200
SIGN_IN = 302  # anonymous visitors are sent to the sign-in page
FORBIDDEN = 403


@dataclass(frozen=True)
class Expect:
    url_name: str
    # Status for every visitor not named in ``roles``; ``anonymous`` overrides it for visitors not signed in.
    default: int
    anonymous: int | None = None
    roles: dict[str, int] = field(default_factory=dict)
    kwargs: Callable[[], dict] | None = None
    method: str = "get"

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
        roles={role: OK for role in allowed_roles},
        **options,
    )
