app_name = "welcome"

urlpatterns = []
