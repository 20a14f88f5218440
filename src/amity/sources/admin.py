from django.contrib import admin

from amity.registry.admin import RegistryAdmin
from amity.sources.models import Document


@admin.register(Document)
class DocumentAdmin(RegistryAdmin):
    list_display = ("__str__", "publisher", "published", "language")
    search_fields = ("title", "url", "publisher", "text")
    readonly_fields = (*RegistryAdmin.readonly_fields, "checksum")
