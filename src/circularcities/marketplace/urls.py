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
    path("listings/<int:pk>/propose/", views.propose, name="propose"),
    path("deals/", views.deal_list, name="deal_list"),
    path("deals/<int:pk>/", views.deal_detail, name="proposal_detail"),
    path("deals/<int:pk>/accept/", views.deal_accept, name="deal_accept"),
    path("deals/<int:pk>/counter/", views.deal_counter, name="deal_counter"),
    path("deals/<int:pk>/decline/", views.deal_decline, name="deal_decline"),
    path("deals/<int:pk>/withdraw/", views.deal_withdraw, name="deal_withdraw"),
    path("deals/<int:pk>/message/", views.deal_message, name="deal_message"),
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
