from django.apps import AppConfig


class PortfolioConfig(AppConfig):
    name = "amity.portfolio"
    label = "portfolio"
    verbose_name = "Portfolio, meetings and reports"
    default_auto_field = "django.db.models.BigAutoField"
