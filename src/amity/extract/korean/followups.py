"""Korean follow-ups: "시는 내년 코페르시 대표단을 부산으로 초청할 계획이다" -> invite, due next year.

The same rule as English (amity.extract.followups): a promise ending with an action word before it,
kept only when a date or a word such as 내년/향후 says it is still to come. Words in lang/ko/followups.json.
"""

from __future__ import annotations

import functools
import re

from .. import vocab
from ..context import Context, FollowUpCand, PersonCand
from .dates import find_dates

# the subject of the clause: the action starts after it ("시는 ", "양 도시는 ")
_SUBJECT = re.compile(r"[가-힣]+(?:은|는)\s")


_QUOTES = re.compile("[\"“”‘’「」]")
# where one clause of a long sentence ends and the next begins (…을 열고, …하며 …)
_CLAUSE_BREAK = re.compile(r"(?:고|며|면서|으며),?\s|,\s")


def _last_clause(sentence: str, start: int, end: int, action_word: re.Pattern) -> int:
    """Where the promised action's clause starts: after the last clause break that still leaves an action word."""
    begin = start
    for m in _CLAUSE_BREAK.finditer(sentence, start, end):
        if action_word.search(sentence, m.end(), end):
            begin = m.end()
    return begin


@functools.cache
def _words() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    words = vocab.load("ko", "followups")
    alternatives = lambda key: "|".join(map(re.escape, sorted(words[key], key=len, reverse=True)))  # noqa: E731
    return (re.compile(alternatives("promise_endings")), re.compile(alternatives("action_words")),
            re.compile(alternatives("soon_words")))


def find_follow_ups(ctx: Context) -> None:
    promise, action_word, soon = _words()
    for start, end in ctx.sentences:
        sentence = ctx.text[start:end]
        ending = promise.search(sentence)
        # a quoted wish ("…하겠다"며) is said, not planned
        if not ending or _QUOTES.search(sentence, 0, ending.start()) or not action_word.search(sentence, 0, ending.start()):
            continue
        subject = _SUBJECT.search(sentence, 0, ending.start())
        clause = _last_clause(sentence, subject.end() if subject else 0, ending.start(), action_word)
        # a date before the clause is background ("2018년 체결된 협약에 이어"); a past one is no due date
        dates = [d for d in find_dates(sentence, clause, ending.start(), ctx.published, True)
                 if not ctx.published or d.value >= ctx.published.isoformat()[:len(d.value)]]
        due = max(dates, key=lambda d: d.precision).value if dates else None
        if due is None and not soon.search(sentence, clause, ending.start()):
            continue
        action = sentence[clause:ending.start()].strip(" ,")
        if len(action) < 4:
            continue
        # the owner is who the subject names (a person anywhere in the sentence, else a name in the subject):
        # the places inside the action are where it happens, not who does it
        people = [item for _, item in ctx.entities_in(start, end) if isinstance(item, PersonCand)]
        named = [item for _, item in ctx.entities_in(start, start + subject.end())] if subject else []
        owner = (people or named or [None])[0]
        ctx.follow_ups.append(FollowUpCand(action=action, owner=owner, due=due, evidence=[(start, end)]))
