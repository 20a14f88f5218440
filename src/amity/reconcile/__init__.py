"""Reconciling Amity's record with the lists that exist (GAOK-style, Wikidata, plain CSV),
coverage statements with their counting rules, and the partnership network as data.

`lists` reads files and imports no Django; the other modules read the registry.
"""
