"""Word patterns the event reader uses: triggers per event type, and the phrases that
mark background, plans, references back to an event, attendance and venues."""

from __future__ import annotations

import re

import ahocorasick

from . import vocab

# The trigger words are data (lang/en/event_triggers.json); matched on lower-cased text (no re.I:
# much faster on long alternations).
_TRIGGER_DATA = vocab.load("en", "event_triggers")["types"]
TRIGGERS: list[tuple[str, re.Pattern[str]]] = [(entry["type"], re.compile("|".join(entry["words"])))
                                               for entry in _TRIGGER_DATA]
# one leading \b outside the alternation: positions inside words fail once, not once per trigger
ANY_TRIGGER = re.compile(r"\b(?:" + "|".join(f"(?P<{t}>{p.pattern})" for t, p in TRIGGERS) + ")")
# the stems one of which a sentence must contain to hold a trigger, found by one Aho-Corasick pass
# (several times faster than a regular expression of 50 alternatives, run on every sentence)
_TRIGGER_STEMS = ahocorasick.Automaton()
for _stem in sorted({stem for entry in _TRIGGER_DATA for stem in entry["stems"]}):
    _TRIGGER_STEMS.add_word(_stem, _stem)
_TRIGGER_STEMS.make_automaton()


def maybe_trigger(low: str) -> bool:
    """Whether the lower-cased sentence contains a trigger's stem (cheap test before ANY_TRIGGER)."""
    return next(_TRIGGER_STEMS.iter(low), None) is not None


SIGNED_BEFORE = re.compile(r"\b(?:agreement|mou|memorandum|pact|letter of intent)\b[^.;]{0,80},\s(?:which was )?signed\b",
                            re.I)
# the instrument named first and its dated signing told after it, in a relative clause or a participle
# with no "was" ("the MoU ... signed by Governor X and Mayor Y on July 23, 2014", "the agreement that
# signed in March 2019"): the signing is what the instrument is known by, not the occasion reported
SIGNED_PARTICIPLE = re.compile(r"\b(?:agreement|mou|memorandum|pact|letter of intent)\b[^.;]{0,150}?"
                               r"(?:\b(?:which|that) (?:was |were |had been |has been )?|(?<!was )(?<!were )(?<!been )(?<!be )(?<!is ))"
                               r"signed (?:by [^.;]{0,80}? )?(?:on|in) [^.;]{0,20}?\b(?:19|20)\d\d\b", re.I)
# "to look at topics such as the signing of a twinning charter": a signing named as what
# an occasion was about, not the occasion itself (read on the lower-cased words before the trigger)
SUBJECT_MATTER = re.compile(r"\b(?:such as|including|discuss(?:ed|es|ing)?|about|regarding|towards?|"
                            r"prepar(?:e|ed|ing|ations?) for)\s(?:the\s|a\s)?$")
MEETING_OF_FORUM = re.compile(r"\bmeeting of (?:the )?(?:[A-Z][\w-]*\s){1,5}(?:Forum|Conference|Summit|Congress)\b")
CONTINUES = re.compile(r"(?:it|they|he|she|at the|during the|after the|following the|to celebrate|to mark|the (?:ceremony|event|meeting|forum|workshop|program|"
                        r"delegation|visit|trip)|this|there)\b", re.I)
HISTORY = re.compile(r"\b(?:since (?:19|20)\d\d|has had|have had|dates? back|was founded|were established|"
                      r"goes back|over the past|for the past|so far|since then)\b")
BACKGROUND = re.compile(r"\bfirst (?:concluded|became|signed|established|agreed|formed)\b|"
                        r"\bthe first (?:[\w-]+ ){0,3}(?:agreement|memorandum|mou|pact)\b[^.;]{0,80}\bwas signed\b|"
                        r"\b(?:documents|agreements|memorand\w+) (?:[\w ]{0,40})?(?:have|had) been signed\b|"
                        # "the memorandum was originally signed in 1988": the tie's first signing
                        r"\boriginally (?:signed|inked|concluded|established|agreed)\b|"
                        # "Taipei once sought advice ... and Mayor Kwon led a delegation": a past told as background
                        r"(?<=\w )once (?:\w+ly )?(?!(?:a|again|more|every|in|per|or|and|the|it|they|we|he|she|this|that|all|both)\b)[a-z]+\b")
HABITUAL = re.compile(r"\b(?:annual|annually|every year|each year|once a year|alternates?|regularly|"
                       r"(?:have|has) (?:\w+ )?(?:visited|held|staged|joined|hosted)|"
                       # "Gangneung is engaged in exchange programs with Jingzhou": what a city does, no occasion
                       r"(?:is|are|has been|have been) (?:actively )?engaged in)\b")
# "thanked Mayor Park for the visit", "expressed gratitude for their hospitality": the occasion named
# again as what someone is thankful for, not a second one (read on the words before the trigger)
THANKS_FOR = re.compile(r"\b(?:thank(?:ed|s|ing)?|gratitude|grateful|appreciat\w+)\b[^.;]{0,80}?\bfor (?:the |his |her |their |its |this |your |our )?"
                        r"(?:[\w-]+ (?:and )?){0,4}$")
BOTH_SIDES = re.compile(r"\s*(?:the two (?:sides|cities|mayors|leaders|delegations)|both sides|they)\b", re.I)
QUOTED_SENTENCE = re.compile(r"\s*[\"“]")
PRONOUN_SUBJECT = re.compile(r"(?:he|she|the mayor|the governor|the ambassador)\b", re.I)
REFERENCED = re.compile(r"(?:after|following|at|during) the (?:\w+ )?(ceremony|meeting|signing|talks|workshop|forum|visit|event)\b")
# an itinerary told part of a day at a time ("In the afternoon, an event ... will be held"): the day
# of the sentence before
SAME_DAY = re.compile(r"\s*(?:(?:in|during) the (?:morning|afternoon|evening)|that (?:morning|afternoon|evening|night)|"
                      r"later (?:that|the same) day|on the same day)\b", re.I)
PLAN_ONLY = re.compile(r"\b(?:will|would|agreed to|plans? to|intends? to|hopes?|aims? to|could|should|is to|are to|to be|"
                       r"look(?:s|ed|ing)? forward to|"
                       r"(?:is|are) (?:also )?(?:set|scheduled|due|slated) to|"
                       # "Her trip is provisionally scheduled for May."
                       r"(?:is|are) (?:\w+ly )?(?:scheduled|planned) (?:for|in|on))\b")
# the trigger told as done ("signed", "met", "the signing ceremony held on Friday"): a plan word after
# it ("signed an accord that aims to deepen ...", "signed the agreement and agreed to exchange ...")
# is what the occasion is for, not a sign that it is still to come
DONE_TRIGGER = re.compile(r"(?:signed|inked|met|visited|toured|attended|hosted|received|welcomed|travell?ed|arrived|"
                          r"concluded|held talks)\b|[\w-]+(?: ceremony)? (?:(?:was|were) )?(?:held|took place)\b")
ANAPHOR = re.compile(r"\b(?:the|this|that|same) (?:\w+ )?(?:ceremony|meeting|signing|event|visit|workshop|forum|talks|"
                      r"trip|document)\b", re.I)
REFERENCE = re.compile(r"\b(?:after|following|before|during|ahead of|since) (?:the|this|that|its|his|her) (?:\w+ )?$|"
                       r"^\s*on (?:that|this|the same|his|her|their) (?:\w+ )?$")  # "On that trip he met ..."
# A sentence that opens on an occasion already named ("At the meeting, the governor said ...",
# "The talks, which were held on 4 March, ...") tells more about it; "The meeting of the
# Executive Committee ..." names another one.
POINTS_BACK = re.compile(r"\s*(?:(?:at|during) )?the (?:meeting|talks|ceremony|visit|trip|signing)\b"
                         r"(?!\s+(?:of|on|between|with|for)\b)", re.I)
# An occasion someone proposes, asks for or tries to arrange has not taken place ("suggested a
# meeting with the ambassador", "his effort to arrange a visit", "a proposal of signing"); read on
# the lower-cased words just before the trigger.
PROPOSED = re.compile(r"\b(?:(?:suggest(?:s|ed|ing)?|propos(?:e|es|ed|ing)|request(?:s|ed|ing)?(?: for)?|asked for|"
                      r"calls? for|called for|arrange|sought|seek(?:s|ing)?)\san?\s(?:[\w-]+\s)?|"
                      r"(?:proposal|request) (?:of|for) (?:an? |the )?)$")
# An occasion called off, put off or missed has not taken place ("the visit was postponed", "could not
# attend the ceremony", "the trip was put on hold")
CANCELLED = re.compile(r"\b(?:(?:was|were|has been|have been|had been) (?:\w+ )?(?:cancell?ed|postponed|called off|"
                       r"put off|put on hold|suspended|scrapped)|(?:did not|didn['’]t|could not|couldn['’]t|"
                       r"(?:was|were) unable to|failed to) (?:\w+ )?(?:attend|visit|travel|go|come|take place|be held|hold|"
                       r"sign|meet)|put (?:the|our|their|this|his|her) (?:\w+ )?(?:trip|visit|meeting|ceremony|signing|event)s? "
                       r"on hold|had to (?:cancel|postpone|call off))\b")
ANAPHOR_SUBJECT = re.compile(r"(?:the|this) (?:event|workshop|meeting|ceremony|forum|conference|gathering|"
                              r"seminar|festival)\b", re.I)
ATTENDANCE_BEFORE = re.compile(
    r"\b(?:about |over |more than |some |nearly |around |approximately )?(?P<n>\d[\d,]*)\s(?:[\w-]+\s){0,5}?"
    r"(?:attended|took part|participated|gathered|joined)\b")
ATTENDANCE = re.compile(
    r"\b(?:attended by|drew|brought together|gathered|involving|with|of|featuring)\s+(?:over |more than |about |"
    r"some |nearly |around |approximately |up to )?(?P<n>\d[\d,]*)\s+(?:[\w-]+\s){0,3}?(?:people|participants|"
    r"staff|officials|delegates|attendees|students|visitors|guests|members|residents)\b")
VENUE = re.compile(r"\b(?:at|in) (?:the )?(?P<venue>(?:[A-Z][\w'’-]*\s){0,5}(?:Hotel|Hall|Room|room|Center|Centre|"
                    r"Building|Museum|Campus|Stadium|Office|Church|Plaza|Park)(?:['’]s)?(?:\s(?:[A-Z][\w-]*|"
                    r"international \w+ room))*)")
TITLE_CASE_ROOM = re.compile(r"(?:City Hall|Town Hall)")

SECONDARY = ("conference", "ceremony", "festival", "exhibition", "workshop")
DURING = re.compile(r"\b(?:during|at|after|following) the (?:\w+ )?(celebration|ceremony|meeting|forum|conference|"
                     r"festival|talks|event)\b")
DURING_TYPE = {"celebration": "ceremony", "talks": "meeting", "forum": "conference"}
TO_PLACE = re.compile(r"\b(?:visiting|visited|visit to|trip to|travell?ed to|came to|arrived in|stay(?:ed)? in|"
                       r"delegation to)\s(?:the\s)?(?:[A-Z][\w-]*\s){0,3}$")
IN_PLACE = re.compile(r"\b(?:in|at|to)\s(?:the\s)?(?:[A-Z][\w-]*\s){0,4}$")
# counted from the occasion just reported, not from the day of publication
NEXT_DAY = re.compile(r"\b(?:the )?(?:next|following) day\b|\bthe day after\b(?! tomorrow)")
STAY = re.compile(r"\s*(?:(?:during|on) (?:her|his|their|the|that|this) (?:stay|visit|trip)|while (?:there|in)\b)")
ALSO = re.compile(r"\balso (?:attended|visited|met|toured|called on|joined|took part)\b")
# "the Jeonnam delegation", "a delegation of 9 officials from Sichuan": people who travelled;
# not "delegation exchanges" (a field of cooperation)
DELEGATION = re.compile(r"\b(?:[Aa]|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[A-Z][\w-]*(?:['’]s)?) (?:[\w-]+ ){0,3}?"
                        r"delegations?\b(?! (?:and|or|exchanges?|visits)\b)")
LED_BY = re.compile(r"\b(?:led|headed|accompanied|including|comprised of|composed of|consisting of)\b", re.I)
MEMBERS_LISTED = re.compile(r"(?:comprised|composed|consisting) of", re.I)
# an occasion named as the frame of the one reported ("met ... on the sidelines of the regional summit
# on May 4"): the day is the meeting's, the frame is dated by its month
FRAMED_BY = re.compile(r"\b(?:as part of|on the (?:sidelines|margins) of|in the framework of) (?:the |an? |his |her |their )?"
                       r"(?:[\w.'’-]+ ){0,5}?$")
# "as part of the Premier's official visit to Japan", "on the sidelines of the President's state visit":
# the trip the occasion was part of (begun on or before its day)
FRAMING_VISIT = re.compile(r"(?:as part of|on the sidelines of) (?:the |an? |his |her |their )?(?:[\w.'’-]+ ){0,5}?"
                           r"(?:official |state |working )visit")
# Verbs that report a meeting or a visit of their own beside the sentence's main occasion
ALONGSIDE = [
    ("meeting", re.compile(r"\b(?:met|meets|held talks|held a meeting|had a meeting|paid a courtesy call)\b")),
    ("visit", re.compile(r"\b(?:visited|is visiting|was visiting|on an? (?:official |working |two-day |three-day )?visit|"
                         r"during (?:his|her|their|an?) (?:official |working )?visit|" + FRAMING_VISIT.pattern + r")\b")),
]
# a visit paid to a person, the title words before the name allowed ("visited Deputy Governor KIM")
CALL_ON_PERSON = re.compile(r"\b(?:visited|called on|paid (?:a |an )?(?:\w+ )?(?:call|visit) (?:on|to))\s"
                            r"(?:(?:[A-Z][\w.-]*|of|the|for)\s){0,5}$")
# calls paid on several people one after another, each a meeting ("paid courtesy calls on Mayor Kwon and
# on Chairwoman Kim", "met separately with the governor and the speaker")
CALLS_ON_EACH = re.compile(r"\bcourtesy calls (?:on|to)\b|\bmet separately with\b|\bseparate (?:meetings|talks) with\b")
# a site seen during a trip already reported ("They visited Hwaseong Palace", "toured the Jingzhou Museum"):
# part of that trip, not a visit of its own
SITE_VISIT = re.compile(r"\b(?:visit(?:ed|ing)?|toured|went to|stopp?ed at|explored?) (?:the )?(?:[A-Z][\w'’-]*\s){0,4}"
                        r"(?:Palace|Museum|Cent(?:er|re)|Park|Port|Factory|Plant|Temple|Market|Complex|Zone|Campus|"
                        r"Site|Village|Fortress|Tower|Garden|Gallery|Library|Hospital|Farm|Institute|Company|Valley)s?\b")
# the person a visitor called on or met, the title words before the name allowed ("met with Party
# Secretary Hao", "was received by Governor Kim"): a host of the visit
HOST_BEFORE = re.compile(r"\b(?:met(?: with)?|visited|called on|paid (?:a |an )?(?:\w+ )?(?:call|visit) (?:on|to)|"
                         r"(?:welcomed|received|hosted|greeted) by)\s(?:(?:[A-Z][\w.'’-]*|of|the|for)\s){0,5}$")
# a second trip told in the same sentence with a date of its own ("our guests come to us from 2-5 May,
# then we travel to Lindau from 8-11 June")
SECOND_TRIP = re.compile(r"\b(?:and|while|when|then) (?:\w+ ){0,3}?(?:go|goes|went|travel(?:s|led)?|fly|flies|flew|"
                         r"visit(?:s|ed)?) to [A-Z]")
# words in quotation marks: what someone said, not the report's own account of an occasion
QUOTATION = re.compile(r"[\"“][^\"“”]{3,}[\"”]")
# a signing named as what an occasion celebrates ("to mark the day of the signing of the original
# twinning charter", "the 30th anniversary of the signing"): the occasion is a ceremony, not a signing
COMMEMORATES = re.compile(r"\b(?:to mark|marking|marks|to commemorate|commemorating|to celebrate|celebrating|"
                          r"anniversary of)\b[^.;]*\bthe (?:\w+ )?$")
OPEN_QUOTE = re.compile(r"(?:^|(?<=[\s,:(]))[\"“](?=\w)")
CLOSE_QUOTE = re.compile(r"[\"”]")
# a definite occasion still to come, kept though undated ("is set to visit Jingzhou for the
# anniversary", "will hold the signing ceremony"): a plan that names the occasion
OCCASION_TO_COME = re.compile(r"\b(?:is|are) (?:also )?(?:set|scheduled|due|slated) to\b|\b(?:is|are) (?:\w+ly )?scheduled (?:for|in|on)\b|\bwill (?:hold|host|attend|sign|visit|"
                              r"travel|lead|meet)\b|\b(?:upcoming|forthcoming)\b")
