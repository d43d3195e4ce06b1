from django.apps import AppConfig


class DiagnosisConfig(AppConfig):
    name = "circularcities.diagnosis"
    label = "diagnosis"
