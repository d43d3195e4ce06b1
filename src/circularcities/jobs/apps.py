from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "circularcities.jobs"
    label = "jobs"
