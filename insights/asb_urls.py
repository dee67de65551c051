from django.urls import path

from .views import asb

urlpatterns = [
    path("insights/anti-social-behaviour/", asb.asb_trends, name="asb_trends"),
    path("insights/anti-social-behaviour.csv", asb.asb_trends_csv, name="asb_trends_csv"),
]
