"""Where derived hold-list data lives, and how a list's content is identified.

The list may sit on a read-only disk, so nothing is ever written beside it. Everything
goes under ``$CLEARWAY_CACHE_DIR`` or else ``platformdirs.user_cache_dir("clearway")``::

    <cache>/holds/v<FORMAT>/<sha256 of the list's bytes>.sqlite   the index
    <cache>/holds/sources/<blake2b of the list's real path>.json  stat -> sha256 memo

Indexes are keyed by content, so a list copied, renamed or touched reuses its index,
and a list whose content changed gets a new one. Hashing a 1,000,000-row list (68 MB)
costs ~60 ms with SHA-256 (SHA-NI; BLAKE2b ~115 ms on the same machine), which is most
of a repeat run's budget and grows with the list; so a memo maps the file's
(real path, size, mtime_ns, ctime_ns, inode, device) to its SHA-256 and a repeat run
only stats the file. ctime cannot be set back by a user, so an edit that restores the
mtime is still seen. The memo is written only when the file did not change while it
was hashed and its mtime is at least two seconds old (a file still being written, on a
filesystem with coarse timestamps, is hashed again next time).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

CACHE_ENV = "CLEARWAY_CACHE_DIR"
_CHUNK = 1 << 20
_SETTLE_NS = 2_000_000_000


def cache_root(cache_dir: Path | None = None) -> Path:
    """``cache_dir``, else ``$CLEARWAY_CACHE_DIR``, else the user's cache directory."""
    if cache_dir is not None:
        return Path(cache_dir)
    configured = os.environ.get(CACHE_ENV, "").strip()
    if configured:
        return Path(configured).expanduser()
    import platformdirs  # only when needed: it costs start-up time

    return Path(platformdirs.user_cache_dir("clearway"))


def fingerprint(stat: os.stat_result) -> list[int]:
    return [stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino, stat.st_dev]


def atomic_write_text(target: Path, text: str) -> None:
    """Write via a temporary file and a rename, so readers never see half a file."""
    tmp = target.with_name(f".{target.name}.{os.getpid()}.{time.monotonic_ns()}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, target)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


class ContentHashes:
    """The stat -> SHA-256 memo under ``<root>/sources``."""

    def __init__(self, root: Path) -> None:
        self.directory = root / "sources"

    def _memo_path(self, real: str) -> Path:
        name = hashlib.blake2b(real.encode("utf-8", "surrogateescape"), digest_size=16)
        return self.directory / f"{name.hexdigest()}.json"

    def lookup(self, path: Path, stat: os.stat_result) -> str | None:
        real = os.path.realpath(path)
        try:
            memo: dict[str, Any] = json.loads(self._memo_path(real).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if memo.get("path") != real or memo.get("stat") != fingerprint(stat):
            return None
        digest = memo.get("sha256")
        return digest if isinstance(digest, str) and len(digest) == 64 else None

    def remember(self, path: Path, before: os.stat_result, digest: str) -> None:
        """Record ``digest`` for ``path`` if the file did not change since ``before``."""
        try:
            after = os.stat(path)
        except OSError:
            return
        if fingerprint(after) != fingerprint(before):
            return
        if time.time_ns() - after.st_mtime_ns < _SETTLE_NS:
            return
        real = os.path.realpath(path)
        record = {"path": real, "stat": fingerprint(after), "sha256": digest}
        with contextlib.suppress(OSError):
            self.directory.mkdir(parents=True, exist_ok=True)
            atomic_write_text(self._memo_path(real), json.dumps(record))


def hash_file(path: Path, progress: Callable[[int], None] | None = None) -> str:
    """SHA-256 of the file's bytes, read in 1 MiB chunks."""
    digest = hashlib.sha256()
    buffer = bytearray(_CHUNK)
    view = memoryview(buffer)
    done = 0
    with open(path, "rb", buffering=0) as handle:
        while count := handle.readinto(buffer):
            digest.update(view[:count])
            done += count
            if progress is not None:
                progress(done)
    return digest.hexdigest()
