from django.apps import AppConfig


class MarketplaceConfig(AppConfig):
    name = "circularcities.marketplace"
    label = "marketplace"
