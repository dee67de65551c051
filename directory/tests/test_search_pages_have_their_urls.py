"""The public directory pages live at /services/ under every language prefix."""

from django.urls import reverse


def test_search_and_service_pages_have_their_urls():
    assert reverse("directory:search") == "/services/"
    service_id = "6f1c9b7e-2d2a-4a55-8f57-5b0f6a7d8e90"
    assert reverse("directory:service_detail", args=[service_id]) == f"/services/{service_id}/"
