from django.urls import path

from . import views

app_name = "welcome"

urlpatterns = [
    path("welcome/", views.start, name="start"),
    path("welcome/where/", views.where, name="where"),
    path("welcome/household/", views.household, name="household"),
    path("welcome/languages/", views.languages, name="languages"),
    path("welcome/needs/", views.needs, name="needs"),
    path("welcome/pack-language/", views.pack_language, name="pack_language"),
    path("welcome/check/", views.check, name="check"),
    path("welcome/pack/", views.pack, name="pack"),
    path("welcome/pack/print/", views.pack_print, name="pack_print"),
    path("welcome/pack/easy-read/", views.pack_easy_read, name="pack_easy_read"),
    path("welcome/pack/pdf/", views.pack_pdf, name="pack_pdf"),
    # Short enough to type from a printed pack; no trailing slash to type either.
    path("s/<str:code>", views.short_link, name="short_link"),
    path("staff/welcome/sections/", views.section_list, name="section_list"),
    path("staff/welcome/sections/<slug:key>/<str:language>/", views.section_edit, name="section_edit"),
    path("staff/welcome/sections/<slug:key>/<str:language>/approve/", views.section_approve, name="section_approve"),
]
