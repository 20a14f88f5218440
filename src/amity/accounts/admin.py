from django.contrib import admin

from amity.accounts.models import ApiToken, Profile, SiteSettings


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ("user", "role")
    list_filter = ("role",)
    autocomplete_fields = ("scope_places", "scope_organizations")


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("name", "user", "prefix", "read_only", "created", "last_used", "revoked")
    readonly_fields = ("prefix", "key_hash", "created", "last_used")


admin.site.register(SiteSettings)
