"""The decisions the rules take are named rows of codes.DECISIONS with a reason, and every claim
carries one: an event or agreement says which rule took it, a set-aside sentence which rule set it
aside and why. Also: every code a vocabulary file maps words to is a registry choice (a type or kind
added to the data but not to amity.extract.codes would otherwise be stored as "other")."""

from __future__ import annotations

import pathlib
import re

from amity.extract import codes, extract, vocab
from amity.registry.models import Agreement, Engagement, Organization

SRC = pathlib.Path(__file__).resolve().parents[2] / "src" / "amity" / "extract"
# the ways a rule names its decision in the code
_RULE_LITERALS = re.compile(r"""_set_aside\(ctx, "(\w+)"|\brule\s*=\s*"(\w+)"|\.rule = "(\w+)"|"""
                            r"""decisions\.append\(\("\w+", "(\w+)"|\brule: str = "(\w+)"|"planned" if planned else "(\w+)\"""")

PAGE = """News | Press Releases
Busan and Koper sign friendship city agreement

Busan Mayor Park Heong-jun and Koper Mayor Ales Bržan signed a friendship city agreement at Busan City Hall on
June 22, 2023. The two cities have had exchanges since 2013. The Busan Port Authority holds an annual meeting
with the Port of Koper. The two cities will expand exchanges in tourism. "We will visit Koper soon," Mayor Park
said. Mayor Park also suggested a meeting with the Slovenian ambassador. The two cities plan to sign a
memorandum of understanding on port logistics next year.
"""


def test_every_rule_named_in_the_code_is_a_decision_with_a_reason():
    named = set()
    for path in SRC.rglob("*.py"):
        for m in _RULE_LITERALS.finditer(path.read_text(encoding="utf-8")):
            named.add(next(g for g in m.groups() if g))
    assert len(named) >= 10, named  # the scan still sees the rules
    assert named <= set(codes.DECISIONS), named - set(codes.DECISIONS)
    assert all(reason.strip() for reason in codes.DECISIONS.values())


def test_every_claim_carries_its_rule_and_reason():
    result = extract(PAGE, published="2023-06-30")
    assert result.events and result.agreements and result.decisions
    for claim in (*result.events, *result.agreements):
        assert claim.rule in codes.DECISIONS, claim
        assert claim.reason == codes.DECISIONS[claim.rule]
    for decision in result.decisions:
        assert decision.rule in codes.DECISIONS and decision.reason == codes.DECISIONS[decision.rule]
        assert decision.evidence
    assert {"background", "habitual"} & {d.rule for d in result.decisions}


def test_every_code_in_the_vocabulary_is_a_registry_choice():
    en_heads = vocab.load("en", "organization_heads")["heads"]
    assert set(en_heads.values()) <= set(Organization.Kind.values)
    assert {e["type"] for e in vocab.load("en", "event_triggers")["types"]} <= set(Engagement.Type.values)
    assert set(vocab.load("ko", "events")["triggers"].values()) <= set(Engagement.Type.values)
    assert set(vocab.load("ko", "agreements")["types"].values()) <= set(Agreement.Type.values)
    ko_orgs = vocab.load("ko", "organizations")
    assert set(ko_orgs["suffixes"].values()) | set(ko_orgs["alliance_kinds"]) <= set(Organization.Kind.values)


STEPS = {"places", "organizations", "people", "events", "agreements", "alliances", "topics", "followups"}


def test_english_steps_share_helpers_instead_of_importing_each_other():
    for step in STEPS:
        source = (SRC / f"{step}.py").read_text(encoding="utf-8")
        imported = set(re.findall(r"^\s*from \.(\w+) import", source, re.M))
        imported |= {w for line in re.findall(r"^\s*from \. import (.+)$", source, re.M) for w in re.split(r",\s*", line)}
        assert not (imported & STEPS) - {step}, (step, imported & STEPS)
