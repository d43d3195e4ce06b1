from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "circularcities.knowledge"
    label = "knowledge"
    verbose_name = "Best-practice library"

    def ready(self):
        from circularcities.knowledge import signals

        signals.connect()
        register_history()


def register_history() -> None:
    """Keep every change of a case with django-reversion: the case, its text in every
    language, its figures (with theirs) and images."""
    import reversion

    from circularcities.knowledge.models import Case, CaseImage, KeyFigure

    if reversion.is_registered(Case):
        return
    reversion.register(Case._parler_meta.root_model)
    reversion.register(KeyFigure._parler_meta.root_model)
    reversion.register(KeyFigure, follow=["translations"])
    reversion.register(CaseImage)
    reversion.register(Case, follow=["translations", "figures", "images"])
