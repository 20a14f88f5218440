from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistryConfig(AppConfig):
    name = "amity.registry"
    label = "registry"
    verbose_name = _("Registry")
    default_auto_field = "django.db.models.BigAutoField"
