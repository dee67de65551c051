"""Public pages of the services directory (under the language prefixes)."""

app_name = "directory"

urlpatterns = []
