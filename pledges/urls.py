"""The pledge and Places of Welcome: public pages, iCal feeds, and the staff registry."""

from django.urls import path

from . import views

app_name = "pledges"

urlpatterns = [
    path("pledge/", views.signatory_list, name="signatory_list"),
    path("pledge/sign/", views.sign, name="sign"),
    path("pledge/sign/check/", views.sign_check, name="sign_check"),
    path("pledge/sign/done/", views.sign_done, name="sign_done"),
    path("pledge/<int:pledge_id>/", views.signatory_detail, name="signatory_detail"),
    path("pledge/<int:pledge_id>/badge.svg", views.badge, name="badge"),
    path("places-of-welcome/", views.place_list, name="place_list"),
    path("places-of-welcome/calendar.ics", views.calendar_all, name="calendar"),
    path("places-of-welcome/<int:place_id>/", views.place_detail, name="place_detail"),
    path("places-of-welcome/<int:place_id>/calendar.ics", views.calendar_place, name="place_calendar"),
    path("staff/pledges/", views.staff_pledge_list, name="staff_pledge_list"),
    path("staff/pledges/<int:pledge_id>/", views.staff_pledge_detail, name="staff_pledge_detail"),
    path("staff/pledges/<int:pledge_id>/<slug:action>/", views.staff_pledge_action, name="staff_pledge_action"),
    path("staff/pledges/places/", views.staff_place_list, name="staff_place_list"),
    path("staff/pledges/places/add/", views.staff_place_add, name="staff_place_add"),
    path("staff/pledges/places/<int:place_id>/", views.staff_place_detail, name="staff_place_detail"),
    path("staff/pledges/places/<int:place_id>/edit/", views.staff_place_edit, name="staff_place_edit"),
    path(
        "staff/pledges/places/<int:place_id>/opening-times/",
        views.staff_place_opening_times,
        name="staff_place_opening_times",
    ),
    path("staff/pledges/places/<int:place_id>/check/", views.staff_place_check, name="staff_place_check"),
]
