from django.apps import AppConfig


class ProcurementConfig(AppConfig):
    name = "circularcities.procurement"
    label = "procurement"
    verbose_name = "Circular procurement"
    default_auto_field = "django.db.models.BigAutoField"
