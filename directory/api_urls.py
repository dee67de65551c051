"""The Open Referral UK API, outside the language prefixes: /api/openreferral/…"""

from django.urls import path

from . import api

app_name = "openreferral"

urlpatterns = [
    path("", api.RootAPI.as_view(), name="root"),
    path("services", api.ServiceListAPI.as_view(), name="service_list"),
    path("services/<str:id>", api.ServiceDetailAPI.as_view(), name="service_detail"),
    path("service_at_locations", api.ServiceAtLocationListAPI.as_view(), name="service_at_location_list"),
    path("service_at_locations/<str:id>", api.ServiceAtLocationDetailAPI.as_view(), name="service_at_location_detail"),
    path("taxonomies", api.TaxonomyListAPI.as_view(), name="taxonomy_list"),
    path("taxonomies/<str:id>", api.TaxonomyDetailAPI.as_view(), name="taxonomy_detail"),
    path("taxonomy_terms", api.TaxonomyTermListAPI.as_view(), name="taxonomy_term_list"),
    path("taxonomy_terms/<str:id>", api.TaxonomyTermDetailAPI.as_view(), name="taxonomy_term_detail"),
]
