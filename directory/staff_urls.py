"""Staff pages of the services directory (namespace "directory")."""

from django.urls import path

from . import staff_views

urlpatterns = [
    path("staff/directory/", staff_views.service_list, name="staff_service_list"),
    path("staff/directory/services/new/", staff_views.service_create, name="staff_service_create"),
    path("staff/directory/services/<uuid:service_id>/edit/", staff_views.service_edit, name="staff_service_edit"),
    path("staff/directory/services/<uuid:service_id>/checked/", staff_views.service_check, name="staff_service_check"),
    path("staff/directory/approvals/", staff_views.approval_list, name="staff_approval_list"),
    path("staff/directory/approvals/<uuid:change_id>/", staff_views.approval_detail, name="staff_approval_detail"),
]
