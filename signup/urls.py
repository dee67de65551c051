from django.urls import path

from . import views

app_name = "signup"

urlpatterns = [
    path("sign-up/", views.start, name="start"),
    path("sign-up/question/<slug:step>/", views.question, name="question"),
    path("sign-up/check-your-answers/", views.check, name="check"),
    path("sign-up/confirmation/", views.confirmation, name="confirmation"),
    path("sign-up/privacy/", views.privacy, name="privacy"),
    path("sign-up/your-details/<str:token>/", views.erase, name="erase"),
    path("sign-up/answer/<str:token>/", views.outcome, name="outcome"),
    path("staff/sign-ups/", views.staff_overview, name="staff_overview"),
    path("staff/sign-ups/export.csv", views.staff_csv, name="staff_csv"),
    path("staff/sign-ups/<uuid:reference>/", views.staff_detail, name="staff_detail"),
]
