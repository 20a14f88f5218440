"""Follow-ups: actions someone said they will take, with a due date when given
("host the Lyon youth orchestra in Daegu next year" -> due the next year)."""

from __future__ import annotations

import re

from .context import Context, FollowUpCand, PersonCand
from .dates import SPECIFICITY, find_dates

_ACTION = re.compile(
    r"\b(?:(?:aspiration|plans?|hopes?|intends?|agreed|promised|pledged|proposed|decided) to|will)\s+"
    r"(?P<action>(?:invite|visit|hold|host|sign|send|open|launch|form|establish|organi[sz]e|expand|build|"
    r"set up|dispatch|conclude|promote|support|continue)\b[^.;]{3,160})")  # on lower-cased text: no re.I, faster


def find_follow_ups(ctx: Context) -> None:
    for start, end in ctx.sentences:
        sentence = ctx.folded[start:end]
        m = _ACTION.search(ctx.lower, start, end)
        if not m:
            continue
        dates = [d for d in find_dates(ctx.folded, start, end, ctx.published) if d.value]
        due = max(dates, key=lambda d: SPECIFICITY.get(d.kind, 0)).value if dates else None
        if due is None and not re.search(r"\b(next|coming|near future|soon)\b", sentence, re.I):
            continue
        owner = next((it for _, it in ctx.entities_in(start, end) if isinstance(it, PersonCand)), None)
        if owner is None:
            owner = next((it for _, it in ctx.entities_in(start, end)), None)
        action = ctx.folded[m.start("action"):m.end("action")].strip().rstrip(",")
        ctx.follow_ups.append(FollowUpCand(action=action, owner=owner, due=due, evidence=[(start, end)]))
