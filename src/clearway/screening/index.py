"""The persistent hold-list index: an SQLite file per list content, opened read-only.

Why SQLite: a repeat run must open a 1,000,000-row list and look up 250 people in a
few tens of milliseconds, which rules out re-reading the CSV (~1.1 s) or unpickling a
million objects. An SQLite file opens in about a millisecond, is read through the page
cache only where a lookup lands, needs nothing beyond the standard library, and its
integrity is checked by the engine.

One table holds every readable row exactly as written, in file order (the line number
is the rowid), with ``k``: a 64-bit hash of the row's blocking key (date of birth as
written, first surname word, first given-name word; see
``clearway.domain.identity.blocking_key``). Every pair the same-person rule accepts
shares that key, so looking up a person's key finds every candidate; the rule itself
(``match_identity``) then decides each one. A hash collision only adds a candidate.

The index is built into a temporary file beside its final name and renamed into
place, so a crashed build never leaves half an index. ``meta`` records the format
version, the list's SHA-256, a fingerprint of the key function (so a change to name
normalisation invalidates old indexes by itself) and a completion mark; an index that
fails these checks, or that SQLite finds corrupt, is rebuilt.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import islice
from pathlib import Path
from types import TracebackType
from typing import Any, BinaryIO

from clearway.domain.dates import PartialDate
from clearway.domain.identity import Identity, IdentityMatch, blocking_key, match_identity
from clearway.screening.cache import ContentHashes, cache_root, hash_file
from clearway.screening.holdlist import HoldRow, InvalidRow, check_file, read_rows

FORMAT_VERSION = 1
#: Indexes kept per cache (most recently used first); older ones are deleted after a build.
KEEP_INDEXES = 3
_FIRST_INVALID = 10
_BATCH = 16_384  # rows per insert, and per progress report (~0.15 s)
_LOOKUP_CHUNK = 500
_STALE_TMP_SECONDS = 3600

Progress = Callable[[int, int], None]

# Names whose keys pin down the key function; any change in normalisation changes them.
_KEY_PROBES = (
    ("GARCÍA-López", "", "José Luis", "1984-00-00"),
    ("de la Cruz", "Ørsted", "María  de los Ángeles", "1990-06-00"),
    ("O’Brien", "Straße", "Łukasz Æsir", "2001-02-03"),
    ("  ", "Xicará", "", "1970-01-01"),
)


def key_fingerprint() -> str:
    probe = repr([blocking_key(*names) for names in _KEY_PROBES])
    return hashlib.sha256(probe.encode()).hexdigest()[:16]


def key_hash(key: tuple[str, str, str]) -> int:
    """The blocking key as a signed 64-bit integer (SQLite's INTEGER)."""
    data = "\x1f".join(key).encode("utf-8", "surrogatepass")
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little", signed=True)


@dataclass(frozen=True)
class HoldEntry:
    """One readable row of the hold list."""

    hold_ref: str
    identity: Identity
    nationality: str
    hold_type: str
    until: date | None  # None: open-ended
    line: int  # line number in the CSV (the header is line 1)


@dataclass(frozen=True)
class HoldMatch:
    """A hold entry that is the same person, and why."""

    entry: HoldEntry
    match: IdentityMatch


class HashingReader(io.RawIOBase):
    """Reads a file while hashing its bytes and counting them (for progress)."""

    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw
        self.sha256 = hashlib.sha256()
        self.done = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        count = self._raw.readinto(buffer)  # type: ignore[attr-defined]
        if count:
            self.sha256.update(memoryview(buffer)[:count])
            self.done += count
        return int(count or 0)

    def close(self) -> None:
        self._raw.close()
        super().close()


_SCHEMA = """
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE holds (
    line INTEGER PRIMARY KEY,
    k INTEGER NOT NULL,
    hold_ref TEXT NOT NULL,
    surname TEXT NOT NULL,
    second_surname TEXT NOT NULL,
    given_names TEXT NOT NULL,
    date_of_birth TEXT NOT NULL,
    nationality TEXT NOT NULL,
    hold_type TEXT NOT NULL,
    until TEXT NOT NULL
);
CREATE TABLE invalid (line INTEGER PRIMARY KEY, reason TEXT NOT NULL);
"""


class _CacheUnwritable(Exception):
    """The cache directory does not take new files."""


class _StaleIndex(Exception):
    """The index file is missing, incomplete, of another format or corrupt."""


def _build(source: Path, directory: Path, progress: Progress | None) -> tuple[Path, str]:
    """Build an index of ``source`` in ``directory``; return (its final path, its SHA-256)."""
    total = os.stat(source).st_size
    tmp = directory / f".build.{os.getpid()}.{time.monotonic_ns()}.tmp"
    try:
        with open(tmp, "xb"):
            pass
    except OSError as error:
        raise _CacheUnwritable from error
    try:
        connection = sqlite3.connect(tmp, isolation_level=None)
        try:
            digest = _fill(connection, source, total, progress)
        finally:
            connection.close()
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        final = directory / f"{digest}.sqlite"
        try:
            os.replace(tmp, final)
        except OSError:
            # Windows will not replace a file another process has open: that process
            # built the same index from the same content, so use it.
            if not final.is_file():
                raise
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return final, digest


def _fill(connection: sqlite3.Connection, source: Path, total: int, progress: Progress | None) -> str:
    connection.executescript(
        "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA locking_mode=EXCLUSIVE;"
        "PRAGMA cache_size=-131072; PRAGMA temp_store=FILE;"
    )
    connection.executescript(_SCHEMA)
    connection.execute("BEGIN")
    reader = HashingReader(open(source, "rb", buffering=0))  # noqa: SIM115 (closed below)
    text = io.TextIOWrapper(io.BufferedReader(reader, 1 << 20), encoding="utf-8-sig", newline="")
    rows = invalid_rows = 0
    insert = "INSERT INTO holds VALUES (?,?,?,?,?,?,?,?,?,?)"
    try:
        if progress is not None:
            progress(0, total)
        items = read_rows(text, source)
        while batch := list(islice(items, _BATCH)):
            values = []
            invalid = []
            for item in batch:
                if isinstance(item, InvalidRow):
                    invalid.append((item.line, item.reason))
                    continue
                key = blocking_key(item.surname, item.second_surname, item.given_names, item.date_of_birth)
                values.append((item.line, key_hash(key), *_columns(item)))
            connection.executemany(insert, values)
            connection.executemany("INSERT INTO invalid VALUES (?, ?)", invalid)
            rows += len(batch)
            invalid_rows += len(invalid)
            if progress is not None:
                progress(min(reader.done, total), total)
        digest = reader.sha256.hexdigest()
    finally:
        text.close()
    connection.execute("CREATE INDEX holds_k ON holds (k)")
    meta = {
        "format": str(FORMAT_VERSION),
        "sha256": digest,
        "keys": key_fingerprint(),
        "row_count": str(rows),
        "invalid_row_count": str(invalid_rows),
        "source_size": str(total),
        "complete": "1",
    }
    connection.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
    connection.execute("COMMIT")
    if progress is not None:
        progress(total, total)
    return digest


def _columns(row: HoldRow) -> tuple[str, ...]:
    return (
        row.hold_ref,
        row.surname,
        row.second_surname,
        row.given_names,
        row.date_of_birth,
        row.nationality,
        row.hold_type,
        row.until,
    )


def _connect(index: Path, digest: str) -> tuple[sqlite3.Connection, dict[str, str]]:
    """Open ``index`` read-only and check that it is a complete index of ``digest``."""
    if not index.is_file():
        raise _StaleIndex
    uri = index.resolve().as_uri() + "?mode=ro&immutable=1"
    try:
        connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
    except sqlite3.Error:
        raise _StaleIndex from None
    try:
        meta = dict(connection.execute("SELECT name, value FROM meta"))
    except sqlite3.Error:
        connection.close()
        raise _StaleIndex from None
    expected = {"format": str(FORMAT_VERSION), "sha256": digest, "keys": key_fingerprint()}
    if any(meta.get(name) != value for name, value in expected.items()) or (meta.get("complete") != "1"):
        connection.close()
        raise _StaleIndex
    return connection, meta


def _prune(directory: Path, keep: Path) -> None:
    """Remove leftovers of crashed builds, old formats and all but the newest indexes."""
    now = time.time()
    with contextlib.suppress(OSError):
        for leftover in directory.glob(".build.*.tmp"):
            with contextlib.suppress(OSError):
                if now - leftover.stat().st_mtime > _STALE_TMP_SECONDS:
                    leftover.unlink()
        for other in directory.parent.glob("v*"):
            if other.is_dir() and other.name != directory.name and other.name[1:].isdigit():
                shutil.rmtree(other, ignore_errors=True)
        indexes = []
        for candidate in directory.glob("*.sqlite"):
            with contextlib.suppress(OSError):
                indexes.append((candidate.stat().st_mtime, candidate))
        indexes.sort(reverse=True)
        for _, old in indexes[KEEP_INDEXES:]:
            if old != keep:
                with contextlib.suppress(OSError):
                    old.unlink()


class _Store:
    """Finds, validates, builds and rebuilds the index of one hold list."""

    def __init__(self, source: Path, cache_dir: Path | None, progress: Progress | None) -> None:
        self.source = source
        self.progress = progress
        self._scratch: tempfile.TemporaryDirectory[str] | None = None
        self._use(cache_root(cache_dir) / "holds")
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError:
            self._use_scratch()
        self.built = False

    def _use(self, root: Path) -> None:
        self.directory = root / f"v{FORMAT_VERSION}"
        self.hashes = ContentHashes(root)

    def _use_scratch(self) -> None:
        """No writable cache: index into a scratch directory, removed on close.

        (A cache that is readable but not writable still serves indexes built in it.)
        """
        self._scratch = tempfile.TemporaryDirectory(prefix="clearway-holds-")
        self._use(Path(self._scratch.name))
        self.directory.mkdir(parents=True)

    def open(self, *, rebuild: bool = False) -> tuple[sqlite3.Connection, dict[str, str], Path]:
        stat = check_file(self.source)
        digest = self.hashes.lookup(self.source, stat)
        if digest is None:
            digest = hash_file(self.source)
            self.hashes.remember(self.source, stat, digest)
        index = self.directory / f"{digest}.sqlite"
        if not rebuild:
            try:
                connection, meta = _connect(index, digest)
            except _StaleIndex:
                pass
            else:
                with contextlib.suppress(OSError):
                    os.utime(index)  # most recently used: kept by _prune
                return connection, meta, index
        with contextlib.suppress(OSError):
            index.unlink()
        try:
            built, built_digest = _build(self.source, self.directory, self.progress)
        except _CacheUnwritable:
            if self._scratch is not None:
                raise RuntimeError("cannot write a hold-list index, even in a scratch directory") from None
            self._use_scratch()
            built, built_digest = _build(self.source, self.directory, self.progress)
        self.built = True
        # Remembered only if the list did not change since ``stat`` (and has settled).
        self.hashes.remember(self.source, stat, built_digest)
        _prune(self.directory, built)
        try:
            connection, meta = _connect(built, built_digest)
        except _StaleIndex:  # pragma: no cover - a file we have just written and closed
            raise RuntimeError(f"the hold-list index {built} cannot be read back") from None
        return connection, meta, built

    def close(self) -> None:
        if self._scratch is not None:
            self._scratch.cleanup()
            self._scratch = None


class HoldIndex:
    """A hold list, indexed: who on it is the same person as whom.

    ``row_count`` counts every data row of the list (blank lines are not rows);
    ``invalid_row_count`` of them cannot be read and are left out of screening (the
    caller reports them as ``HOLD_ROW_INVALID``, with ``first_invalid_lines`` and
    their ``first_invalid_reasons``: ``date_of_birth``, ``surname``, ``until`` or
    ``columns``).
    """

    def __init__(self, store: _Store) -> None:
        self._store = store
        self._connection: sqlite3.Connection | None = None
        self._load(rebuild=False)

    def _load(self, *, rebuild: bool) -> None:
        connection, meta, index_path = self._store.open(rebuild=rebuild)
        self._connection = connection
        self.index_path = index_path
        self.content_hash = meta["sha256"]
        self.row_count = int(meta["row_count"])
        self.invalid_row_count = int(meta["invalid_row_count"])
        self.entry_count = self.row_count - self.invalid_row_count
        first = connection.execute(
            "SELECT line, reason FROM invalid ORDER BY line LIMIT ?", (_FIRST_INVALID,)
        ).fetchall()
        self.first_invalid_lines: tuple[int, ...] = tuple(line for line, _ in first)
        self.first_invalid_reasons: tuple[str, ...] = tuple(reason for _, reason in first)

    @property
    def built(self) -> bool:
        """Whether this open had to build (or rebuild) the index."""
        return self._store.built

    @property
    def path(self) -> Path:
        return self._store.source

    def screen(self, people: Sequence[Identity]) -> list[list[HoldMatch]]:
        """For each person, every hold entry that is the same person, in file order.

        All of them, whatever their ``until``: whether a hold applies on the arrival
        date is the caller's decision.
        """
        try:
            return self._screen(people)
        except sqlite3.DatabaseError:
            # Corrupt on disk (the header checked out at open): rebuild once and retry.
            self._close_connection()
            self._load(rebuild=True)
            return self._screen(people)

    def _screen(self, people: Sequence[Identity]) -> list[list[HoldMatch]]:
        if self._connection is None:
            raise RuntimeError("the hold index is closed")
        keys = [key_hash(person.blocking_key()) for person in people]
        rows_by_key: dict[int, list[tuple[Any, ...]]] = {}
        for row in self._lookup(sorted(set(keys))):
            rows_by_key.setdefault(row[0], []).append(row)
        entries: dict[int, HoldEntry] = {}
        results: list[list[HoldMatch]] = []
        for person, key in zip(people, keys, strict=True):
            found = []
            for row in rows_by_key.get(key, ()):
                entry = entries.get(row[1])
                if entry is None:
                    entry = entries[row[1]] = _entry(row)
                match = match_identity(person, entry.identity)
                if match is not None:
                    found.append(HoldMatch(entry, match))
            found.sort(key=lambda hit: hit.entry.line)
            results.append(found)
        return results

    def _lookup(self, keys: list[int]) -> Iterable[tuple[Any, ...]]:
        assert self._connection is not None
        for start in range(0, len(keys), _LOOKUP_CHUNK):
            chunk = keys[start : start + _LOOKUP_CHUNK]
            marks = ",".join("?" * len(chunk))
            yield from self._connection.execute(
                "SELECT k, line, hold_ref, surname, second_surname, given_names, "
                f"date_of_birth, nationality, hold_type, until FROM holds WHERE k IN ({marks})",
                chunk,
            )

    def entries(self) -> Iterable[HoldEntry]:
        """Every readable entry in file order (for tests and exports; reads the whole index)."""
        if self._connection is None:
            raise RuntimeError("the hold index is closed")
        for row in self._connection.execute(
            "SELECT k, line, hold_ref, surname, second_surname, given_names, "
            "date_of_birth, nationality, hold_type, until FROM holds ORDER BY line"
        ):
            yield _entry(row)

    def _close_connection(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def close(self) -> None:
        self._close_connection()
        self._store.close()

    def __enter__(self) -> HoldIndex:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def _entry(row: tuple[Any, ...]) -> HoldEntry:
    _, line, ref, surname, second, given, born, nationality, hold_type, until = row
    birth = PartialDate.parse(born)
    if birth is None:  # pragma: no cover - only readable dates are indexed
        raise sqlite3.DatabaseError(f"unreadable date of birth on indexed line {line}")
    return HoldEntry(
        hold_ref=ref,
        identity=Identity(surname, second, given, birth),
        nationality=nationality,
        hold_type=hold_type,
        until=date.fromisoformat(until) if until else None,
        line=line,
    )


def open_hold_list(
    path: Path,
    *,
    cache_dir: Path | None = None,
    progress: Progress | None = None,
) -> HoldIndex:
    """The indexed hold list at ``path``, built on first use and cached by content.

    Raises ``UnusableInput("holds.*", path=...)`` for a list that cannot be used at all.
    ``progress(done_bytes, total_bytes)`` is called while an index is being built.
    """
    store = _Store(Path(path), cache_dir, progress)
    try:
        return HoldIndex(store)
    except BaseException:
        store.close()
        raise
