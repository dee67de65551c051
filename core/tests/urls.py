from django.http import HttpResponse
from django.template import engines
from django.urls import path

from core.access import public


@public()
def broken_view(request):
    raise RuntimeError("a bug the visitor must never see")


@public()
def page_with_inline_script(request):
    template = engines["django"].from_string('<script nonce="{{ request.csp_nonce }}">window.ready = 1;</script>')
    return HttpResponse(template.render(request=request))


from config.urls import urlpatterns as site_urlpatterns  # noqa: E402

urlpatterns = [
    path("broken/", broken_view),
    path("inline-script/", page_with_inline_script),
    *site_urlpatterns,
]

handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
