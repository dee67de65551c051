from django.http import HttpResponse
from django.test import RequestFactory

from core.middleware import ClientAddressMiddleware


def address_seen_by_the_app(settings, forwarded, proxies):
    settings.TRUSTED_PROXY_COUNT = proxies
    seen = {}

    def view(request):
        seen["address"] = request.META["REMOTE_ADDR"]
        seen["forwarded"] = request.headers.get("X-Forwarded-For")
        return HttpResponse()

    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR=forwarded)
    ClientAddressMiddleware(view)(request)
    return seen


def test_without_trusted_proxies_a_forwarded_header_is_ignored(settings):
    seen = address_seen_by_the_app(settings, "203.0.113.66", proxies=0)

    assert seen == {"address": "10.0.0.5", "forwarded": None}


def test_behind_one_proxy_the_client_is_the_address_that_proxy_added(settings):
    seen = address_seen_by_the_app(settings, "203.0.113.66, 198.51.100.7", proxies=1)

    assert seen == {"address": "198.51.100.7", "forwarded": None}


def test_a_chain_shorter_than_the_proxies_keeps_the_connecting_address(settings):
    seen = address_seen_by_the_app(settings, "198.51.100.7", proxies=2)

    assert seen["address"] == "10.0.0.5"
