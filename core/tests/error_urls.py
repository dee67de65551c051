from django.urls import path

from core.access import public


@public()
def broken_view(request):
    raise RuntimeError("a bug the visitor must never see")


from config.urls import urlpatterns as site_urlpatterns  # noqa: E402

urlpatterns = [
    path("broken/", broken_view),
    *site_urlpatterns,
]

handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
