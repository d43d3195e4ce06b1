from django.urls import path

from circularcities.reuse import views

app_name = "reuse"
urlpatterns = [
    path("", views.index, name="index"),
    path("places/new/", views.create_place, name="create_place"),
    path("places/<slug:slug>/", views.place_detail, name="place_detail"),
    path("places/<slug:slug>/edit/", views.edit_place, name="edit_place"),
    path("places/<slug:slug>/events/new/", views.create_event, name="create_event"),
    path("places/<slug:slug>/import/", views.import_repairs, name="import_repairs"),
    path("places/<slug:slug>/ords.csv", views.repairs_csv, name="repairs_csv"),
    path("places/<slug:slug>/centre/", views.centre, name="centre"),
    path("places/<slug:slug>/library/", views.library, name="library"),
    path("events/<int:pk>/", views.event_detail, name="event_detail"),
    path("repairs/", views.repairs, name="repairs"),
    path("items/<int:pk>/", views.item_detail, name="item_detail"),
    path("lending/<int:pk>/borrow/", views.borrow, name="borrow"),
    path("loans/<int:pk>/return/", views.return_loan, name="return_loan"),
]
