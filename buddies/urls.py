app_name = "buddies"

urlpatterns = []
