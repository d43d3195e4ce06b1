from django.urls import path

from circularcities.jobs import views

app_name = "jobs"
urlpatterns = [
    path("<uuid:pk>/", views.job_status, name="status"),
    path("<uuid:pk>.json", views.job_json, name="json"),
    path("<uuid:pk>/cancel", views.job_cancel, name="cancel"),
]
