from django.http import HttpResponse
from django.urls import path

from core.access import public


@public(page_cache=False)
def trivial(request):
    """The floor: what Django and our middleware cost on this machine, to compare real pages against."""
    return HttpResponse("ok", content_type="text/plain")


from config.urls import urlpatterns as site_urlpatterns  # noqa: E402

urlpatterns = [
    path("bench/trivial/", trivial),
    *site_urlpatterns,
]

handler400 = "core.views.bad_request"
handler403 = "core.views.permission_denied"
handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
