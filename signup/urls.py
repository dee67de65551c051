app_name = "signup"

urlpatterns = []
