"""In a real browser, the reviewer's day: paste an article, correct a claim with the typed form (no JSON),
accept and reject in the inbox without a reload (buttons and keyboard), merge two duplicate organizations
and undo it; screenshots of the inbox, the typed form and the duplicates page at desktop and 390 px."""

import time

import pytest

from tests.e2e.conftest import SCREENSHOTS, shot, sign_in

pytestmark = pytest.mark.e2e

# Written for this test in the style of a city's press release.
RELEASE = """Jeonju and Kanazawa Deepen Cultural Exchange

Woo Beom-ki, the Mayor of Jeonju, met Kazuhiro Murayama, the Mayor of Kanazawa, at Jeonju City Hall on Monday.

The two mayors discussed cooperation in culture, tourism and youth exchanges.

Jeonju and Kanazawa signed a sister city agreement in October 2002.

The two cities will hold a joint craft exhibition in Kanazawa next year.
"""


def no_horizontal_overflow(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_review_day_typed_form_inbox_and_duplicates(browser, page, site):
    from amity.registry.models import Engagement, Organization, Place
    from amity.sources.models import Claim, Document

    started = time.time()
    sign_in(page, site, "chief")
    page.goto(f"{site}/documents/new/")
    page.fill("#id_text", RELEASE)
    page.fill("#id_published", "2025-05-13")
    page.click("button[value=save]")
    page.wait_for_selector("#h-article")
    document = Document.objects.get(text__startswith="Jeonju and Kanazawa")
    assert page.locator("h1", has_text="Jeonju and Kanazawa Deepen Cultural Exchange").count() == 1

    # The inbox: this article's claims, sentence by sentence, each with its buttons.
    inbox = f"{site}/review/?document={document.pk}"
    page.goto(inbox)
    assert page.locator("li.claim-row.pending").count() == document.claims.filter(status="pending").count()
    assert page.locator("#shortcuts").count() == 1
    shot(page, "review-01-inbox")

    # Correct the meeting with the typed form: a select box, a partial date, picked participants.
    event = document.claims.get(slot="engagement", value__type="meeting")
    page.locator(f"#row-{event.pk} a[data-key=e]").click()
    page.wait_for_selector("form.claim-form")
    assert page.locator("form.claim-form textarea").count() == 0 or "JSON" not in page.inner_text("form.claim-form")
    assert "advanced: JSON" in page.content()  # offered to the admin only
    page.select_option("select[name=type]", "visit")
    page.fill("input[name=attendance]", "35")
    page.fill("input[name=venue]", "Jeonju City Hall, main conference room")
    participant = page.locator("input[name=participant_2]")
    participant.fill("Kanaz")
    page.wait_for_selector("#dl-participant_2 option", state="attached")
    options = page.eval_on_selector_all("#dl-participant_2 option", "els => els.map(e => e.value)")
    kanazawa = next(value for value in options if value.startswith("Kanazawa ["))
    participant.fill(kanazawa)
    shot(page, "review-02-typed-form")
    page.click("button:has-text('Save and accept')")
    page.wait_for_url(f"{inbox}*")
    event.refresh_from_db()
    assert event.status == "accepted"
    visit = event.linked
    assert isinstance(visit, Engagement) and (visit.type, visit.attendance) == ("visit", 35)
    assert visit.participants.filter(place__name="Kanazawa").exists()

    # Accept and reject in the inbox: the rows change in place, the page is not reloaded.
    page.evaluate("window.sameVisit = true")
    before = page.inner_text("#review-counters")
    follow_up = document.claims.get(slot="follow_up")
    agreement = document.claims.get(slot="agreement")
    # j / k: the next and the previous claim in article order become the current row.
    order = page.evaluate("Array.from(document.querySelectorAll('li.claim-row')).map(row => row.id)")
    current = "document.querySelector('li.claim-row.current') && document.querySelector('li.claim-row.current').id"
    page.locator(f"#{order[0]}").click(position={"x": 4, "y": 4})
    page.keyboard.press("j")
    assert page.evaluate(current) == order[1]
    page.keyboard.press("k")
    assert page.evaluate(current) == order[0]
    # a accepts the current row, r rejects it: in place, without a reload.
    if agreement.status == "pending":
        page.locator(f"#row-{agreement.pk}").click(position={"x": 4, "y": 4})
        page.keyboard.press("a")
        page.wait_for_selector(f"#row-{agreement.pk}.accepted")
    page.locator(f"#row-{follow_up.pk}").click()  # the current row; r rejects it
    page.keyboard.press("r")
    page.wait_for_selector(f"#row-{follow_up.pk}.rejected")
    assert page.evaluate("window.sameVisit === true")
    assert page.inner_text("#review-counters") != before
    assert Claim.objects.get(pk=follow_up.pk).status == "rejected"
    assert Claim.objects.get(pk=agreement.pk).status == "accepted"
    # e opens the current claim's typed form.
    waiting = document.claims.filter(status="pending").order_by("pk").first()
    if waiting is not None:
        page.locator(f"#row-{waiting.pk}").click(position={"x": 4, "y": 4})
        page.keyboard.press("e")
        page.wait_for_selector("form.claim-form")
        assert f"/review/claims/{waiting.pk}/edit/" in page.url

    # Two records of one consulate: found, merged, and the merge undone.
    busan = Place.objects.get(name="Busan", country_code="KR")
    short = Organization.objects.create(name="Chinese Consulate in Busan", kind="consulate", place=busan,
                                        country_code="KR")
    long = Organization.objects.create(name="Chinese Consulate General in Busan", kind="consulate", place=busan,
                                       country_code="KR")
    page.goto(f"{site}/review/duplicates/?kind=organization")
    if page.locator("section.duplicate", has_text="Chinese Consulate General").count() == 0:
        page.click("button:has-text('Look for duplicates now')")
    pair = page.locator("section.duplicate", has_text="Chinese Consulate General")
    pair.wait_for()
    shot(page, "review-03-duplicates")
    pair.locator("button", has_text="Merge, keep").first.click()
    page.wait_for_selector(".messages >> text=Merged into")
    assert Organization.objects.filter(pk__in=[short.pk, long.pk]).count() == 1
    page.locator("section[aria-label='Recent merges'] button", has_text="Undo").first.click()
    page.wait_for_selector(".messages >> text=Merge undone")
    assert Organization.objects.filter(pk__in=[short.pk, long.pk]).count() == 2

    # The same pages on a phone.
    phone = browser.new_context(viewport={"width": 390, "height": 844}, locale="en-US")
    try:
        small = phone.new_page()
        sign_in(small, site, "chief")
        pending = document.claims.filter(status="pending").first()
        for name, path in (("review-04-inbox-390", f"/review/?document={document.pk}"),
                           ("review-05-typed-form-390", f"/review/claims/{pending.pk}/edit/" if pending else "/review/"),
                           ("review-06-document-390", f"/documents/{document.pk}/"),
                           ("review-07-duplicates-390", "/review/duplicates/?kind=organization")):
            small.goto(site + path)
            assert no_horizontal_overflow(small), name
            small.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
    finally:
        phone.close()
    # written by this run where the README says: the inbox, the typed form and the duplicates, both widths
    written = {path.stem for path in SCREENSHOTS.glob("review-*.png") if path.stat().st_mtime >= started - 1}
    assert {"review-01-inbox", "review-02-typed-form", "review-03-duplicates", "review-04-inbox-390",
            "review-05-typed-form-390", "review-07-duplicates-390"} <= written
