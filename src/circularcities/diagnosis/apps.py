from django.apps import AppConfig


class DiagnosisConfig(AppConfig):
    name = "circularcities.diagnosis"
    label = "diagnosis"

    def ready(self):
        from circularcities.diagnosis import receivers  # noqa: F401  (connects the signal receivers)
