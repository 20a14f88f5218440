from django.contrib import admin

from amity.review.models import AutoAcceptRule, Decision, MergeCandidate


@admin.register(AutoAcceptRule)
class AutoAcceptRuleAdmin(admin.ModelAdmin):
    list_display = ("name", "slot", "min_confidence", "require_link", "enabled")
    list_editable = ("enabled",)


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):
    list_display = ("time", "actor", "action", "claim", "undoes")
    list_filter = ("action",)

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(MergeCandidate)
class MergeCandidateAdmin(admin.ModelAdmin):
    list_display = ("content_type", "left_id", "right_id", "score", "status", "explanation")
    list_filter = ("status", "content_type")
