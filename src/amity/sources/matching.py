"""Is this person the one the registry holds? Names in any script or romanisation, and their posts.

The linker (a claim against the registry) and the duplicate finder (a record against the
registry) both ask here, so a pair scores the same whichever side it comes from.
"""

from __future__ import annotations

from django.db.models import Prefetch

from amity.extract.matching import Feature, Match, compare_person_names, is_generic_name
from amity.extract.names import split_name
from amity.extract.romanize import family_spellings, korean_readings
from amity.registry.lookup import normalise
from amity.registry.models import Person, Position
from amity.sources.registry_index import PEOPLE

NAME_WEIGHT = 0.9        # an identical full name alone links (CERTAIN); anything less needs more
SAME_POST = 0.95         # a full-name agreement plus the same title at the same place
CONFLICTING_POST = 0.35  # the same title held at another place: most likely someone else
FULL_NAME = 0.5          # a name agreement below this is only a generic one ("Mayor Kim")
GENERIC_WITH_POST = 0.3


def family_variants(name: str) -> set[str]:
    """Every way the family name of `name` may be written, in both scripts (for a symmetric look-up)."""
    variants: set[str] = set()
    for reading in korean_readings(name):
        for hangul, _ in reading.family:
            variants.add(hangul)
            variants.update(family_spellings(hangul))
        variants.add(reading.written_family.lower())
    if not variants:
        family, _ = split_name(name)
        if family:
            variants.add(family.lower())
    return {v for v in variants if v}


def person_candidates(names: list[str], limit: int = 200, exclude: int | None = None) -> list[Person]:
    """People whose names agree with one of `names`: any spelling of the family name, in either script."""
    variants = {variant for name in names for variant in family_variants(name)}
    if not variants:
        return []
    # From the in-memory index, as plain values: most people sharing a family name have another
    # given name, and loading them with their posts would be most of the time spent linking.
    rows = [row for row in PEOPLE.candidates(variants) if row[0] != exclude][:limit]
    agreeing = [pk for pk, name, aliases in rows if compare_person_names(names, [name, *aliases]).features]
    if not agreeing:
        return []
    # Their posts with the place or body each is held at, in one query (not one per relation).
    posts = Prefetch("positions", queryset=Position.objects.select_related("of_place", "of_organization"))
    return list(Person.objects.filter(pk__in=agreeing).prefetch_related(posts))


def position_agreement(person: Person, title: str | None, of: str | None) -> str:
    """'same' when title and place/organization agree, 'conflict' when the title is held elsewhere."""
    of = normalise(of)
    if not title:
        return "unknown"
    result = "unknown"
    for position in person.positions.all():
        holder = position.of_place or position.of_organization
        holder_names = [normalise(n) for n in holder.all_names] if holder else []
        if position.title == title and (not of or not holder_names or of in holder_names):
            return "same"
        if position.title == title and of and holder_names and of not in holder_names:
            result = "conflict"
    return result


def person_likeness(names: list[str], person: Person, title: str | None = None, of: str | None = None) -> Match:
    """How sure it is that someone written `names` (holding `title` of `of`) is `person`."""
    by_name = compare_person_names(names, person.all_names)
    if not by_name.features:
        return by_name
    full = by_name.score >= FULL_NAME
    match = Match([Feature(f"{names[0]!r} matches {person.name!r}: {f.label}", f.weight * NAME_WEIGHT)
                   for f in by_name.features])
    agreement = position_agreement(person, title, of)
    post = f"{title} of {of}" if of else str(title)
    if agreement == "same":
        match.add(f"holds the same title ({post})", SAME_POST - match.score if full else GENERIC_WITH_POST)
    elif agreement == "conflict":
        match.add(f"but holds another post ({post} differs)", min(0.0, CONFLICTING_POST - match.score))
    return match


def best_person(names: list[str], title: str | None = None, of: str | None = None,
                exclude: int | None = None) -> tuple[Person, Match] | None:
    """The likeliest person for `names`, or None when no one's name agrees."""
    full = [n for n in names if n and not is_generic_name(n)]
    if not full and not title:
        return None  # a bare "Mayor Kim" with no post to go by says nothing
    best: tuple[Person, Match] | None = None
    for person in person_candidates(names, exclude=exclude):
        match = person_likeness(names, person, title, of)
        if match.features and (best is None or match.score > best[1].score):
            best = (person, match)
    return best
