"""amity.extract: English press releases on city-to-city cooperation -> typed records.

Pure Python, no Django, no database, no network. Usage::

    from amity.extract import extract
    result = extract(text, published="2023-10-13")
    result.to_dict()   # JSON form, see SCHEMA.md

`extract()` never raises; problems are reported in `result.warnings`.
"""

from .model import EXTRACTOR_VERSION, SCHEMA_VERSION, Extraction
from .pipeline import DEFAULT_STEPS, extract

__all__ = ["DEFAULT_STEPS", "EXTRACTOR_VERSION", "SCHEMA_VERSION", "Extraction", "extract", "warm_up"]


def warm_up() -> float:
    """Build the gazetteer now (it is otherwise built on first use); returns seconds taken."""
    import time

    from .gazetteer import get_gazetteer

    t0 = time.perf_counter()
    get_gazetteer()
    return time.perf_counter() - t0
