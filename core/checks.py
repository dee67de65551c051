from django.conf import settings
from django.core.checks import Error, register
from django.urls import URLPattern, URLResolver, get_resolver

from .access import access_rule_of

# Views supplied by libraries guard themselves (allauth, DRF, the admin); ours must declare.
THIRD_PARTY_PREFIXES = (
    "django.",
    "allauth.",
    "rest_framework.",
    "drf_spectacular.",
)


def iter_patterns(patterns=None, prefix=""):
    """Yield (route, pattern) for every URL pattern of the project, depth first."""
    if patterns is None:
        patterns = get_resolver().url_patterns
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from iter_patterns(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            yield route, pattern


def undeclared_views():
    for route, pattern in iter_patterns():
        module = getattr(pattern.callback, "__module__", "")
        if module.startswith(THIRD_PARTY_PREFIXES):
            continue
        if access_rule_of(pattern.callback) is None:
            yield route, f"{module}.{getattr(pattern.callback, '__name__', pattern.callback)}"


@register()
def every_view_declares_access(app_configs, **kwargs):
    if not getattr(settings, "ROOT_URLCONF", None):
        return []
    return [
        Error(
            f"The view {name} at '{route}' does not declare who may see it.",
            hint="Decorate it with core.access.public() or core.access.permission_required(...).",
            id="core.E001",
        )
        for route, name in undeclared_views()
    ]
