"""The curl examples in docs/api.md, run in order against the app (demo data, an admin token)."""

import re
import shlex
from pathlib import Path
from urllib.parse import urlsplit

from django.core.files.uploadedfile import SimpleUploadedFile

DOC = Path(__file__).resolve().parents[2] / "docs" / "api.md"
UPLOAD = b"<html><body><p>Pohang, Ulsan and Gyeongju held a Haeoreum Alliance workshop in Gyeongju.</p></body></html>"


def examples() -> list[tuple[str, int | None]]:
    found = []
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if line.startswith("curl "):
            expected = re.search(r"#\s*->\s*(\d{3})", line)
            found.append((line.split("  #")[0], int(expected.group(1)) if expected else None))
    return found


FIRST_ID = re.compile(r"/(engagements|claims|decisions)/(\d+)")


def _as_in_this_database(match) -> str:
    """The docs count ids from 1, as in a fresh installation; sequences here may have moved on."""
    from amity.registry.models import Engagement
    from amity.review.models import Decision
    from amity.sources.models import Claim

    model = {"engagements": Engagement, "claims": Claim, "decisions": Decision}[match.group(1)]
    first = model.objects.order_by("pk").values_list("pk", flat=True).first() or 1
    return f"/{match.group(1)}/{first + int(match.group(2)) - 1}"


def run(api, command: str):
    words = shlex.split(command.replace("$TOKEN", api.key))
    method, headers, data, files, url = "get", {}, None, {}, None
    index = 1
    while index < len(words):
        word = words[index]
        if word in ("-X", "-H", "-d", "-F", "-o"):
            value = words[index + 1]
            index += 2
            if word == "-X":
                method = value.lower()
            elif word == "-H":
                name, _, header = value.partition(": ")
                headers[name] = header
            elif word == "-d":
                data = value
                method = "post" if method == "get" else method
            elif word == "-F":
                name, _, field = value.partition("=")
                files[name] = SimpleUploadedFile(field[1:], UPLOAD, "text/html") if field.startswith("@") else field
                method = "post"
            continue
        if not word.startswith("-"):
            url = word
        index += 1
    parts = urlsplit(url)
    path = FIRST_ID.sub(_as_in_this_database, parts.path) + (f"?{parts.query}" if parts.query else "")
    content_type = headers.pop("Content-Type", None)
    if files:
        return api.client.post(path, data=files, headers=headers)
    if data is not None:
        return getattr(api.client, method)(path, data=data, content_type=content_type, headers=headers)
    return getattr(api.client, method)(path, headers=headers)


def test_documented_examples_work(demo, user_api):
    api = user_api("admin")
    api.key = api.headers["Authorization"].removeprefix("Bearer ")
    commands = examples()
    assert len(commands) >= 12
    for command, expected in commands:
        response = run(api, command)
        if expected:
            assert response.status_code == expected, (command, response.content[:500])
        else:
            assert response.status_code in (200, 201, 204), (command, response.content[:500])
        assert response["Content-Type"].startswith("application/json")


def test_documented_error_message(demo, admin_api):
    response = admin_api.post("engagements", {"type": "meeting", "date": "2024-02-30"})
    assert response.status_code == 422
    assert response.json()["detail"].startswith("date: ")
    assert "February 2024" in response.json()["detail"]
