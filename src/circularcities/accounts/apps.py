from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "circularcities.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        from circularcities.accounts import signals  # noqa: F401
