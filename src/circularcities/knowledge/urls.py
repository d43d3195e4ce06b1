from django.urls import path

from circularcities.knowledge import views

app_name = "knowledge"
urlpatterns = [
    path("", views.case_list, name="case_list"),
    path("<slug:slug>/", views.case_detail, name="case_detail"),
]
