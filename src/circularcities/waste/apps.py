from django.apps import AppConfig


class WasteConfig(AppConfig):
    name = "circularcities.waste"
    label = "waste"
