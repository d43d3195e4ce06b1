from django.urls import path

from circularcities.coalition import event_views, learning_views, office_views, views

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
    path("events/feed.ics", event_views.events_feed, name="events_feed"),
    path("events/<slug:slug>/", views.event_detail, name="event_detail"),
    path("events/<slug:slug>/event.ics", event_views.event_ics, name="event_ics"),
    path("events/<slug:slug>/register/", event_views.event_register, name="event_register"),
    path("events/<slug:slug>/attendance/", event_views.event_attendance, name="event_attendance"),
    path("events/<slug:slug>/materials/", event_views.event_material, name="event_material"),
    path("office/events/new/", event_views.event_edit, name="office_event_new"),
    path("office/events/<slug:slug>/", event_views.event_edit, name="office_event_edit"),
    path("follow/<str:kind>/<slug:slug>/", event_views.follow_view, name="follow"),
    path("learning/", learning_views.requests, name="learning"),
    path("learning/<int:pk>/pair/", learning_views.pair_view, name="learning_pair"),
    path("learning/pairings/<int:pk>/outcome/", learning_views.outcome_view, name="learning_outcome"),
    path("office/", office_views.index, name="office"),
    path("office/cities/new/", office_views.city_new, name="office_city_new"),
    path("office/cities/<slug:slug>/", office_views.city_edit, name="office_city_edit"),
    path("office/cities/<slug:slug>/archive/", office_views.city_archive_view, name="office_city_archive"),
    path("office/organisations/new/", office_views.partner_new, name="office_partner_new"),
    path("office/organisations/<slug:slug>/", office_views.partner_edit, name="office_partner_edit"),
    path("office/working-groups/<slug:slug>/", office_views.group_office, name="office_group"),
]
