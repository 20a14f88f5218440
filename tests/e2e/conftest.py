"""End-to-end tests: Amity served by pytest-django's live server, driven in Debian's headless chromium.

The browser is the system's /usr/bin/chromium (scripts/install-chromium.sh installs it); Playwright
never downloads one. Tests are skipped when chromium or playwright is missing. Screenshots of the
main pages go to $AMITY_SCREENSHOTS (default var/screenshots).
"""

import os
import shutil
from pathlib import Path

import pytest

# Playwright's sync API keeps an event loop in this thread; the ORM calls the tests make
# between browser steps are ordinary synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("AMITY_CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = Path(os.environ.get("AMITY_SCREENSHOTS", Path(__file__).resolve().parents[2] / "var" / "screenshots"))
PASSWORD = "e2e-password-1"


@pytest.fixture(scope="session")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        pytest.skip(f"{CHROMIUM} is missing: run scripts/install-chromium.sh")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def _restore_reference_data(django_db_blocker):
    """Live-server tests empty the database after each test; put the reference gazetteer back afterwards."""
    yield
    from amity.registry.reference import load_reference_data

    with django_db_blocker.unblock():
        load_reference_data()


@pytest.fixture
def site(_restore_reference_data, live_server, transactional_db):
    """The live server with reference data, the demo registry and users of each role."""
    import json
    from importlib import resources

    from django.contrib.auth import get_user_model

    from amity.accounts.models import Profile
    from amity.registry.models import Place
    from amity.registry.reference import load_reference_data
    from amity.transfer import import_registry

    load_reference_data()
    import_registry(json.loads(resources.files("amity").joinpath("demo/registry.json").read_text("utf-8")),
                    actor="bot:demo")
    users = get_user_model().objects
    for name, role, scope in (("officer", "editor", None), ("pohang", "editor", "Pohang"),
                              ("viewer", "viewer", None)):
        user = users.create_user(name, password=PASSWORD)
        profile = Profile.objects.create(user=user, role=role)
        if scope:
            profile.scope_places.set([Place.objects.get(name=scope, country_code="KR")])
    users.create_superuser("chief", "chief@example.org", PASSWORD)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return live_server.url


@pytest.fixture
def page(browser, site):
    context = browser.new_context(viewport={"width": 1360, "height": 900}, locale="en-US")
    page = context.new_page()
    page.set_default_timeout(20_000)
    # The policy refuses inline styles and scripts: anything a page still has of them shows up here.
    refused = []
    page.on("console", lambda message: refused.append(message.text)
            if "Content Security Policy" in message.text else None)
    yield page
    context.close()
    assert not refused, f"the Content-Security-Policy refused parts of a page: {refused[:3]}"


def sign_in(page, base: str, username: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")


def shot(page, name: str) -> None:
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
