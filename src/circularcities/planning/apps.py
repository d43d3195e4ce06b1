from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "circularcities.planning"
    label = "planning"
