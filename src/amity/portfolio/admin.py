from django.contrib import admin

from amity.portfolio.models import AgendaItem, Decision, PortfolioEntry, PortfolioYear


class PortfolioEntryInline(admin.TabularInline):
    model = PortfolioEntry
    autocomplete_fields = ()
    raw_id_fields = ("project",)
    extra = 0


@admin.register(PortfolioYear)
class PortfolioYearAdmin(admin.ModelAdmin):
    list_display = ("__str__", "year", "stated_count", "source")
    list_filter = ("year",)
    inlines = [PortfolioEntryInline]


class DecisionInline(admin.StackedInline):
    model = Decision
    raw_id_fields = ("follow_ups",)
    extra = 0


@admin.register(AgendaItem)
class AgendaItemAdmin(admin.ModelAdmin):
    list_display = ("__str__", "engagement")
    raw_id_fields = ("engagement", "project")
    inlines = [DecisionInline]
