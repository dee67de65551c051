"""Every view says who may see it. A system check (core.checks) refuses a URL whose view does not.

Use exactly one of these decorators on each view function:

- ``@public()`` — anyone, signed in or not.
- ``@permission_required("app.action", fn=...)`` — a named rule from an app's ``rules.py``;
  anonymous visitors are sent to sign in, signed-in users without the rule get 403.

``personal_data=True`` marks pages that show personal data: they are sent with
``Cache-Control: no-store`` even to anonymous visitors (e.g. an anonymous reporter's own report).
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

PUBLIC = "public"


def _declare(view, rule, personal_data, page_cache=False):
    view.access_rule = rule
    view.shows_personal_data = personal_data
    view.page_cache = page_cache and not personal_data
    return view


def public(*, personal_data=False, page_cache=True):
    """``page_cache=False`` keeps a public page out of core.page_cache even for anonymous visitors."""

    def decorator(view):
        return _declare(view, PUBLIC, personal_data, page_cache)

    return decorator


def permission_required(perm, *, fn=None, personal_data=True):
    """Let in users who hold ``perm`` (for the object ``fn(request, **kwargs)`` returns, if given)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            obj = fn(request, *args, **kwargs) if fn else None
            if not request.user.has_perm(perm, obj):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return _declare(wrapped, perm, personal_data)

    return decorator


def access_rule_of(view):
    """The declared rule of a resolved view function (class-based views carry it on ``view_class``)."""
    for candidate in (view, getattr(view, "view_class", None), getattr(view, "cls", None)):
        rule = getattr(candidate, "access_rule", None)
        if rule:
            return rule
    return None
