"""Public and staff pages of the services directory (under the language prefixes)."""

from .public_urls import urlpatterns as public_urlpatterns
from .staff_urls import urlpatterns as staff_urlpatterns

app_name = "directory"

urlpatterns = [*public_urlpatterns, *staff_urlpatterns]
