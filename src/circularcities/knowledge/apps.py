from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "circularcities.knowledge"
    label = "knowledge"
    verbose_name = "Best-practice library"

    def ready(self):
        from circularcities.knowledge import signals

        signals.connect()
