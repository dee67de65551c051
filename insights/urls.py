from . import asb_urls, segregation_urls

app_name = "insights"

urlpatterns = [*segregation_urls.urlpatterns, *asb_urls.urlpatterns]
