from django.urls import path

from circularcities.waste import views

app_name = "waste"
urlpatterns = [
    path("", views.index, name="index"),
    path("template.<slug:fmt>", views.streams_template, name="template"),
    path("<slug:slug>/", views.city_streams, name="city"),
    path("<slug:slug>/import/", views.import_file, name="import"),
    path("<slug:slug>/report.<slug:fmt>", views.city_report, name="report"),
    path("<slug:slug>/adopt/", views.adopt, name="adopt"),
    path("<slug:slug>/streams/new/", views.edit_stream, name="add_stream"),
    path("<slug:slug>/streams/<int:pk>/", views.edit_stream, name="edit_stream"),
    path("<slug:slug>/streams/<int:pk>/delete/", views.delete_stream, name="delete_stream"),
]
