"""Agreements: sister-city and friendship-city relations, MOUs and letters of
intent, cooperation agreements, whether signed, existing or planned.

Read clause by clause: the type comes from the nearest agreement phrase, the
parties from the places (or organizations) of the clause, with the article's
own city as the other party when a clause names only one ("our sister city
Shimonoseki")."""

from __future__ import annotations

import re

from .context import AgreementCand, Context, OrgCand, PlaceCand, name_of
from .dates import SPECIFICITY, find_dates
from .events import main_place

TYPES: list[tuple[str, re.Pattern[str]]] = [(t, re.compile(p, re.I)) for t, p in [
    ("friendship_city", r"friend(?:ly|ship)[- ](?:and[- ])?(?:cooperati(?:ve|on)[- ])?(?:exchange[- ])?"
                        r"(?:city|cities|relations?|partners?|agreement|partnership|province)|friendly exchanges?\b|"
                        r"friendship and cooperation (?:city|partner)s?|friendly[- ]cooperation"),
    ("sister_city", r"sister[- ]?(?:city|cities|province|provinces|relationship|relations|ties|bond|state)|"
                    r"sisterhood|\btwin(?:ning|ned|s)?\b|twin towns?|\bsisters\b"),
    ("mou", r"memorandum of understanding|\bmou\b|letter of intent|\bloi\b|memorandum on\b"),
    ("business_agreement", r"memorandum of agreement|(?:cooperation|business|partnership|exchange|sports exchange|"
                           r"economic) (?:agreement|deal|pact)s?|cooperation deals?|\bagreement\b|\bdeals?\b|\bpact\b"),
]]
_ACTIVE = re.compile(r"\b(?:sign\w*|conclud\w*|agree\w*|became|become|renew\w*|reaffirm\w*|twinned|"
                     r"established|entered|formed|made|partners?|relations?|ties|cities|city|since|is|are|was|"
                     r"provinces?|our|its|pact|has|have|put)\b", re.I)
_PLANNED = re.compile(r"\b(?:will(?: \w+)? (?:sign|conclude|establish|become|enter|be signed)|to sign|set to|due to|plans? to|propos\w+|invited \w+ to (?:enter|become)|"
                      r"could soon|near future|would|upgrad\w+|expected to sign|to become|will be (?:signed|concluded)|"
                      r"to finali[sz]e|first step will)\b", re.I)
_RENEW = re.compile(r"\b(?:renew|reaffirm|re-?sign)\w*", re.I)
_CLAUSE = re.compile(r";|, while |, and (?=[A-Z])|\. ")
_ANAPHORA = re.compile(r"\b(?:the|this|that) (?:agreement|document|pact|memorandum|mou|letter)\b", re.I)
_BOTH = re.compile(r"\b(?:the two (?:cities|sides|municipalities|regions|governments)|both (?:cities|sides))\b", re.I)
_NEG = re.compile(r"\b(?:no such|not yet|nor)\b", re.I)


def find_agreements(ctx: Context) -> None:
    home = main_place(ctx)
    for sentence in ctx.sentences:
        s0, e0 = sentence
        text = ctx.folded[s0:e0]
        if not any(p.search(text) for _, p in TYPES):
            continue
        sentence_dates = [d for d in find_dates(ctx.folded, s0, e0, ctx.published) if d.value]
        pieces = _clauses(text, s0)
        for cs, ce in pieces:
            _read_clause(ctx, sentence, cs, ce, home, sentence_dates)


def _clauses(text: str, offset: int) -> list[tuple[int, int]]:
    out, last = [], 0
    for m in _CLAUSE.finditer(text):
        out.append((offset + last, offset + m.start()))
        last = m.end()
    out.append((offset + last, offset + len(text)))
    return out


def _read_clause(ctx: Context, sentence: tuple[int, int], cs: int, ce: int, home: PlaceCand | None,
                 sentence_dates: list) -> None:
    clause = ctx.folded[cs:ce]
    matches = sorted(((m.start(), t) for t, p in TYPES for m in p.finditer(clause)), key=lambda x: x[0])
    if not matches or not _ACTIVE.search(clause) or _NEG.search(clause):
        return
    types_here = {t for _, t in matches}
    # "sister city agreement in the form of an MoU" is one sister-city agreement
    if len(types_here) > 1 and "business_agreement" in types_here:
        matches = [m for m in matches if m[1] != "business_agreement"] or matches
    places = _unique([it for _, it in ctx.entities_in(cs, ce) if isinstance(it, PlaceCand)])
    orgs = _unique([it for _, it in ctx.entities_in(cs, ce) if isinstance(it, OrgCand) and it.kind != "media"])
    planned = bool(_PLANNED.search(ctx.folded[sentence[0]:sentence[1]]))
    dates = [d for d in sentence_dates if cs - 60 <= d.start < ce + 60] or sentence_dates
    date = max(dates, key=lambda d: SPECIFICITY.get(d.kind, 0)).value if dates else None
    title = _title(ctx.text[cs:ce])
    renewal = bool(_RENEW.search(clause))

    pairs: list[tuple[str, list[object]]] = []
    named_type = any(t != "business_agreement" for _, t in matches) or re.search(
        r"\b(?:cooperation|business|partnership|exchange) agreement|memorandum of agreement", clause, re.I)
    if _ANAPHORA.search(clause) and not named_type and ctx.agreements:
        return  # "signed the agreement at City Hall": the one already read
    if not places and _BOTH.search(clause) and ctx.agreements:
        places = [p for p in ctx.agreements[-1].parties if isinstance(p, PlaceCand)]
    if len(places) >= 3 and len({t for _, t in matches}) == 1 and matches[0][1] in ("sister_city", "friendship_city") \
            and re.search(r"\b(?:has|have|gained|added|with|in)\b", clause):
        subject = places[0]
        pairs = [(matches[0][1], [subject, p]) for p in places[1:]]
    elif len(places) >= 2:
        by_type: dict[str, list[object]] = {}
        if len(types_here - {"business_agreement"}) > 1:
            # "our sister city Shimonoseki and our friendly-cooperation city Osaka"
            anchor = home if home is not None else places[0]
            for p in places:
                if p is anchor:
                    continue
                pos = min(s for s, _ in p.mentions if cs <= s < ce) - cs
                t = max((m for m in matches if m[0] <= pos), default=matches[0], key=lambda m: m[0])[1]
                by_type.setdefault(t, [anchor]).append(p)
            pairs = [(t, parties) for t, parties in by_type.items() if len(parties) == 2] or \
                    [(matches[0][1], places)]
            pairs = [(t, [anchor, p]) for t, parties in by_type.items() for p in parties[1:]]
        else:
            pairs = [(matches[0][1], places if len(places) <= 4 else places[:2])]
    elif len(places) == 1 and home is not None and places[0] is not home:
        pairs = [(matches[0][1], [home, places[0]])]
    elif orgs and len(orgs) >= 2:
        pairs = [(matches[0][1], orgs[:2])]
    elif len(places) == 1 and orgs:
        pairs = [(matches[0][1], [places[0], *orgs[:1]])]
    elif len(places) + len(orgs) >= 1 and matches[0][1] == "business_agreement" and re.search(r"\bsign", clause):
        pairs = [(matches[0][1], places + orgs)]
    for agreement_type, parties in pairs:
        _add(ctx, AgreementCand(type=agreement_type, parties=parties, sentence=sentence, date=date,
                                planned=planned, title=title, evidence=[(cs, ce)]), renewal)


def _title(clause: str) -> str | None:
    m = re.search(r"(?:[A-Z][\w-]*\s(?:(?:of|on|and|to|for)\s)?){1,8}(?:Agreement|Memorandum|Pact|Letter of Intent)"
                  r"(?:\s(?:of|on|to|for)\s(?:[A-Z][\w-]*\s?)+)?", clause)
    return m.group(0).strip() if m else None


def _unique(items: list) -> list:
    out: list = []
    for it in items:
        if all(it is not o for o in out):
            out.append(it)
    return out


def _add(ctx: Context, ag: AgreementCand, renewal: bool) -> None:
    names = {name_of(p) for p in ag.parties}
    for other in ctx.agreements:
        if other.type != ag.type or {name_of(p) for p in other.parties} != names:
            continue
        if renewal and other.date and ag.date and other.date != ag.date:
            continue
        if other.date and ag.date and other.date != ag.date and not (other.planned or ag.planned):
            continue
        other.date = other.date or ag.date
        other.planned = other.planned and ag.planned
        other.title = other.title or ag.title
        other.evidence += ag.evidence
        return
    ctx.agreements.append(ag)
