from django.apps import AppConfig


class SystemsConfig(AppConfig):
    name = "circularcities.systems"
    label = "systems"
    verbose_name = "Systems and layers"
