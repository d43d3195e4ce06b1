from django.urls import path

from circularcities.logistics import views

app_name = "logistics"
urlpatterns = [
    path("", views.index, name="index"),
    path("template.xlsx", views.download_template, name="template"),
    path("upload/", views.upload_workbook, name="upload"),
    path("new/", views.create_scenario, name="create"),
    path("<int:pk>/", views.scenario_detail, name="scenario"),
    path("<int:pk>/scenario.xlsx", views.download_scenario, name="download"),
    path("<int:pk>/points/", views.upload_points, name="upload_points"),
    path("<int:pk>/workbook/", views.replace_workbook, name="replace_workbook"),
    path("<int:pk>/place/", views.place_item, name="place"),
    path("<int:pk>/plans/<int:plan>/delete/", views.delete_plan, name="delete_plan"),
    path("<int:pk>/<str:kind>/<int:item>/delete/", views.delete_item, name="delete_item"),
    path("<int:pk>/vehicles/", views.add_vehicle, name="add_vehicle"),
    path("<int:pk>/plans/", views.add_plan, name="add_plan"),
    path("<int:pk>/run/", views.start_run, name="start_run"),
    path("runs/<int:pk>/", views.run_detail, name="run"),
    path("runs/<int:pk>/status/", views.run_status, name="run_status"),
    path("runs/<int:pk>/export.<str:fmt>", views.export_run, name="export"),
]
