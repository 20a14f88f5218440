"""The schema is at a stable URL and the interactive docs load only Amity's own assets."""

import re

from django.contrib.staticfiles import finders


def test_openapi_schema_is_stable_and_complete(db, anonymous):
    schema = anonymous.get("openapi.json").json()
    assert schema["openapi"].startswith("3.")
    assert schema["info"]["title"] == "Amity API"
    paths = schema["paths"]
    for path in ("/api/v1/places", "/api/v1/agreements/{id}/parties", "/api/v1/documents/upload",
                 "/api/v1/claims/{id}/accept", "/api/v1/review/merge", "/api/v1/review/decisions/{id}/undo",
                 "/api/v1/search", "/api/v1/export", "/api/v1/teams/{id}/members"):
        assert path in paths, path
    assert schema["components"]["securitySchemes"]["TokenOrSession"]["scheme"] == "bearer"
    operation_ids = [op["operationId"] for item in paths.values() for op in item.values()]
    assert len(operation_ids) == len(set(operation_ids))


def test_docs_use_local_assets_only(db, anonymous):
    html = anonymous.get("docs").content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources and all(source.startswith("/static/") for source in sources), sources
    assert "cdn" not in html.lower()
    assert '"validatorUrl": null' in html  # no call to validator.swagger.io
    for source in sources:
        assert finders.find(source.removeprefix("/static/")), source  # shipped inside django-ninja


def test_index_unknown_paths_and_wrong_methods_answer_json(db, anonymous):
    index = anonymous.get("/api/v1/")
    assert index.status_code == 200 and index.json()["openapi"].endswith("/api/v1/openapi.json")
    missing = anonymous.get("nothing/here")
    assert missing.status_code == 404 and missing.json()["detail"].startswith("no such API endpoint")
    wrong = anonymous.client.put("/api/v1/places")
    assert wrong.status_code == 405 and "not allowed" in wrong.json()["detail"]
    assert "GET" in wrong["Allow"] and "POST" in wrong["Allow"]
