"""In a real browser: sign in, add a press release, accept its claims, find and see the new engagement;
an editor refused another city's record; hostile article HTML shown as inert text; Korean pages."""

import re

import pytest

from tests.e2e.conftest import shot, sign_in

pytestmark = pytest.mark.e2e

# Written for these tests in the style of a city's press release.
RELEASE = """Changwon and Kawasaki Strengthen Hydrogen Energy Cooperation

Hong Nam-pyo, the Mayor of Changwon, and Norihiko Fukuda, the Mayor of Kawasaki, held a meeting at Changwon City Hall on Wednesday at 3 p.m.

The two mayors discussed cooperation in hydrogen energy, port logistics and youth exchanges between the two cities.

Mayor Hong proposed that the cities hold a joint hydrogen forum in Kawasaki next year.

Mayor Hong emphasized the importance of the Friendship City Agreement between Changwon and Kawasaki, signed in October 2016.
"""

HOSTILE = """<h2>Yeosu welcomes Cebu delegation</h2>
<script>document.body.innerHTML = "HACKED"; window.pwned = true;</script>
<p>The Mayor of Yeosu met a delegation from Cebu at Yeosu City Hall on 3 April 2025.</p>
<img src="x" onerror="window.pwned = true">
"""


def test_press_release_to_registry_search_timeline_and_map(page, site):
    from amity.registry.models import Engagement, Place

    sign_in(page, site, "officer")
    shot(page, "01-dashboard")

    # Paste a press release and preview what Amity reads.
    page.click("text=Documents")
    page.click("text=Add a press release")
    page.fill("#id_text", RELEASE)
    page.fill("#id_title", "Changwon and Kawasaki Strengthen Hydrogen Energy Cooperation")
    page.fill("#id_published", "2025-06-11")
    page.click("button[value=preview]")
    page.wait_for_selector("text=Nothing is saved yet")
    assert page.locator("article.claim").count() >= 5
    assert page.locator("mark.evidence").count() >= 3
    shot(page, "02-preview")

    # Save: the document page shows the article with its evidence and the claims beside it.
    page.click("button[value=save]")
    page.wait_for_selector("#h-article")
    assert page.locator("mark.evidence").count() >= 3
    assert page.locator("article.claim.pending").count() >= 5
    shot(page, "03-document")

    # Accept one claim inline (htmx), then the rest in bulk.
    first = page.locator("article.claim.pending").filter(has_text="Changwon").first
    first.locator("button", has_text="Accept").click()
    page.wait_for_selector("article.claim.accepted")
    page.click("button:has-text('Accept all pending')")
    page.click("button:has-text('Yes, accept them')")  # bulk decisions say what they do and ask first
    page.wait_for_selector(".messages >> text=Accepted")
    assert page.locator("article.claim.pending").count() == 0
    shot(page, "04-document-accepted")

    changwon = Place.objects.get(name="Changwon", country_code="KR")
    engagement = Engagement.objects.get(place=changwon, type="meeting")

    # Find it through search.
    page.fill("#top-q", "Kawasaki")
    page.press("#top-q", "Enter")
    page.wait_for_selector("#results li")
    page.select_option("select[name=kind]", "engagement")
    page.wait_for_selector(f"#results a[href='/engagements/{engagement.pk}/']")
    shot(page, "05-search")
    page.click(f"#results a[href='/engagements/{engagement.pk}/']")
    page.wait_for_selector("text=Participants")
    assert page.locator("a.evidence-link").count() >= 1  # facts link to their sentences
    shot(page, "06-engagement")

    # The evidence link leads to the highlighted sentence.
    page.locator("a.evidence-link").first.click()
    page.wait_for_selector("mark.evidence.current")

    # On the place's page: the timeline and the map of partners.
    page.goto(f"{site}/places/{changwon.pk}/")
    timeline = page.locator("section:has(#h-timeline)")
    assert timeline.locator(f"a[href='/engagements/{engagement.pk}/']").count() >= 1
    assert timeline.locator("svg.timeline circle").count() >= 1
    partners = page.locator("section:has(#h-partners)")
    assert partners.locator("text=Kawasaki").count() >= 1
    assert page.locator("svg.map circle.city.home").count() == 1
    assert page.locator("svg.map a:has(circle.city) text", has_text="Kawasaki").count() == 1
    assert page.locator("svg.map path.country.partner").count() >= 1  # Japan
    shot(page, "07-place-changwon")

    # The other main pages, for a person to look at.
    busan = Place.objects.get(name="Busan", country_code="KR")
    for name, path in (("08-place-busan", f"/places/{busan.pk}/"), ("09-pictures", "/pictures/"),
                       ("10-review-inbox", "/review/"), ("11-agreements", "/agreements/"),
                       ("12-alliance", "/alliances/"), ("13-person", "/people/")):
        page.goto(site + path)
        if name == "12-alliance":
            page.click("text=Haeoreum Alliance")
        if name == "13-person":
            page.click("text=Heong-jun Park")
        shot(page, name)
    page.goto(f"{site}/history/engagement/{engagement.pk}/")
    assert page.locator("text=user:officer").count() >= 1
    shot(page, "14-history")


def test_an_editor_of_one_city_is_refused_another_citys_record(page, site):
    from amity.registry.models import Agreement, Alliance

    sign_in(page, site, "pohang")
    busan_koper = Agreement.objects.get(title__contains="Koper")
    page.goto(f"{site}/agreements/{busan_koper.pk}/")
    assert page.locator("a.btn", has_text="Edit").count() == 0
    response = page.goto(f"{site}/edit/agreement/{busan_koper.pk}/")
    assert response.status == 403
    shot(page, "15-editor-refused")
    # Their own city's alliance is theirs to edit.
    haeoreum = Alliance.objects.get(name="Haeoreum Alliance")
    page.goto(f"{site}/alliances/{haeoreum.pk}/")
    page.click("a.btn:has-text('Edit')")
    page.fill("#id_purpose", "Joint development of Pohang, Ulsan and Gyeongju.")
    page.click("button:has-text('Save')")
    page.wait_for_selector(".messages >> text=Saved")
    assert "Joint development of Pohang" in page.content()


def test_article_html_and_script_are_inert_text(page, site):
    sign_in(page, site, "chief")
    page.goto(f"{site}/documents/new/")
    page.fill("#id_text", HOSTILE)
    page.click("button[value=preview]")
    page.wait_for_selector("text=Nothing is saved yet")
    page.click("button[value=save]")
    page.wait_for_selector("#article")
    assert page.evaluate("window.pwned === undefined")
    assert "HACKED" not in page.locator("body").inner_text()[:200]
    article = page.locator("#article")
    assert "<script>" in article.inner_text()  # shown as text
    assert article.locator("script, img, h2, p").count() == 0  # not as elements
    shot(page, "16-hostile-article")
    page.goto(f"{site}/search/?q=HACKED")
    assert page.evaluate("window.pwned === undefined")


def test_korean_pages(page, site):
    sign_in(page, site, "viewer")
    page.select_option("#lang", "ko")
    page.wait_for_selector("html[lang=ko]")
    assert page.locator("h1", has_text="대시보드").count() == 1
    shot(page, "17-dashboard-ko")
    page.click("nav.main >> text=지역")
    page.fill("form.filters input[name=q]", "부산")
    page.press("form.filters input[name=q]", "Enter")
    page.click("td a:has-text('부산')")
    assert re.search(r"2023년 6월 22일", page.content())
    shot(page, "18-place-busan-ko")
