from django.urls import path

from circularcities.coalition import views

app_name = "coalition"
urlpatterns = [
    path("cities/", views.city_list, name="city_list"),
    path("cities/<slug:slug>/", views.city_detail, name="city_detail"),
    path("cities/<slug:slug>/edit/", views.edit_city, name="edit_city"),
    path("cities/<slug:slug>/focal-areas/", views.edit_focal_areas, name="edit_focal_areas"),
    path("partners/", views.partner_list, name="partner_list"),
    path("working-groups/", views.area_list, name="area_list"),
    path("working-groups/<slug:slug>/", views.working_group, name="working_group"),
    path("events/", views.event_list, name="event_list"),
    path("events/<slug:slug>/", views.event_detail, name="event_detail"),
]
