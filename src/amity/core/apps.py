from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "amity.core"
    label = "core"
    verbose_name = "Change log"
    default_auto_field = "django.db.models.BigAutoField"
