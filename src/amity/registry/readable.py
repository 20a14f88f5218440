"""Names and sentences a person reads, in their language: claim values, engagement and document
titles, what is known of a position, and change-log values — never dict dumps or internal ids."""

from __future__ import annotations

import re
from functools import cache

from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from amity.core.partialdate import InvalidPartialDate, PartialDate
from amity.extract.vocab import load
from amity.registry import models as m
from amity.registry.choice_labels import choice_label, country_name

_HANGUL = re.compile(r"[\uac00-\ud7a3]")
HEADLINE_LENGTH = 140


def korean() -> bool:
    return (get_language() or "").startswith("ko")


def date_text(value) -> str:
    """"2016", "June 2016", "22 June 2016"; in Korean "2016년 6월 22일"."""
    try:
        date = PartialDate.coerce(value) if value else None
    except (InvalidPartialDate, ValueError, TypeError):
        return str(value)
    if date is None:
        return ""
    if korean():
        return " ".join([f"{date.year}년"] + ([f"{date.month}월"] if date.month else [])
                        + ([f"{date.day}일"] if date.day else []))
    return date.display()


def _partial_date(value) -> PartialDate | None:
    try:
        return PartialDate.coerce(value) if value else None
    except (InvalidPartialDate, ValueError, TypeError):
        return None


def _is(record, model_name: str) -> bool:
    """By the model's name rather than its class, so a data migration's historical models qualify too."""
    return getattr(getattr(record, "_meta", None), "model_name", None) == model_name


def record_name(record) -> str:
    """A record's name; a place's or person's Korean name (from its aliases) in a Korean session."""
    if record is None:
        return ""
    if _is(record, "engagement"):
        return engagement_title(record)
    name = getattr(record, "name", None) or str(record)
    if korean() and _is(record, "place") and record.kind == m.Place.Kind.COUNTRY and record.country_code:
        return country_name(record.country_code)
    if korean():
        native = next((alias for alias in getattr(record, "aliases", None) or [] if _HANGUL.search(alias)), None)
        return native or name
    return name


@cache
def _korean_titles() -> dict[str, str]:
    """English title -> its shortest Korean wording in the Korean title vocabulary ("Mayor" -> 시장)."""
    shortest: dict[str, str] = {}
    for word, title in load("ko", "titles")["titles"].items():
        if title not in shortest or len(word) < len(shortest[title]):
            shortest[title] = word
    return shortest


def title_text(title: str) -> str:
    return _korean_titles().get(title, title) if korean() else title


def position_text(position: m.Position) -> str:
    """"Mayor of Busan" / "부산 시장"."""
    holder = position.of_place or position.of_organization
    if holder is None:
        return title_text(position.title)
    if korean():
        return f"{record_name(holder)} {title_text(position.title)}"
    return _("%(title)s of %(holder)s") % {"title": position.title, "holder": record_name(holder)}


def position_known(position: m.Position) -> str:
    """What is known of a term: its stated start or end, else the articles it was seen in."""
    start, end = getattr(position, "term_start", None), getattr(position, "term_end", None)
    what = position_text(position)
    if start or end:
        if start and end:
            return _("%(what)s from %(start)s to %(end)s") % {"what": what, "start": date_text(start),
                                                             "end": date_text(end)}
        if start:
            return _("%(what)s since %(start)s") % {"what": what, "start": date_text(start)}
        return _("%(what)s until %(end)s") % {"what": what, "end": date_text(end)}
    seen_from, seen_to = position.known_from, position.known_to
    if not seen_from and not seen_to:
        return what
    if not seen_to or not seen_from or seen_from == seen_to:
        return _("seen as %(what)s in articles of %(date)s") % {"what": what,
                                                               "date": date_text(seen_from or seen_to)}
    return _("seen as %(what)s in articles from %(start)s to %(end)s") % {
        "what": what, "start": date_text(seen_from), "end": date_text(seen_to)}


def _latest_position(person: m.Person) -> m.Position | None:
    positions = list(person.positions.all())
    return max(positions, key=lambda p: p.known_to or p.known_from or PartialDate(1000), default=None) \
        if positions else None


def _participant_name(record, host: bool) -> str:
    """"Busan Mayor" for the host side, "the Ambassador of Slovenia" for a guest; a name otherwise."""
    if _is(record, "person"):
        position = _latest_position(record)
        holder = position and (position.of_place or position.of_organization)
        if position is not None and holder is not None:
            if korean():
                return f"{record_name(holder)} {title_text(position.title)}"
            if host:
                return f"{record_name(holder)} {position.title}"
            return _("the %(title)s of %(holder)s") % {"title": position.title, "holder": record_name(holder)}
        if position is not None:
            return f"{record_name(record)} ({title_text(position.title)})"
    return record_name(record)


VERBS = {
    "meeting": lambda: _("%(host)s meets %(guests)s"), "visit": lambda: _("%(host)s visits %(guests)s"),
    "signing": lambda: _("%(host)s and %(guests)s sign an agreement"),
}


def engagement_title(engagement: m.Engagement) -> str:
    """The title a person gave it; else (none, or the one Amity wrote) its name from its facts in the
    reader's language — the stored one is in the article's language."""
    if engagement.title and engagement.title != getattr(engagement, "generated_title", ""):
        return engagement.title
    return facts_title(engagement)


def facts_title(engagement: m.Engagement) -> str:
    """A name from its facts in the active language: "Busan Mayor meets the Ambassador of Slovenia"."""
    records = [p.person or p.organization or p.place for p in engagement.participants.all()]
    records = [r for r in records if r is not None]
    kind = choice_label("engagement", engagement.type)
    if not records:
        where = record_name(engagement.place) if engagement.place_id else ""
        return (_("%(kind)s in %(place)s") % {"kind": kind, "place": where} if where else kind).capitalize()
    people = [r for r in records if _is(r, "person")] or records
    host = next((r for r in people if _home_of(r) == engagement.place_id and engagement.place_id), people[0])
    guests = [r for r in people if r is not host]
    host_name = _participant_name(host, host=True)
    if not guests:
        return _("%(kind)s with %(host)s") % {"kind": kind.capitalize(), "host": host_name}
    guest_names = _(" and ").join(_participant_name(r, host=False) for r in guests[:2])
    verb = VERBS.get(engagement.type, lambda: _("%(host)s and %(guests)s: %(kind)s"))()
    return verb % {"host": host_name, "guests": guest_names, "kind": kind}


def _home_of(record) -> int | None:
    if _is(record, "person"):
        position = _latest_position(record)
        return position.of_place_id if position is not None else None
    return None


def headline(text: str) -> str:
    """An article's headline: its first line of three letters or more (markup dropped), cut at a length
    a list shows; "" when there is none."""
    for line in (text or "").splitlines():
        line = re.sub(r"<[^>]*>", " ", line)
        line = " ".join(line.split())
        if len(line) >= 3:
            return line if len(line) <= HEADLINE_LENGTH else line[:HEADLINE_LENGTH - 1].rstrip() + "…"
    return ""


def document_title(document) -> str:
    """Its title, else its headline, else its address."""
    return document.title or headline(document.text) or document.url or _("untitled document")


# -- claim values as sentences ------------------------------------------------------------------

def _mid(kind: str, value: str | None) -> str:
    """A choice label inside a sentence: "a port authority", not "a Port authority"."""
    label = choice_label(kind, value)
    return label if label.isupper() else label[:1].lower() + label[1:]


def _names(items) -> str:
    return ", ".join(item.get("name", "") for item in items or [] if isinstance(item, dict) and item.get("name"))


def _place(v: dict) -> str:
    kind, country = _mid("place", v.get("kind") or "city"), country_name(v.get("country"))
    if country and v.get("kind") != "country":
        return _("%(name)s, a %(kind)s in %(country)s") % {"name": v.get("name", ""), "kind": kind, "country": country}
    return _("%(name)s, a %(kind)s") % {"name": v.get("name", ""), "kind": kind}


def _country(v: dict) -> str:
    return _("the country %(name)s") % {"name": country_name(v.get("code")) or v.get("name", "")}


def _person(v: dict) -> str:
    title, of = v.get("title"), v.get("of")
    if title and of:
        text = _("%(name)s, %(title)s of %(of)s") % {"name": v.get("name", ""), "title": title_text(title), "of": of}
    elif title:
        text = _("%(name)s, %(title)s") % {"name": v.get("name", ""), "title": title_text(title)}
    else:
        text = v.get("name", "")
    if v.get("to"):
        text += " " + _("(accredited to %(country)s)") % {"country": country_name(v["to"])}
    return text


def _organization(v: dict) -> str:
    kind = _mid("organization", v.get("kind") or "other")
    if v.get("place"):
        return _("%(name)s, a %(kind)s in %(place)s") % {"name": v.get("name", ""), "kind": kind, "place": v["place"]}
    return _("%(name)s, a %(kind)s") % {"name": v.get("name", ""), "kind": kind}


def _engagement(v: dict) -> str:
    parts = [choice_label("engagement", v.get("type")).capitalize()]
    date = _partial_date(v.get("date"))
    if date is not None:
        on = _("on %(date)s") if date.day else _("in %(date)s")
        parts.append(on % {"date": date_text(date)})
    if v.get("time"):
        parts.append(_("at %(time)s") % {"time": v["time"]})
    where = ", ".join(x for x in (v.get("venue"), v.get("place")) if x)
    if where:
        parts.append(_("in %(place)s") % {"place": where})
    if _names(v.get("participants")):
        parts.append(_("with %(names)s") % {"names": _names(v.get("participants"))})
    text = " ".join(parts)
    if v.get("attendance"):
        text += "; " + _("%(n)s attending") % {"n": v["attendance"]}
    if v.get("topics"):
        text += "; " + _("topics: %(topics)s") % {"topics": ", ".join(_field_names(v["topics"]))}
    return text


def _agreement(v: dict) -> str:
    kind = _mid("agreement", v.get("type"))
    status = choice_label("agreement_status", v.get("status") or "signed")
    text = _("%(status)s %(kind)s between %(parties)s") % {"status": status.capitalize(), "kind": kind,
                                                          "parties": _names(v.get("parties")) or "?"}
    if v.get("date"):
        text += ", " + date_text(v["date"])
    return text


def _alliance(v: dict) -> str:
    text = v.get("name", "")
    if _names(v.get("members")):
        text += " " + _("of %(members)s") % {"members": _names(v.get("members"))}
    if v.get("established"):
        text += ", " + _("established %(date)s") % {"date": date_text(v["established"])}
    return text


def _follow_up(v: dict) -> str:
    text = v.get("action", "")
    owner = (v.get("owner") or {}).get("name")
    if owner:
        text = _("%(owner)s: %(action)s") % {"owner": owner, "action": text}
    if v.get("due"):
        text += " (" + _("due %(date)s") % {"date": date_text(v["due"])} + ")"
    return text


def _field_names(codes) -> list[str]:
    fields = {f.code: f for f in m.Field.objects.filter(code__in=list(codes))}
    return [(fields[c].name_ko or fields[c].name) if korean() and c in fields else
            (fields[c].name if c in fields else str(c)) for c in codes]


SENTENCES = {"place": _place, "country": _country, "person": _person, "organization": _organization,
             "engagement": _engagement, "agreement": _agreement, "alliance": _alliance, "follow_up": _follow_up}


def claim_sentence(slot: str, value: dict) -> str:
    """What a claim states, as a sentence ("Meeting on 12 October 2023 in Busan City Hall, Busan, with …")."""
    describe = SENTENCES.get(slot)
    if describe is None or not isinstance(value, dict):
        return ""
    try:
        return describe(value)
    except (AttributeError, TypeError, KeyError, ValueError):
        return ", ".join(f"{key}: {item}" for key, item in value.items() if isinstance(item, str | int | float))


# -- change-log values ----------------------------------------------------------------------------

_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def change_value(value) -> str:
    """A before/after value of the change log as a person reads it: names, dates, lists — no dumps."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list):
        return ", ".join(change_value(item) for item in value)
    if isinstance(value, dict):
        named = value.get("name") or value.get("repr") or value.get("label") or value.get("title")
        if named:
            return str(named)
        return "; ".join(f"{key.replace('_', ' ')}: {change_value(item)}" for key, item in value.items()
                         if key not in ("id", "uid", "pk"))
    text = str(value)
    if _UUID.match(text):
        return _("(an internal reference)")
    if re.fullmatch(r"\d{4}(-\d{2}){0,2}", text):
        return date_text(text)
    return text


HIDDEN_FIELDS = {"id", "uid", "checksum", "created", "updated"}


def _field_by_attname(model, attname: str):
    if model is None:
        return None
    return next((field for field in model._meta.concrete_fields if field.attname == attname), None)


def _logged_value(field, value) -> str:
    if field is not None and field.is_relation and value is not None:
        record = field.related_model._base_manager.filter(pk=value).first()
        return record_name(record) if record is not None else _("a record since deleted")
    if field is not None and field.choices and value is not None:
        return str(dict(field.flatchoices).get(value, value))
    return change_value(value)


def _field_label(field) -> str:
    """A field's name as the forms and pages label it ("Type", "Status", "Venue" …), so in the
    reader's language where the catalog has that label; the model's own name otherwise."""
    name = str(field.verbose_name)
    translated = _(capfirst(name))
    return translated if translated != capfirst(name) else name


def history_changes(entry) -> list[tuple[str, str, str]]:
    """(field name, before, after) of one change-log entry, as a person reads them."""
    model = entry.content_type.model_class() if entry.content_type_id else None
    before, after = entry.before or {}, entry.after or {}
    keys = entry.changed_fields if entry.action == "update" else sorted(after or before)
    rows = []
    for key in keys:
        if key in HIDDEN_FIELDS:
            continue
        field = _field_by_attname(model, key)
        label = _field_label(field) if field is not None else key.replace("_", " ")
        old, new = _logged_value(field, before.get(key)), _logged_value(field, after.get(key))
        if old != new:
            rows.append((label, old, new))
    return rows
