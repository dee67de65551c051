from django.conf import settings
from django.utils.cache import add_never_cache_headers


class NoStoreForPersonalDataMiddleware:
    """Pages that may show personal data must never be kept by a browser or a proxy.

    Every page a signed-in user sees may carry personal data, and public views declare it
    (``core.access.public(personal_data=True)``).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        view = getattr(getattr(request, "resolver_match", None), "func", None)
        user = getattr(request, "user", None)
        if (user is not None and user.is_authenticated) or getattr(view, "shows_personal_data", False):
            add_never_cache_headers(response)
            response["Cache-Control"] = "no-store, no-cache, must-revalidate, private, max-age=0"
        return response


class ClientAddressMiddleware:
    """Decide once, for everything downstream (lock-outs, the audit trail), which address a request came from.

    X-Forwarded-For is written by whoever sends the request, so only the entries added by our own
    proxies can be believed: with TRUSTED_PROXY_COUNT proxies in front, the client is the entry that
    many places from the right. The header is then removed so no library reads the forgeable part.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        forwarded = request.META.pop("HTTP_X_FORWARDED_FOR", "")
        proxies = settings.TRUSTED_PROXY_COUNT
        if proxies and forwarded:
            chain = [address.strip() for address in forwarded.split(",") if address.strip()]
            if len(chain) >= proxies:
                request.META["REMOTE_ADDR"] = chain[-proxies]
        return self.get_response(request)
