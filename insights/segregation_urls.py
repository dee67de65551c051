from django.urls import path

from .views import profiles, segregation

urlpatterns = [
    path("insights/", segregation.overview, name="overview"),
    path("insights/segregation/", segregation.segregation, name="segregation"),
    path("insights/segregation.csv", segregation.segregation_csv, name="segregation_csv"),
    path("insights/maps/<slug:geography>/<slug:measure>/", segregation.area_map, name="area_map"),
    path("insights/maps/<slug:geography>/<slug:measure>.csv", segregation.area_map_csv, name="area_map_csv"),
    path("insights/wards/<slug:gss_code>/", profiles.ward_profile, name="ward_profile"),
    path("insights/wards/<slug:gss_code>.csv", profiles.ward_profile_csv, name="ward_profile_csv"),
]
