from django.urls import path

from . import views

app_name = "buddies"

urlpatterns = [
    path("staff/buddies/", views.dashboard, name="dashboard"),
    path("staff/buddies/volunteers/", views.volunteer_list, name="volunteer_list"),
    path("staff/buddies/volunteers/new/", views.volunteer_create, name="volunteer_create"),
    path("staff/buddies/volunteers/<int:volunteer_id>/", views.volunteer_detail, name="volunteer_detail"),
    path("staff/buddies/volunteers/<int:volunteer_id>/<slug:step>/", views.volunteer_step, name="volunteer_step"),
    path("staff/buddies/requests/", views.request_list, name="request_list"),
    path("staff/buddies/requests/new/", views.request_create, name="request_create"),
    path("staff/buddies/requests/referred/", views.request_referred, name="request_referred"),
    path("staff/buddies/requests/<int:request_id>/", views.request_detail, name="request_detail"),
    path("staff/buddies/matching/", views.matching, name="matching"),
    path("staff/buddies/matching/<int:match_id>/accept/", views.proposal_accept, name="proposal_accept"),
    path("staff/buddies/matching/<int:match_id>/reject/", views.proposal_reject, name="proposal_reject"),
    path("staff/buddies/my-matches/", views.my_matches, name="my_matches"),
    path("staff/buddies/matches/<int:match_id>/", views.match_detail, name="match_detail"),
    path("staff/buddies/matches/<int:match_id>/meetings/new/", views.meeting_create, name="meeting_create"),
    path("staff/buddies/matches/<int:match_id>/concern/", views.concern_create, name="concern_create"),
    path("staff/buddies/matches/<int:match_id>/end/", views.match_end, name="match_end"),
    path("staff/buddies/matches/<int:match_id>/survey/", views.volunteer_survey, name="volunteer_survey"),
    path("staff/buddies/concerns/<int:concern_id>/", views.concern_detail, name="concern_detail"),
    path("staff/buddies/report/", views.report_page, name="report"),
    path("staff/buddies/report/csv/", views.report_csv, name="report_csv"),
    path("buddy/<str:token>/", views.newcomer_match, name="newcomer_match"),
    path("buddy/<str:token>/concern/", views.newcomer_concern, name="newcomer_concern"),
    path("buddy/<str:token>/survey/", views.newcomer_survey, name="newcomer_survey"),
]
