"""In a Korean session a place page and its city report show no English choice label (types,
statuses, kinds) and name places by their Korean alias (부산, not Busan); the history tab says what changed in Korean."""

import re

import pytest

from tests.e2e.conftest import sign_in

pytestmark = pytest.mark.e2e

# the cells where choice labels and record names are shown
SHOWN = "td, dd, th, h1, .badge, li a"


def _texts(page) -> set[str]:
    return {text.strip().lower() for text in page.eval_on_selector_all(SHOWN, "els => els.map(e => e.innerText)")}


def test_place_page_and_city_report_in_korean(page, site):
    from amity.extract import codes
    from amity.registry.models import Agreement, Place

    english_labels = {label.lower() for table in (codes.EVENT_TYPES, codes.AGREEMENT_TYPES, codes.AGREEMENT_STATUSES,
                                          codes.ORGANIZATION_KINDS, codes.PLACE_KINDS) for label in table.values()}
    busan = Place.objects.get(name="Busan", country_code="KR")
    assert any(re.search("[가-힣]", alias) for alias in busan.aliases)

    sign_in(page, site, "viewer")
    page.select_option("#lang", "ko")
    page.wait_for_selector("html[lang=ko]")

    page.goto(f"{site}/places/{busan.pk}/")
    assert page.locator("h1").first.inner_text().startswith("부산")
    shown = _texts(page)
    assert "자매도시" in shown or "우호협력도시" in shown  # Busan's partners are listed with their type
    assert shown & english_labels == set()
    assert "busan" not in shown

    page.goto(f"{site}/portfolio/reports/city/{busan.pk}/")
    assert "부산" in page.locator("h1").first.inner_text()
    assert "국제교류 보고서" in page.locator("h1").first.inner_text()
    shown = _texts(page)
    assert shown & english_labels == set()

    agreement = Agreement.objects.filter(parties__place=busan).first()
    page.goto(f"{site}/history/agreement/{agreement.pk}/")
    actions = {text.strip() for text in page.eval_on_selector_all("td .badge", "els => els.map(e => e.innerText)")}
    assert actions and actions <= {"생성", "수정", "삭제"}
    kinds = page.eval_on_selector_all("td:has(.badge)", "els => els.map(e => e.innerText)")
    assert any(text.startswith("생성 협정") for text in kinds)  # the kind of record, not "agreement"


# Where English is expected in a Korean session: the language menu names English in English, and
# msgids that read the same in both languages (codes, names such as "GeoNames ID").
_PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")


def _english_messages() -> tuple[set[str], list[re.Pattern]]:
    """Every English message of the Korean catalogs whose translation differs from it: exact texts, and
    patterns for the messages with placeholders (a placeholder stands for any text)."""
    from babel.messages.pofile import read_po

    from tests.test_translations import KOREAN_CATALOGS

    exact, patterns = set(), []
    for po_path in KOREAN_CATALOGS:
        with po_path.open("rb") as handle:
            for message in read_po(handle, locale="ko"):
                ids = message.id if isinstance(message.id, tuple | list) else (message.id,)
                strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
                for msgid in ids:
                    if not msgid or msgid in strings or not re.search("[A-Za-z]{2}", _PLACEHOLDER.sub("", msgid)):
                        continue
                    if _PLACEHOLDER.search(msgid):
                        literal = [re.escape(_normal(part)) for part in _PLACEHOLDER.split(msgid)]
                        if sum(len(part) for part in literal) >= 8:  # "%(a)s: %(b)s" says nothing English
                            patterns.append(re.compile(".+?".join(literal), re.I))
                    else:
                        exact.add(_normal(msgid).lower())
    return exact, patterns


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("%%", "%")).strip().rstrip(":…").strip()


# the texts a reader sees: every text node, and the attributes that are read aloud or shown
_SHOWN_TEXTS = """() => {
  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const parent = walker.currentNode.parentElement;
    if (parent && !parent.closest("script, style, template, pre, .evidence, .article-text")) texts.push(walker.currentNode.textContent);
  }
  // Django's admin writes its search icon's alt text in English in its own template
  for (const el of document.querySelectorAll("[placeholder], [title], [aria-label], [alt]:not(#changelist-search img), input[type=submit]")) {
    for (const name of ["placeholder", "title", "aria-label", "alt", "value"]) {
      if (el.hasAttribute(name) && (name !== "value" || el.type === "submit")) texts.push(el.getAttribute(name));
    }
  }
  return texts;
}"""


def _english_left(page, exact, patterns) -> set[str]:
    left = set()
    for text in page.evaluate(_SHOWN_TEXTS):
        shown = _normal(text)
        if not shown or not re.search("[A-Za-z]", shown) or re.fullmatch("[A-Z]{2,3}", shown):
            continue  # no letters, or a code (KR, NO …): not a message
        if shown.lower() in exact or any(pattern.fullmatch(shown) for pattern in patterns):
            left.add(shown)
    return left


def test_main_pages_history_and_reports_leave_no_english_message(page, site):
    """Walks the main pages as an editor in a Korean session: no text on them is one of the English
    messages the catalogs translate (a label, a heading, a button, an empty state, a choice)."""
    from amity.registry.models import Agreement, Alliance, Engagement, Organization, Person, Place

    exact, patterns = _english_messages()
    assert len(exact) > 300  # the check is built from the catalogs, not a few words
    busan = Place.objects.get(name="Busan", country_code="KR")
    agreement = Agreement.objects.filter(parties__place=busan).first()
    alliance, engagement = Alliance.objects.first(), Engagement.objects.first()
    person, organization = Person.objects.first(), Organization.objects.first()

    sign_in(page, site, "chief")
    page.select_option("#lang", "ko")
    page.wait_for_selector("html[lang=ko]")
    paths = ["/", "/places/", f"/places/{busan.pk}/", "/agreements/", f"/agreements/{agreement.pk}/",
             "/alliances/", f"/alliances/{alliance.pk}/", "/engagements/", f"/engagements/{engagement.pk}/",
             "/people/", f"/people/{person.pk}/", "/organizations/", f"/organizations/{organization.pk}/",
             "/projects/", "/documents/", "/review/", "/review/duplicates/", "/search/?q=부산",
             f"/history/agreement/{agreement.pk}/", f"/history/place/{busan.pk}/",
             f"/edit/agreement/{agreement.pk}/", "/portfolio/", "/portfolio/meetings/", "/portfolio/follow-ups/",
             "/portfolio/reports/", f"/portfolio/reports/city/{busan.pk}/", f"/portfolio/reports/alliance/{alliance.pk}/",
             "/tokens/", "/admin/", "/admin/registry/agreement/", f"/admin/registry/agreement/{agreement.pk}/change/"]
    korean_members = [alias for member in alliance.members.select_related("place") if member.place
                      for alias in member.place.aliases[:1] if re.search("[가-힣]", alias)]
    page.goto(f"{site}/alliances/{alliance.pk}/")
    body = page.locator("main").inner_text()
    assert korean_members and all(alias in body for alias in korean_members)  # member cities by their Korean names
    left = {}
    for path in paths:
        page.goto(f"{site}{path}")
        assert page.locator("html").get_attribute("lang") == "ko", path
        if english := _english_left(page, exact, patterns):
            left[path] = sorted(english)
    assert left == {}, "\n".join(f"{path}: {texts}" for path, texts in left.items())
