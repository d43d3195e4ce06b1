from django.apps import AppConfig


class CoalitionConfig(AppConfig):
    name = "circularcities.coalition"
    label = "coalition"
    verbose_name = "Coalition"
