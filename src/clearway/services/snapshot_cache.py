"""Parsed version snapshots kept per process, by the hash of their content.

A request version never changes once written, so its parsed snapshot (a frozen value) can be
shared by every later read: the review screen reads the same 250-passenger version again and
again. The cache is bounded by the passengers it holds, so a few 9,999-passenger manifests do
not pin gigabytes; the least recently used snapshots go first.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable

from clearway.domain.snapshot import RequestSnapshot

#: About 60 MB of parsed passengers at the most (a parsed passenger is roughly 1-2 KB).
MAX_PASSENGERS = 40_000


class SnapshotCache:
    def __init__(self, max_passengers: int = MAX_PASSENGERS) -> None:
        self._entries: OrderedDict[str, RequestSnapshot] = OrderedDict()
        self._passengers = 0
        self._max = max_passengers
        self._lock = threading.Lock()  # pages and API reads run on a thread pool

    def get(self, content_sha256: str, parse: Callable[[], RequestSnapshot]) -> RequestSnapshot:
        with self._lock:
            found = self._entries.get(content_sha256)
            if found is not None:
                self._entries.move_to_end(content_sha256)
                return found
        parsed = parse()  # outside the lock: parsing a large manifest must not hold up other reads
        size = max(1, len(parsed.passengers))
        if size > self._max:
            return parsed
        with self._lock:
            if content_sha256 not in self._entries:
                self._entries[content_sha256] = parsed
                self._passengers += size
                while self._passengers > self._max:
                    _, dropped = self._entries.popitem(last=False)
                    self._passengers -= max(1, len(dropped.passengers))
        return parsed

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._passengers = 0


PARSED_SNAPSHOTS = SnapshotCache()
