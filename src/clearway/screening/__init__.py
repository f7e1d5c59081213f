"""Screening people against a legal-hold list (``clearway check --holds``).

The list may hold millions of rows and sit on a read-only disk. It is indexed once
into an SQLite file in the cache (``$CLEARWAY_CACHE_DIR`` or the user's cache
directory), keyed by the list's content, and each later run opens that index
read-only and looks people up by their blocking key. Whether two records are the
same person is decided by ``clearway.domain.identity.match_identity`` alone.
"""

from clearway.screening.cache import CACHE_ENV, cache_root
from clearway.screening.holdlist import HOLD_COLUMNS
from clearway.screening.index import (
    FORMAT_VERSION,
    HoldEntry,
    HoldIndex,
    HoldMatch,
    open_hold_list,
)

__all__ = [
    "CACHE_ENV",
    "FORMAT_VERSION",
    "HOLD_COLUMNS",
    "HoldEntry",
    "HoldIndex",
    "HoldMatch",
    "cache_root",
    "open_hold_list",
]
