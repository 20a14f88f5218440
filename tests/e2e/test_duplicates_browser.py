"""In a real browser: the duplicates page, merging two organizations with one click and undoing it,
on a desktop and at 390 px (screenshots: duplicates.png, duplicates-390.png)."""

import pytest

from tests.e2e.conftest import shot, sign_in

pytestmark = pytest.mark.e2e


def test_merge_two_consulates_on_the_duplicates_page_and_undo_it(page, site):
    from amity.registry import models as m
    from amity.registry import services as registry
    from amity.review import duplicates

    busan = m.Place.objects.filter(name="Busan", country_code="KR").order_by("-population").first()
    short = registry.create(m.Organization, name="Chinese Consulate in Busan", kind="consulate", place=busan,
                            actor="user:e2e")
    registry.create(m.Organization, name="Chinese Consulate General in Busan", kind="consulate", place=busan,
                    actor="user:e2e")
    duplicates.record(["organization"])

    sign_in(page, site, "chief")
    page.goto(f"{site}/review/duplicates/?kind=organization")
    card = page.locator("section.duplicate").first
    assert "differ only by 'general'" in card.inner_text()
    shot(page, "duplicates")
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page is {width} px wide at 390 px"
    shot(page, "duplicates-390")
    page.set_viewport_size({"width": 1360, "height": 900})

    page.locator("section.duplicate button[value=keep_right]").first.click()
    page.wait_for_url(f"{site}/review/duplicates/?kind=organization")
    assert "Merged into" in page.inner_text("body")
    page.goto(f"{site}/organizations/{short.pk}/")
    assert "/organizations/" in page.url and page.url.rstrip("/").split("/")[-1] != str(short.pk)

    page.goto(f"{site}/review/duplicates/?kind=organization")
    page.locator("form[action*='/undo/'] button").first.click()
    page.wait_for_url(f"{site}/review/duplicates/?kind=organization")
    assert "Merge undone" in page.inner_text("body")
    assert page.goto(f"{site}/organizations/{short.pk}/").status == 200
