from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    name = "amity.review"
    label = "review"
    verbose_name = _("Review")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from amity.review.append_only import register_sqlite_function

        connection_created.connect(register_sqlite_function, dispatch_uid="amity-review-log-unlocked")
