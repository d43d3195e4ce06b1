from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "circularcities.web"
    label = "web"
    verbose_name = "Web"

    def ready(self):
        from circularcities.web import (
            checks,  # noqa: F401  (registers system checks)
            uploads,
        )

        uploads.configure()  # the table reader's limits from settings
        from django.utils.translation import get_language

        from circularcities.core import i18n

        i18n.use_language_provider(get_language)  # core's messages speak the reader's language
