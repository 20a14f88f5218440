from django.urls import path

from amity.portfolio.views import followups, imports, meetings, overview, reports

app_name = "portfolio"

urlpatterns = [
    path("", overview.index, name="index"),
    path("projects/<slug:kind>/<int:pk>/", overview.portfolio, name="portfolio"),
    path("projects/<slug:kind>/<int:pk>/years/", overview.years, name="years"),
    path("meetings/", meetings.meeting_list, name="meetings"),
    path("meetings/<int:pk>/", meetings.meeting, name="meeting"),
    path("follow-ups/", followups.follow_up_list, name="follow-ups"),
    path("follow-ups/<int:pk>/mark/", followups.mark, name="follow-up-mark"),
    path("calendar/", followups.calendar_page, name="calendar"),
    path("calendar/reset/", followups.calendar_reset, name="calendar-reset"),
    path("calendar/<str:key>.ics", followups.feed, name="feed"),
    path("reports/", reports.report_index, name="reports"),
    path("reports/city/", reports.city_pick, name="city-report-pick"),
    path("reports/city/<int:pk>/", reports.city, name="city-report"),
    path("reports/<slug:kind>/<int:pk>/", reports.progress, name="progress-report"),
    path("imports/", imports.imports_index, name="imports"),
    path("imports/<slug:kind>/<slug:target_kind>/<int:pk>/", imports.import_page, name="import"),
    path("exports/<slug:kind>/<slug:target_kind>/<int:pk>/", imports.export, name="export"),
]
