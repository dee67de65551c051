from django.urls import path

from . import views

app_name = "casework"

urlpatterns = [
    path("staff/cases/", views.queue, name="queue"),
    path("staff/cases/statistics/", views.statistics, name="statistics"),
    path("staff/cases/statistics.csv", views.statistics_csv, name="statistics_csv"),
    path("staff/cases/referrals/", views.referral_list, name="referral_list"),
    path("staff/cases/referrals/<int:pk>/", views.referral_detail, name="referral_detail"),
    path("staff/cases/submitted/", views.submitted_list, name="submitted_list"),
    path("staff/cases/reports/<str:reference>/", views.report_triage, name="report_triage"),
    path("staff/cases/<str:reference>/", views.case_detail, name="case_detail"),
    path("staff/cases/<str:reference>/classify/", views.case_classify, name="case_classify"),
    path("staff/cases/<str:reference>/risk/", views.case_risk, name="case_risk"),
    path("staff/cases/<str:reference>/needs/", views.case_needs, name="case_needs"),
    path("staff/cases/<str:reference>/people/add/", views.case_party_add, name="case_party_add"),
    path("staff/cases/<str:reference>/referrals/add/", views.case_referral_add, name="case_referral_add"),
    path("staff/cases/<str:reference>/actions/add/", views.case_action_add, name="case_action_add"),
    path("staff/cases/<str:reference>/message/", views.case_message, name="case_message"),
    path("staff/cases/<str:reference>/notes/add/", views.case_note_add, name="case_note_add"),
    path("staff/cases/<str:reference>/link/", views.case_link, name="case_link"),
    path("staff/cases/<str:reference>/case-review/", views.case_review, name="case_review"),
    path("staff/cases/<str:reference>/close/", views.case_close, name="case_close"),
    path(
        "staff/cases/<str:reference>/evidence/<uuid:evidence_id>/",
        views.case_evidence_file,
        name="case_evidence_file",
    ),
    path("hate-crime/figures/", views.public_figures, name="public_figures"),
]
