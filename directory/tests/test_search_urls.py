"""The public directory pages' URLs. Until directory/public_urls.py is included in config.urls, the
page tests use this module as their URLconf: the project's URLs with the public pages added."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, reverse

from config import urls as config_urls
from directory import public_urls

_localised = [resolver for resolver in config_urls.urlpatterns if hasattr(resolver.pattern, "prefix_default_language")]
_plain = [resolver for resolver in config_urls.urlpatterns if resolver not in _localised]
urlpatterns = _plain + i18n_patterns(
    *[
        pattern
        for resolver in _localised
        for pattern in resolver.url_patterns
        if getattr(pattern, "namespace", None) != "directory"
    ],
    path("", include((public_urls.urlpatterns, "directory"), namespace="directory")),
    prefix_default_language=False,
)

URLCONF = "directory.tests.test_search_urls"


def test_search_and_service_pages_have_their_urls(settings):
    settings.ROOT_URLCONF = URLCONF
    assert reverse("directory:search") == "/services/"
    service_id = "6f1c9b7e-2d2a-4a55-8f57-5b0f6a7d8e90"
    assert reverse("directory:service_detail", args=[service_id]) == f"/services/{service_id}/"
