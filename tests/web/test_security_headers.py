"""Every page carries a strict Content-Security-Policy; pages have no inline scripts or handlers."""

import re
from pathlib import Path

import pytest
from django.test import Client

TEMPLATES = Path(__file__).resolve().parents[2] / "src" / "amity"


@pytest.mark.django_db
def test_pages_and_api_send_the_policy():
    client = Client()
    for path in ("/accounts/login/", "/api/v1/openapi.json", "/api/v1/docs"):
        response = client.get(path)
        policy = response["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
        assert "unsafe-eval" not in policy and "unsafe-inline" not in policy  # no inline scripts, styles
        assert response["X-Content-Type-Options"] == "nosniff"


def test_templates_have_no_inline_scripts_or_event_handlers():
    offending = []
    for template in TEMPLATES.glob("*/templates/**/*.html"):
        text = template.read_text(encoding="utf-8")
        for script in re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", text):
            if "application/json" not in script:  # data blocks are not run
                offending.append(f"{template.name}: inline <script>")
        if re.search(r"\son[a-z]+=\"", text):
            offending.append(f"{template.name}: inline event handler")
        if re.search(r"\sstyle=[\"']", text):  # the policy refuses them: the browser would drop the layout
            offending.append(f"{template.name}: inline style attribute")
    assert not offending, offending


def test_drawn_pictures_have_no_style_attributes():
    from amity.web.pictures import MapPoint, world_map

    svg = world_map([MapPoint(name="Pohang", lon=129.37, lat=36.02, home=True, url="/places/1/"),
                     MapPoint(name="Koper", lon=13.73, lat=45.55, home=False, url="/places/2/")], countries={"SI"},
                    home_countries={"KR"}, title="Partners")
    assert "style=" not in svg and 'stroke-width="' in svg


def test_https_settings_behind_a_proxy(tmp_path):
    import os
    import subprocess
    import sys

    code = ("import django, os; os.environ['DJANGO_SETTINGS_MODULE']='amity.settings'; django.setup(); "
            "from django.conf import settings as s; "
            "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS > 0, s.SECURE_PROXY_SSL_HEADER)")
    env = {**os.environ, "AMITY_HOME": str(tmp_path), "AMITY_HTTPS": "1"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert out.stdout.split() == ["True", "True", "True", "('HTTP_X_FORWARDED_PROTO',", "'https')"], out.stderr
