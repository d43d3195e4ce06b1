from django.apps import AppConfig


class ReuseConfig(AppConfig):
    name = "circularcities.reuse"
    label = "reuse"
    verbose_name = "Repair, reuse and lending"
