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
