from django.conf.urls.i18n import i18n_patterns
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


renders = {"count": 0}


@public()
def counting_page(request):
    renders["count"] += 1
    return HttpResponse(f"render {renders['count']}")


@public(personal_data=True)
def personal_page(request):
    renders["count"] += 1
    return HttpResponse(f"render {renders['count']}")


@public()
def page_with_a_form(request):
    renders["count"] += 1
    template = engines["django"].from_string("<form method='post'>{% csrf_token %}</form>{{ n }}")
    return HttpResponse(template.render({"n": renders["count"]}, request=request))


from config.urls import urlpatterns as site_urlpatterns  # noqa: E402

urlpatterns = [
    path("broken/", broken_view),
    path("inline-script/", page_with_inline_script),
    *i18n_patterns(
        path("counting/", counting_page),
        path("personal/", personal_page),
        path("form/", page_with_a_form),
        prefix_default_language=False,
    ),
    *site_urlpatterns,
]

handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
