from django.urls import path

from circularcities.marketplace import views

app_name = "marketplace"
urlpatterns = [
    path("", views.index, name="index"),
    path("mine/", views.my_listings, name="my_listings"),
    path("mine/import/", views.import_listings, name="import_listings"),
    path("mine/import/example.csv", views.import_example, name="import_example"),
    path("listings/new/", views.create_listing, name="create_listing"),
    path("listings/<int:pk>/", views.listing_detail, name="listing_detail"),
    path("listings/<int:pk>/edit/", views.edit_listing, name="edit_listing"),
    path("listings/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("listings/<int:pk>/exchange/", views.record, name="record_exchange"),
    path("exchanges/", views.exchange_list, name="exchange_list"),
    path("exchanges/<int:pk>/", views.exchange_detail, name="exchange_detail"),
    path("metrics/", views.metrics, name="metrics"),
    path("method/", views.method, name="method"),
    path("metrics.csv", views.metrics_csv, name="metrics_csv"),
    path("metrics.xlsx", views.metrics_xlsx, name="metrics_xlsx"),
    path("matching/", views.start_matching, name="start_matching"),
    path("matching/<str:run_id>/", views.matching_result, name="matching_result"),
    path("compatibility/", views.compatibility, name="compatibility"),
    path("weights/", views.weights, name="weights"),
    path("parks/", views.park_list, name="park_list"),
    path("parks/<slug:slug>/", views.park_detail, name="park_detail"),
]
