from django.apps import AppConfig


class LogisticsConfig(AppConfig):
    name = "circularcities.logistics"
    label = "logistics"
