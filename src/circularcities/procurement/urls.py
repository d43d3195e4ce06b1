from django.urls import path

from circularcities.procurement import views

app_name = "procurement"
urlpatterns = [
    path("", views.index, name="index"),
    path("comparisons/new/", views.project_create, name="project_create"),
    path("comparisons/<slug:slug>/", views.project_detail, name="project_detail"),
    path("comparisons/<slug:slug>/upload/", views.project_upload, name="project_upload"),
    path("comparisons/<slug:slug>/reused/", views.project_reused, name="project_reused"),
    path("comparisons/<slug:slug>/epd/", views.project_epd, name="project_epd"),
    path("comparisons/<slug:slug>/publish/", views.project_publish, name="project_publish"),
    path("tenders/new/", views.tender_create, name="tender_create"),
    path("tenders/<slug:slug>/", views.tender_detail, name="tender_detail"),
    path("tenders/<slug:slug>/bids/", views.tender_bid, name="tender_bid"),
    path("tenders/<slug:slug>/bids/upload/", views.tender_bids_upload, name="tender_bids_upload"),
    path("tenders/<slug:slug>/award/", views.tender_award, name="tender_award"),
    path("tenders/<slug:slug>/savings/", views.tender_saving, name="tender_saving"),
    path("finder/", views.finder, name="finder"),
    path("products/new/", views.product_edit, name="product_new"),
    path("products/<int:pk>/", views.product_edit, name="product_edit"),
    path("pilots/<slug:slug>/", views.pilot_detail, name="pilot_detail"),
    path("pilots/<slug:slug>/readings/", views.pilot_reading, name="pilot_reading"),
]
