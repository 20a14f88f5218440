from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "amity.search"
    label = "search"
    verbose_name = "Search index"
    default_auto_field = "django.db.models.BigAutoField"
