from django.urls import include, path

from core.access import public


@public()
def broken_view(request):
    raise RuntimeError("a bug the visitor must never see")


urlpatterns = [
    path("broken/", broken_view),
    path("", include("config.urls")),
]

handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
