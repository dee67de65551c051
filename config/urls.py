from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from core import views as core_views

handler400 = core_views.bad_request
handler403 = core_views.permission_denied
handler404 = core_views.page_not_found
handler500 = core_views.server_error

urlpatterns = [
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/openreferral/", include("directory.api_urls")),
    path("api/", include("places.api_urls")),
]

urlpatterns += i18n_patterns(
    path("", include("core.urls")),
    path("api/docs/", core_views.api_docs, name="api-docs"),
    path("", include("places.urls")),
    path("", include("insights.urls")),
    path("", include("directory.urls")),
    path("", include("pledges.urls")),
    path("", include("buddies.urls")),
    path("", include("welcome.urls")),
    path("", include("signup.urls")),
    path("", include("reporting.urls")),
    path("", include("casework.urls")),
    path("staff/", include("accounts.urls")),
    path("staff/audit/", include("audit.urls")),
    path("staff/admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    prefix_default_language=False,
)
