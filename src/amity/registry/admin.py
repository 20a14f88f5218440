"""Django admin for every registry model, so a person can keep the registry by hand."""

from __future__ import annotations

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from amity.core.models import ChangeLog
from amity.registry import models as m
from amity.registry.readable import history_changes


class HistoryLinkMixin:
    """A link from each object to its entries in Amity's change log."""

    def change_log(self, obj):
        if not obj.pk:
            return "-"
        url = reverse("admin:core_changelog_changelist")
        from django.contrib.contenttypes.models import ContentType

        content_type = ContentType.objects.get_for_model(obj)
        return format_html('<a href="{}?content_type__id__exact={}&object_id={}">{}</a>',
                           url, content_type.pk, obj.pk, _("change log"))

    change_log.short_description = _("change log")


class RegistryAdmin(HistoryLinkMixin, admin.ModelAdmin):
    readonly_fields = ("uid", "created", "updated", "change_log")


def _inline(model_class, fk_name=None, extra=0, **attrs):
    attrs.update({"model": model_class, "extra": extra, "autocomplete_fields": attrs.get("autocomplete_fields", ())})
    if fk_name:
        attrs["fk_name"] = fk_name
    return type(f"{model_class.__name__}Inline", (admin.TabularInline,), attrs)


@admin.register(m.Field)
class FieldAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "name_ko")
    search_fields = ("code", "name", "name_ko")


class AdminLevelFilter(admin.SimpleListFilter):
    """The levels of local government by their labels in the reader's language (the field has no choices)."""

    title = _("admin level")
    parameter_name = "admin_level"

    def lookups(self, request, model_admin):
        return m.Place.AdminLevel.choices

    def queryset(self, request, queryset):
        return queryset.filter(admin_level=self.value()) if self.value() else queryset


@admin.register(m.Place)
class PlaceAdmin(RegistryAdmin):
    list_display = ("name", "kind", "country_code", "admin_level_label", "population", "source")
    list_filter = ("kind", "source", AdminLevelFilter)
    search_fields = ("name", "aliases", "kr_admin_code", "=geonames_id")
    autocomplete_fields = ("parent",)

    @admin.display(description=_("admin level"), ordering="admin_level")
    def admin_level_label(self, place):
        return place.get_admin_level_display()


@admin.register(m.Organization)
class OrganizationAdmin(RegistryAdmin):
    list_display = ("name", "kind", "place", "country_code")
    list_filter = ("kind",)
    search_fields = ("name", "aliases")
    autocomplete_fields = ("place", "parent")


@admin.register(m.Person)
class PersonAdmin(RegistryAdmin):
    list_display = ("name", "family_name", "given_name", "country_code")
    search_fields = ("name", "aliases", "family_name", "given_name")
    inlines = [_inline(m.Position, autocomplete_fields=("of_place", "of_organization", "to_place"))]


@admin.register(m.Position)
class PositionAdmin(RegistryAdmin):
    list_display = ("person", "title", "of_place", "of_organization", "to_place", "known_from", "known_to")
    search_fields = ("person__name", "title", "title_raw")
    autocomplete_fields = ("person", "of_place", "of_organization", "to_place")


@admin.register(m.Agreement)
class AgreementAdmin(RegistryAdmin):
    list_display = ("__str__", "type", "status", "signed_date")
    list_filter = ("type", "status", "fields")
    search_fields = ("title", "parties__place__name", "parties__organization__name")
    autocomplete_fields = ("signed_place",)
    filter_horizontal = ("fields",)
    inlines = [
        _inline(m.AgreementParty, autocomplete_fields=("place", "organization")),
        _inline(m.AgreementSignatory, autocomplete_fields=("person",)),
        _inline(m.AgreementStatusChange),
    ]


@admin.register(m.Alliance)
class AllianceAdmin(RegistryAdmin):
    list_display = ("name", "established", "secretariat_place")
    search_fields = ("name", "aliases")
    autocomplete_fields = ("secretariat_place",)
    inlines = [
        _inline(m.AllianceMember, autocomplete_fields=("place", "organization")),
        _inline(m.Team, autocomplete_fields=("based_in",)),
    ]


@admin.register(m.Team)
class TeamAdmin(RegistryAdmin):
    list_display = ("name", "alliance", "based_in", "size")
    search_fields = ("name",)
    autocomplete_fields = ("alliance", "based_in")
    inlines = [_inline(m.TeamMember, autocomplete_fields=("from_place", "person"))]


@admin.register(m.Project)
class ProjectAdmin(RegistryAdmin):
    list_display = ("name", "alliance", "agreement", "field", "status", "start", "end")
    list_filter = ("status", "field")
    search_fields = ("name",)
    autocomplete_fields = ("alliance", "agreement")
    inlines = [
        _inline(m.ProjectMember, autocomplete_fields=("place", "organization")),
        _inline(m.Milestone),
    ]


@admin.register(m.Engagement)
class EngagementAdmin(RegistryAdmin):
    list_display = ("__str__", "type", "date", "place", "venue", "attendance")
    list_filter = ("type", "topics")
    search_fields = ("title", "venue", "outcome", "place__name")
    autocomplete_fields = ("place", "agreement", "alliance")
    filter_horizontal = ("topics",)
    inlines = [_inline(m.EngagementParticipant, autocomplete_fields=("person", "organization", "place"))]


@admin.register(m.FollowUp)
class FollowUpAdmin(RegistryAdmin):
    list_display = ("action", "due", "status", "owner_person", "owner_place")
    list_filter = ("status",)
    search_fields = ("action",)
    autocomplete_fields = ("owner_person", "owner_place", "owner_organization", "engagement", "agreement", "project")


# Parts are edited inline above; they also get their own pages for search and history.
for part in (m.AgreementParty, m.AgreementSignatory, m.AgreementStatusChange, m.AllianceMember,
             m.TeamMember, m.ProjectMember, m.Milestone, m.EngagementParticipant):
    admin.site.register(part, RegistryAdmin)


@admin.register(ChangeLog)
class ChangeLogAdmin(admin.ModelAdmin):
    """The change log is read-only: it records what happened, shown as the history tab shows it."""

    list_display = ("time", "actor", "action", "content_type", "object_repr", "changes")
    list_filter = ("action", "content_type", "actor")
    search_fields = ("object_repr", "actor", "=object_id")
    date_hierarchy = "time"
    fields = ("time", "actor", "action", "content_type", "object_repr", "what_changed")
    readonly_fields = fields

    @admin.display(description=_("changes"))
    def changes(self, obj):
        text = "; ".join(f"{field}: {after}" for field, _before, after in history_changes(obj))
        return text if len(text) <= 160 else text[:159] + "…"

    @admin.display(description=_("what changed"))
    def what_changed(self, obj):
        rows = history_changes(obj)
        if not rows:
            return "—"
        return format_html("<table><tr><th>{}</th><th>{}</th><th>{}</th></tr>{}</table>",
                           _("field"), _("before"), _("after"),
                           format_html_join("", "<tr><td>{}</td><td>{}</td><td>{}</td></tr>", rows))

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
