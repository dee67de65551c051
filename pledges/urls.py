app_name = "pledges"

urlpatterns = []
