from django.urls import path

from . import api

urlpatterns = [
    path("wards/", api.WardListAPI.as_view(), name="api-ward-list"),
    path("wards/<str:gss_code>/", api.WardDetailAPI.as_view(), name="api-ward-detail"),
    path("postcodes/<str:postcode>/", api.PostcodeAPI.as_view(), name="api-postcode-detail"),
]
