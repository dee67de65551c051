from django.urls import path

from . import views

app_name = "places"
urlpatterns = [
    path("wards/", views.ward_list, name="ward_list"),
    path("wards/find/", views.find_ward, name="find_ward"),
    path("wards/<str:gss_code>/", views.ward_detail, name="ward_detail"),
]
