"""The reporter's pages (under the language prefixes)."""

from django.urls import path

from . import views

app_name = "reporting"

urlpatterns = [
    path("report/", views.start, name="start"),
    path("report/easy-read/", views.easy_read, name="easy_read"),
    path("report/begin/", views.begin, name="begin"),
    path("report/check-your-answers/", views.check_answers, name="check_answers"),
    path("report/sent/", views.confirmation, name="confirmation"),
    path("report/what-happens-next/", views.what_happens_next, name="what_happens_next"),
    path("report/check/", views.check, name="check"),
    path("report/check/your-report/", views.your_report, name="your_report"),
    path("report/check/add/", views.add_information, name="add_information"),
    path("report/check/consent/<slug:recipient>/withdraw/", views.withdraw_consent, name="withdraw_consent"),
    path("report/check/evidence/<uuid:evidence_id>/", views.evidence_file, name="evidence_file"),
    path("report/check/leave/", views.leave_report, name="leave_report"),
    path("report/<slug:slug>/", views.step, name="step"),
]
