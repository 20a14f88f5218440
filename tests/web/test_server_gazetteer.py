"""`amity serve`: each worker has the gazetteer in memory before it answers its first request.

A real server is started on a real data folder; its log says when the worker loaded the
gazetteer and, for every request, whether the gazetteer was loaded when the request came.
"""

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import pytest

AMITY = [sys.executable, "-m", "amity.cli"]
ARTICLE = ("Busan Mayor Park Dong-hyun welcomed a delegation from Fukuoka led by Deputy Mayor Aiko Tanaka on "
           "May 12, 2024. The two cities agreed to hold a joint youth festival next spring.")


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    home = tmp_path_factory.mktemp("amity-serve")
    env = {**os.environ, "AMITY_HOME": str(home), "DJANGO_SUPERUSER_PASSWORD": "gazetteer-check-pass"}
    env.pop("DATABASE_URL", None)
    for command in (["init"], ["manage", "createsuperuser", "--noinput", "--username", "editor",
                               "--email", "editor@example.org"]):
        done = subprocess.run([*AMITY, *command], env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
    return env


def _port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _csrf(opener, url: str) -> str:
    with opener.open(url, timeout=30) as response:
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.read().decode()).group(1)


def test_the_first_preview_finds_the_gazetteer_loaded(home, tmp_path):
    port = _port()
    base = f"http://127.0.0.1:{port}"
    log = (tmp_path / "server.log").open("w+")
    env = {**home, "GUNICORN_CMD_ARGS": "--log-level=debug"}
    server = subprocess.Popen([*AMITY, "serve", "--bind", f"127.0.0.1:{port}", "--workers", "1"], env=env,
                              stdout=subprocess.DEVNULL, stderr=log, text=True)
    try:
        deadline = time.time() + 180
        while "loaded the gazetteer" not in (tmp_path / "server.log").read_text():
            assert server.poll() is None and time.time() < deadline, (tmp_path / "server.log").read_text()
            time.sleep(0.5)
        loaded = re.search(r"loaded the gazetteer in ([\d.]+) s", (tmp_path / "server.log").read_text())
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        token = _csrf(opener, base + "/accounts/login/")
        opener.open(urllib.request.Request(base + "/accounts/login/", data=urllib.parse.urlencode(
            {"username": "editor", "password": "gazetteer-check-pass", "csrfmiddlewaretoken": token}).encode(),
            headers={"Referer": base + "/accounts/login/"}), timeout=30).read()
        token = _csrf(opener, base + "/documents/new/")
        started = time.perf_counter()
        with opener.open(urllib.request.Request(base + "/documents/new/", data=urllib.parse.urlencode(
                {"text": ARTICLE, "action": "preview", "csrfmiddlewaretoken": token}).encode(),
                headers={"Referer": base + "/documents/new/"}), timeout=60) as response:
            preview, status = response.read().decode(), response.status
        took = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=30)
    text = (tmp_path / "server.log").read_text()
    assert status == 200 and "Fukuoka" in preview
    answers = re.findall(r"gazetteer loaded before (\w+) (\S+): (True|False)", text)
    assert ("POST", "/documents/new/", "True") in answers
    assert answers and all(flag == "True" for _, _, flag in answers), answers  # the very first request too
    assert text.count("loaded the gazetteer") == 1  # one worker, loaded once, at start
    # the preview did not pay the load again (it took seconds at start; extraction alone is far shorter)
    assert took < max(2.0, float(loaded.group(1))), (took, loaded.group(1))
