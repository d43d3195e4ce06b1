from django.apps import AppConfig


class BuildingsConfig(AppConfig):
    name = "circularcities.buildings"
    label = "buildings"
