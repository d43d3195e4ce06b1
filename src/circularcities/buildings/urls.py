from django.urls import path

from circularcities.buildings import views

app_name = "buildings"

urlpatterns = [
    path("", views.index, name="index"),
    path("template.xlsx", views.template, name="template"),
    path("city/<slug:slug>/new/", views.create, name="create"),
    path("city/<slug:slug>/map/", views.city_map, name="map"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/import/", views.import_components, name="import"),
    path("<int:pk>/offer/", views.offer, name="offer"),
    path("<int:pk>/components/new/", views.component_form, name="component_new"),
    path("<int:pk>/components/<int:component_pk>/", views.component_form, name="component_edit"),
    path("<int:pk>/components/<int:component_pk>/delete/", views.component_delete,
         name="component_delete"),
    path("<int:pk>/passport.<str:fmt>", views.export, name="export"),
]
