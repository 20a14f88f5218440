"""The interactive API docs render in headless Chromium with every outside request blocked."""

import os
import shutil
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright keeps an event loop in this thread
CHROMIUM = os.environ.get("AMITY_CHROMIUM", "/usr/bin/chromium")


@pytest.fixture
def served(live_server, transactional_db, django_db_blocker):
    """The live server (its own connection, hence a transactional database)."""
    yield live_server.url
    # The flush after a transactional test empties the reference gazetteer; later tests need it.
    from amity.registry.reference import load_reference_data

    with django_db_blocker.unblock():
        load_reference_data()


def test_swagger_ui_works_offline(served):
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        pytest.skip(f"{CHROMIUM} is missing: run scripts/install-chromium.sh")
    outside = []

    def only_local(route):
        if route.request.url.startswith(served):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
        page = browser.new_page()
        page.route("**/*", only_local)
        page.goto(f"{served}/api/v1/docs")
        page.wait_for_selector(".opblock-summary", timeout=60_000)
        operations = page.locator(".opblock-summary-path").all_inner_texts()
        browser.close()
    assert any("/api/v1/agreements/{id}/parties" in text.replace("\u200b", "") for text in operations)
    assert outside == []
