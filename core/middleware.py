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
