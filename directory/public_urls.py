"""Public pages of the services directory, for inclusion under the language prefixes (namespace "directory")."""

from django.urls import path

from . import views

urlpatterns = [
    path("services/", views.search, name="search"),
    path("services/<uuid:service_id>/", views.service_detail, name="service_detail"),
]
