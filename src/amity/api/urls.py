"""Mounted at /api/v1/ by amity.urls. Every answer is JSON, including unknown paths and methods."""

import functools

from django.http import JsonResponse
from django.urls import path, re_path

from amity.api.main import api


def index(request):
    return JsonResponse({"name": "Amity API", "version": api.version, "docs": request.build_absolute_uri("docs"),
                         "openapi": request.build_absolute_uri("openapi.json")})


def not_found(request, rest=""):
    return JsonResponse({"detail": f"no such API endpoint: {request.path}"}, status=404)


def _json_405(view):
    """ninja answers a wrong method with plain text; keep its Allow header, answer JSON."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code == 405 and not response.get("Content-Type", "").startswith("application/json"):
            allowed = response.get("Allow")
            response = JsonResponse({"detail": f"method {request.method} not allowed here"}, status=405)
            if allowed:
                response["Allow"] = allowed
        return response

    return wrapper


# (Not named app_name: include() would read that as this module's namespace.)
api_patterns, ninja_app, ninja_namespace = api.urls
for pattern in api_patterns:
    pattern.callback = _json_405(pattern.callback)

urlpatterns = [
    path("", index, name="api-index"),
    path("", (api_patterns, ninja_app, ninja_namespace)),
    re_path(r"^(?P<rest>.*)$", not_found),
]
