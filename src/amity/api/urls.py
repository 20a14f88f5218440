"""Mounted at /api/v1/ by amity.urls; unknown API paths answer JSON 404, not an HTML page."""

from django.http import JsonResponse
from django.urls import path, re_path

from amity.api.main import api


def not_found(request, rest=""):
    return JsonResponse({"detail": f"no such API endpoint: {request.path}"}, status=404)


urlpatterns = [
    path("", api.urls),
    re_path(r"^(?P<rest>.*)$", not_found),
]
