"""Public pages, as anonymous visitors see them, served from the cache.

A page is cached only when nothing in it can belong to one visitor: the view is public and shows no
personal data, the visitor is not signed in and has no session (so no flash messages), the request
is a plain GET without a query string, and the response sets no cookie (a form's CSRF token would)
and uses no CSP nonce. Importing new data calls ``invalidate()``; entries also expire on their own.
"""

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.translation import get_language

from .access import PUBLIC, access_rule_of

GENERATION_KEY = "page-cache:generation"


def invalidate():
    """Forget every cached page (e.g. after an import changed what the pages show)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 1, timeout=None)


def _key(request):
    generation = cache.get_or_set(GENERATION_KEY, 1, timeout=None)
    return f"page:{generation}:{get_language()}:{request.path}"


def _cacheable_request(request, view):
    return (
        request.method == "GET"
        and not request.GET
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and access_rule_of(view) == PUBLIC
        and getattr(view, "page_cache", False)
        and not request.user.is_authenticated
    )


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        key = getattr(request, "_page_cache_key", None)
        if key and self._cacheable_response(request, response):
            cache.set(key, (response.content, response["Content-Type"]), settings.PAGE_CACHE_SECONDS)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not settings.PAGE_CACHE_SECONDS or not _cacheable_request(request, view_func):
            return None
        key = _key(request)
        cached = cache.get(key)
        if cached is None:
            request._page_cache_key = key
            return None
        content, content_type = cached
        return HttpResponse(content, content_type=content_type)

    @staticmethod
    def _cacheable_response(request, response):
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            # A form's CSRF token belongs to one visitor; the cookie is only set further out, so ask the request.
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not request.session.modified
            and not getattr(getattr(request, "_messages", None), "added_new", False)
            and getattr(request, "_csp_nonce", None) is None  # a nonce is good for one response only
        )
