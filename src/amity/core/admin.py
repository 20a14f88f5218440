from django.contrib import admin

from amity.core.models import ChangeLog


@admin.register(ChangeLog)
class ChangeLogAdmin(admin.ModelAdmin):
    """The change log is read-only: it records what happened."""

    list_display = ("time", "actor", "action", "content_type", "object_repr", "changed")
    list_filter = ("action", "content_type", "actor")
    search_fields = ("object_repr", "actor", "=object_id")
    date_hierarchy = "time"

    def changed(self, obj):
        return ", ".join(obj.changed_fields)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
