"""Person names: Korean family names and their romanisations, name splitting,
and deciding whether two written forms are one person ("Park Heong-joon",
"Heong-jun Park", "Park Hyung-jun")."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from . import vocab


def _family_spellings() -> dict[str, str]:
    """Each written form of a Korean family name -> its most usual spelling ("rhee" -> "lee"), read
    from the one list of the Korean romanisation data (the first spelling of a name wins where two
    names share one, as 임 and 림 share "lim")."""
    spellings: dict[str, str] = {}
    for forms in vocab.load("ko", "romanization")["family_names"].values():
        usual = forms[0][0]
        for form, _weight in forms:
            spellings.setdefault(form, usual)
    return spellings


KOREAN_FAMILY: dict[str, str] = _family_spellings()

_HYPHEN_GIVEN = re.compile(r"^[A-Z][a-z]+-[a-z]+$")


def family_key(token: str) -> str:
    t = token.lower().strip(".,")
    return KOREAN_FAMILY.get(t, t)


def split_name(name: str) -> tuple[str | None, str | None]:
    """(family, given) when the order can be told, else (None, None)."""
    parts = [p for p in re.split(r"\s+", name.replace('"', " ").strip()) if p]
    if len(parts) < 2:
        return (parts[0] if parts else None), None
    first, last = parts[0], parts[-1]
    if first.lower() in KOREAN_FAMILY and (len(parts) == 2 or _HYPHEN_GIVEN.match(parts[1])):
        return first, " ".join(parts[1:])
    if last.lower() in KOREAN_FAMILY and _HYPHEN_GIVEN.match(first):
        return last, " ".join(parts[:-1])
    return last, " ".join(parts[:-1])


def looks_korean(name: str) -> bool:
    parts = name.split()
    if len(parts) == 2:
        a, b = parts
        if a.lower() in KOREAN_FAMILY and (_HYPHEN_GIVEN.match(b) or re.fullmatch(r"[A-Z][a-z]{3,9}", b)):
            return True
        if b.lower() in KOREAN_FAMILY and _HYPHEN_GIVEN.match(a):
            return True
    if len(parts) == 3 and parts[0].lower() in KOREAN_FAMILY and all(re.fullmatch(r"[A-Z][a-z]{1,5}", p) for p in parts[1:]):
        return True
    return False


def _norm_given(s: str) -> str:
    return re.sub(r"[^a-z]", "", s.lower())


_SUFFIXES = {"III", "II", "IV", "Jr.", "Jr", "Sr."}


def same_person(a: str, b: str) -> bool:
    """Two full names that a reader takes for one person."""
    ta = sorted(t.lower().strip('".,') for t in a.split() if t not in _SUFFIXES)
    tb = sorted(t.lower().strip('".,') for t in b.split() if t not in _SUFFIXES)
    if ta == tb:
        return True
    small, big = sorted((set(ta), set(tb)), key=len)
    if len(small) >= 2 and small <= big:  # "Hilario P. Davide" / "Hilario P. Davide III"
        return True
    fa, ga = split_name(a)
    fb, gb = split_name(b)
    if not (fa and fb and ga and gb):
        return False
    if family_key(fa) != family_key(fb):
        # written in the other order: "Kuniko Watanabe" / "Watanabe Kuniko"
        return False
    return fuzz.ratio(_norm_given(ga), _norm_given(gb)) >= 60
