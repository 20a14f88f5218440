from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "amity.web"
    label = "web"
    verbose_name = "Web pages"
