"""One search box over the registry: entity names in all their variants and the full text of articles.

    from amity.search import search, Filters
    results = search("Koper", Filters(kind="agreement", country="SI"))

The index is a table of entries (one per record) with a full-text index on it:
SQLite FTS5 on the embedded default, a GIN tsvector index on PostgreSQL (see the
migration). It follows the change log: `refresh()` re-indexes whatever was logged
since the last run, so edits from the web, the CLI, imports and ingest all show up
without signals. `search()` refreshes first; `rebuild()` starts over.
"""

__all__ = ["Filters", "Result", "rebuild", "refresh", "search"]


def __getattr__(name: str):
    # Imported lazily: this package is also a Django app, loaded before the models are ready.
    if name in __all__:
        from amity.search import service

        return getattr(service, name)
    raise AttributeError(name)
