"""Benchmark: screening 250 passengers against a 1,000,000-row legal-hold list.

Measures, on one generated list (``bench/holdgen.py``) with planted look-alikes whose
answers are known:

- the Clearway index: build time, load time (open of a built index, new process),
  screening time, peak RSS, recall on planted variants and false matches on
  namesakes, twins and the other traps;
- what keying the cache by content costs (SHA-256 and BLAKE2b of the list's bytes,
  against the stat memo actually used);
- a plain streaming scan of the CSV (keep rows with a passenger's date of birth, then
  apply the same rule): what the index must beat;
- anchor 1: rapidfuzz ``process.cdist`` brute force, 250 x 1,000,000, with the scorer
  used for explanation (``token_set_ratio`` of the normalised full name) with the
  date of birth appended as one more token, ``workers=-1``; recall and precision at
  the threshold with the best F1;
- anchor 2: Splink on DuckDB (link_only, blocking on the date of birth, Jaro-Winkler
  name comparisons, u by random sampling, m by EM), at match probability >= 0.5 and
  at its best-F1 probability;
- the whole ``clearway check --holds`` command, repeat run, when the CLI is there.

Each measured phase runs in a new process, so load times are cold in the sense of
spec/cli.md (new process; the OS file cache may be warm) and peak RSS is per phase.
Prints a markdown table for docs/benchmarks.md, the machine and the date.

    python bench/holds.py                     # 1,000,000 rows, 250 passengers
    python bench/holds.py --rows 100000 --skip-anchors
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import holdgen  # noqa: E402  (bench/ is not a package)

SCREEN_REPEATS = 25


# --- shared helpers -------------------------------------------------------------------------


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load_answers(workdir: Path) -> dict[str, Any]:
    answers: dict[str, Any] = json.loads((workdir / "answers.json").read_text(encoding="utf-8"))
    return answers


def passenger_identities(answers: dict[str, Any]) -> list[Any]:
    """The passengers as the manifest writes them (surnames in capitals)."""
    from clearway.domain.dates import PartialDate
    from clearway.domain.identity import Identity

    people = []
    for p in answers["passengers"]:
        born = PartialDate.parse(p["date_of_birth"])
        assert born is not None
        people.append(Identity(p["surname"].upper(), p["second_surname"], p["given_names"], born))
    return people


def score_pairs(found: set[tuple[int, str]], answers: dict[str, Any]) -> dict[str, Any]:
    """Recall on planted variants; false matches, on traps and elsewhere."""
    expected = {(e["seq"], e["hold_ref"]) for e in answers["expected"]}
    traps = {(e["seq"], e["hold_ref"]) for e in answers["traps"]}
    hits = found & expected
    return {
        "found": len(found),
        "expected": len(expected),
        "recall": len(hits) / len(expected) if expected else 1.0,
        "false": len(found - expected),
        "false_on_traps": len(found & traps),
        "traps": len(traps),
        "precision": len(hits) / len(found) if found else 1.0,
    }


def child(phase: str, workdir: Path, extra: dict[str, str] | None = None) -> dict[str, Any]:
    """Run one phase in a new process and return what it printed (one JSON object)."""
    env = dict(os.environ, **(extra or {}))
    done = subprocess.run(
        [sys.executable, str(Path(__file__)), "--child", phase, "--workdir", str(workdir)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# --- phases (each in its own process) ---------------------------------------------------------


def phase_build(workdir: Path) -> dict[str, Any]:
    from clearway.screening import open_hold_list

    started = time.perf_counter()
    with open_hold_list(workdir / "holds.csv") as index:
        elapsed = time.perf_counter() - started
        assert index.built
        size = index.index_path.stat().st_size
        counts = (index.row_count, index.invalid_row_count)
    return {"build_s": elapsed, "rss_mb": peak_rss_mb(), "index_mb": size / 1e6, "rows": counts}


def phase_screen(workdir: Path) -> dict[str, Any]:
    started = time.perf_counter()
    from clearway.screening import open_hold_list

    imported = time.perf_counter()
    index = open_hold_list(workdir / "holds.csv")
    opened = time.perf_counter()
    assert not index.built, "the index should have been built by the build phase"
    answers = load_answers(workdir)
    people = passenger_identities(answers)
    first_started = time.perf_counter()
    results = index.screen(people)
    first = time.perf_counter() - first_started
    timings = []
    for _ in range(SCREEN_REPEATS):
        fresh = passenger_identities(answers)  # no cached normalised forms
        begin = time.perf_counter()
        index.screen(fresh)
        timings.append(time.perf_counter() - begin)
    found = {(seq, hit.entry.hold_ref) for seq, hits in enumerate(results, 1) for hit in hits}
    index.close()
    return {
        "import_s": imported - started,
        "open_s": opened - imported,
        "first_screen_s": first,
        "screen_s": statistics.median(timings),
        "rss_mb": peak_rss_mb(),
        **score_pairs(found, answers),
    }


def phase_scan(workdir: Path) -> dict[str, Any]:
    """The plain alternative: stream the CSV, keep rows with a passenger's date of birth."""
    started = time.perf_counter()
    from clearway.domain.dates import PartialDate
    from clearway.domain.identity import Identity, match_identity

    answers = load_answers(workdir)
    people = passenger_identities(answers)
    by_birth: dict[str, list[int]] = {}
    for i, person in enumerate(people):
        by_birth.setdefault(person.date_of_birth.iso(), []).append(i)
    found: set[tuple[int, str]] = set()
    with open(workdir / "holds.csv", encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        for row in reader:
            wanted = by_birth.get(row[4].strip())
            if wanted is None:
                continue
            born = PartialDate.parse(row[4])
            if born is None or not row[1].strip():
                continue
            hold = Identity(row[1], row[2], row[3], born)
            for i in wanted:
                if match_identity(people[i], hold) is not None:
                    found.add((i + 1, row[0]))
    return {"scan_s": time.perf_counter() - started, "rss_mb": peak_rss_mb(), **score_pairs(found, answers)}


def phase_hashing(workdir: Path) -> dict[str, Any]:
    from clearway.screening.cache import ContentHashes, cache_root

    path = workdir / "holds.csv"
    out: dict[str, Any] = {}
    for name in ("sha256", "blake2b"):
        runs = []
        for _ in range(3):
            begin = time.perf_counter()
            with open(path, "rb") as handle:
                hashlib.file_digest(handle, name)
            runs.append(time.perf_counter() - begin)
        out[f"{name}_s"] = min(runs)
    memo = ContentHashes(cache_root() / "holds")
    runs = []
    for _ in range(20):
        begin = time.perf_counter()
        digest = memo.lookup(path, os.stat(path))
        runs.append(time.perf_counter() - begin)
    out["memo_s"] = statistics.median(runs)
    out["memo_hit"] = digest is not None
    return out


def phase_cdist(workdir: Path) -> dict[str, Any]:
    """Anchor: brute-force fuzzy scores of every passenger against every row."""
    import numpy as np
    from rapidfuzz import fuzz, process

    from clearway.domain.identity import normalise_words

    answers = load_answers(workdir)

    def text(surname: str, second: str, given: str, born: str) -> str:
        words = normalise_words(surname) + normalise_words(second) + normalise_words(given)
        return " ".join((*words, born.strip()))

    queries = [
        text(p["surname"].upper(), p["second_surname"], p["given_names"], p["date_of_birth"])
        for p in answers["passengers"]
    ]
    started = time.perf_counter()
    refs: list[str] = []
    choices: list[str] = []
    with open(workdir / "holds.csv", encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        for row in reader:
            refs.append(row[0])
            choices.append(text(row[1], row[2], row[3], row[4]))
    prepared = time.perf_counter()

    position = {ref: i for i, ref in enumerate(refs)}
    expected = [(e["seq"] - 1, position[e["hold_ref"]]) for e in answers["expected"]]
    traps = [(e["seq"] - 1, position[e["hold_ref"]]) for e in answers["traps"]]
    histogram = np.zeros(101, dtype=np.int64)
    expected_scores = np.zeros(len(expected), dtype=np.int64)
    trap_scores = np.zeros(len(traps), dtype=np.int64)
    chunk = 100_000
    for start in range(0, len(choices), chunk):
        scores = process.cdist(
            queries,
            choices[start : start + chunk],
            scorer=fuzz.token_set_ratio,
            dtype=np.uint8,
            workers=-1,
        )
        histogram += np.bincount(scores.ravel(), minlength=101)
        for k, (q, c) in enumerate(expected):
            if start <= c < start + chunk:
                expected_scores[k] = scores[q, c - start]
        for k, (q, c) in enumerate(traps):
            if start <= c < start + chunk:
                trap_scores[k] = scores[q, c - start]
    finished = time.perf_counter()

    best: dict[str, Any] = {}
    at_or_above = np.cumsum(histogram[::-1])[::-1]  # pairs scoring >= t
    for threshold in range(50, 101):
        hits = int((expected_scores >= threshold).sum())
        found = int(at_or_above[threshold])
        recall = hits / len(expected)
        precision = hits / found if found else 1.0
        f1 = 2 * recall * precision / (recall + precision) if recall + precision else 0.0
        if not best or f1 > best["f1"]:
            best = {
                "threshold": threshold,
                "recall": recall,
                "precision": precision,
                "f1": f1,
                "false": found - hits,
                "false_on_traps": int((trap_scores >= threshold).sum()),
                "traps": len(traps),
            }
    return {
        "prepare_s": prepared - started,
        "cdist_s": finished - prepared,
        "recall_at_100": float((expected_scores >= 100).mean()),
        "rss_mb": peak_rss_mb(),
        **best,
    }


def phase_splink(workdir: Path) -> dict[str, Any]:
    """Anchor: Splink (4 or 5) on DuckDB, a simple documented model.

    Names are normalised in DuckDB (``strip_accents``, ``lower``, hyphens and
    apostrophes as spaces). link_only between the passengers and the list. Candidate
    pairs: the same date of birth as written (the rule requires it; without blocking,
    250 x 1,000,000 pairs). Comparisons: ``NameComparison`` (exact, Jaro-Winkler
    0.92/0.88/0.70) on the first surname word, on the second surname (empty: null, so a
    dropped second surname is neutral) and on the first given name, plus ``ExactMatch``
    on the date of birth (so that its evidence counts). Prior: 1e-6. u by random
    sampling (1e6 pairs, seed 1); m by EM on the date-of-birth pairs. Scored at match
    probability >= 0.5, and at the probability with the best F1 (tuned on the answers,
    which flatters it).
    """
    import logging

    import splink.comparison_library as cl
    from splink import Linker, SettingsCreator, block_on
    from splink.backends.duckdb import DuckDBAPI

    logging.getLogger("splink").setLevel(logging.ERROR)
    answers = load_answers(workdir)
    started = time.perf_counter()
    api = DuckDBAPI()
    con = api.duckdb_con

    def norm(column: str) -> str:
        return (
            f"trim(regexp_replace(lower(strip_accents(replace(replace(coalesce({column}, ''), "
            f"'-', ' '), '''', ' '))), '\\s+', ' ', 'g'))"
        )

    holds_csv = str(workdir / "holds.csv").replace("'", "''")
    con.execute(
        f"""
        CREATE TABLE holds AS
        SELECT hold_ref AS unique_id,
               nullif(split_part({norm("surname")}, ' ', 1), '') AS surname1,
               nullif({norm("second_surname")}, '') AS surname2,
               nullif(split_part({norm("given_names")}, ' ', 1), '') AS given1,
               trim(date_of_birth) AS dob
        FROM read_csv('{holds_csv}', all_varchar = true, header = true)
        """
    )
    rows = [
        (str(p["seq"]), p["surname"].upper(), p["second_surname"], p["given_names"], p["date_of_birth"])
        for p in answers["passengers"]
    ]
    con.execute(
        "CREATE TABLE raw_people (seq VARCHAR, surname VARCHAR, second_surname VARCHAR, "
        "given_names VARCHAR, date_of_birth VARCHAR)"
    )
    con.executemany("INSERT INTO raw_people VALUES (?, ?, ?, ?, ?)", rows)
    con.execute(
        f"""
        CREATE TABLE people AS
        SELECT seq AS unique_id,
               nullif(split_part({norm("surname")}, ' ', 1), '') AS surname1,
               nullif({norm("second_surname")}, '') AS surname2,
               nullif(split_part({norm("given_names")}, ' ', 1), '') AS given1,
               trim(date_of_birth) AS dob
        FROM raw_people
        """
    )
    loaded = time.perf_counter()
    settings = SettingsCreator(
        link_type="link_only",
        blocking_rules_to_generate_predictions=[block_on("dob")],
        comparisons=[
            cl.NameComparison("surname1"),
            cl.NameComparison("surname2"),
            cl.NameComparison("given1"),
            cl.ExactMatch("dob"),
        ],
        probability_two_random_records_match=1 / 1_000_000,
        retain_intermediate_calculation_columns=False,
    )
    people_df = api.register("people", dataset_display_name="people")
    holds_df = api.register("holds", dataset_display_name="holds")
    linker = Linker([people_df, holds_df], settings, log_level=logging.ERROR)
    linker.training.estimate_u_using_random_sampling(max_pairs=1e6, seed=1)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("dob"))
    trained = time.perf_counter()
    predictions = linker.inference.predict()  # every candidate pair, with its probability
    relation = predictions.as_duckdbpyrelation()
    columns = relation.columns
    frame = relation.fetchall()
    finished = time.perf_counter()
    left, right = columns.index("unique_id_l"), columns.index("unique_id_r")
    chance = columns.index("match_probability")
    scored: list[tuple[float, tuple[int, str]]] = []
    for row in frame:
        a, b = row[left], row[right]
        seq, ref = (a, b) if a.isdigit() and not b.isdigit() else (b, a)
        scored.append((row[chance], (int(seq), ref)))

    def at(threshold: float) -> dict[str, Any]:
        return score_pairs({pair for p, pair in scored if p >= threshold}, answers)

    default = at(0.5)
    best_threshold, best = 0.5, default
    for threshold in sorted({round(p, 6) for p, _ in scored}):
        candidate = at(threshold)
        f1 = _f1(candidate)
        if f1 > _f1(best):
            best_threshold, best = threshold, candidate
    return {
        "load_s": loaded - started,
        "train_s": trained - loaded,
        "predict_s": finished - trained,
        "total_s": finished - started,
        "rss_mb": peak_rss_mb(),
        "pairs": len(scored),
        **default,
        "best_threshold": best_threshold,
        "best": best,
    }


def _f1(scores: dict[str, Any]) -> float:
    recall, precision = scores["recall"], scores["precision"]
    return 2 * recall * precision / (recall + precision) if recall + precision else 0.0


PHASES = {
    "build": phase_build,
    "screen": phase_screen,
    "scan": phase_scan,
    "hashing": phase_hashing,
    "cdist": phase_cdist,
    "splink": phase_splink,
}


# --- the whole command ------------------------------------------------------------------------


def find_example(name: str) -> Path | None:
    for folder in (ROOT / "examples", ROOT / "docs" / "samples", Path("/work/shared/samples")):
        if (folder / name).is_file():
            return folder / name
    return None


def time_cli(workdir: Path, env: dict[str, str], repeats: int) -> dict[str, Any]:
    """Median wall time of ``clearway check ... --holds`` once the index is built."""
    executable = shutil.which("clearway", path=str(Path(sys.executable).parent)) or shutil.which("clearway")
    request = find_example("request-clean.toml")
    agreement = find_example("agreement-usa-mex.toml")
    if executable is None:
        return {"skipped": "the clearway command is not installed"}
    if request is None or agreement is None:
        return {"skipped": "no sample request/agreement found (examples/)"}
    plain = [
        executable, "check", "--request", str(request), "--manifest", str(workdir / "manifest.csv"),
        "--agreement", str(agreement), "--at", "2025-01-21T12:00:00Z", "--format", "json",
    ]  # fmt: skip
    command = [*plain, "--holds", str(workdir / "holds.csv")]
    runs = []
    without = []
    status = None
    for _ in range(repeats):
        begin = time.perf_counter()
        done = subprocess.run(command, env=env, capture_output=True, text=True)
        runs.append(time.perf_counter() - begin)
        status = done.returncode
        if status not in (0, 1):
            return {"skipped": f"clearway check exited with {status}: {done.stderr.strip()[:200]}"}
        begin = time.perf_counter()
        subprocess.run(plain, env=env, capture_output=True, text=True)
        without.append(time.perf_counter() - begin)
    report = json.loads(done.stdout)
    holds_found = sum(1 for f in report["findings"] if f["code"] == "LEGAL_HOLD_MATCH")
    return {
        "wall_s": statistics.median(runs),
        "without_holds_s": statistics.median(without),
        "status": status,
        "legal_hold_findings": holds_found,
    }


# --- the report -------------------------------------------------------------------------------


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f", {int(line.split()[1]) / 1024 / 1024:.0f} GiB RAM"
    except OSError:
        pass
    import sqlite3

    return (
        f"{model}, {os.cpu_count()} cores{memory}; Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}; {platform.system()} {platform.release()}"
    )


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def pct(value: float) -> str:
    return f"{value * 100:.1f} %"


def package_version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "not installed"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--passengers", type=int, default=250)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workdir", type=Path, help="where the list and the cache go")
    parser.add_argument("--repeats", type=int, default=7, help="new processes for load timings")
    parser.add_argument("--skip-anchors", action="store_true", help="no rapidfuzz/Splink anchors")
    parser.add_argument("--child", choices=sorted(PHASES), help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        print(json.dumps(PHASES[args.child](args.workdir)))
        return 0

    workdir = args.workdir or Path(tempfile.gettempdir()) / "clearway-bench-holds"
    workdir.mkdir(parents=True, exist_ok=True)
    cache = workdir / "cache"
    env = {"CLEARWAY_CACHE_DIR": str(cache)}
    os.environ.update(env)

    stamp = workdir / "generated.json"
    wanted = {"rows": args.rows, "passengers": args.passengers, "seed": args.seed}
    if not stamp.exists() or json.loads(stamp.read_text()) != wanted:
        print(f"generating {args.rows:,} rows ...", file=sys.stderr)
        passengers = holdgen.make_passengers(args.passengers, seed=args.seed)
        rows, scenario = holdgen.generate(args.rows, passengers, seed=args.seed, invalid_rows=20)
        holdgen.write_holds(workdir / "holds.csv", rows)
        holdgen.write_manifest(workdir / "manifest.csv", passengers, seed=args.seed)
        (workdir / "answers.json").write_text(json.dumps(scenario.to_json(), ensure_ascii=False))
        stamp.write_text(json.dumps(wanted))
    answers = load_answers(workdir)
    size_mb = (workdir / "holds.csv").stat().st_size / 1e6

    shutil.rmtree(cache, ignore_errors=True)
    print("building the index ...", file=sys.stderr)
    build = child("build", workdir)
    print("loading and screening ...", file=sys.stderr)
    screens = [child("screen", workdir) for _ in range(args.repeats)]
    hashing = child("hashing", workdir)
    print("streaming scan ...", file=sys.stderr)
    scan = child("scan", workdir)
    cli = time_cli(workdir, dict(os.environ), args.repeats)

    cdist: dict[str, Any] | None = None
    splink: dict[str, Any] | None = None
    if not args.skip_anchors:
        print("rapidfuzz cdist anchor (minutes) ...", file=sys.stderr)
        try:
            cdist = child("cdist", workdir)
        except subprocess.CalledProcessError as error:
            cdist = {"error": error.stderr.strip().splitlines()[-1]}
        print("Splink anchor ...", file=sys.stderr)
        try:
            splink = child("splink", workdir)
        except subprocess.CalledProcessError as error:
            splink = {"error": error.stderr.strip().splitlines()[-1]}

    s0 = screens[0]
    open_s = statistics.median(s["open_s"] for s in screens)
    import_s = statistics.median(s["import_s"] for s in screens)
    screen_s = statistics.median(s["screen_s"] for s in screens)
    first_s = statistics.median(s["first_screen_s"] for s in screens)
    rss = max(s["rss_mb"] for s in screens)
    traps = f"{s0['false_on_traps']} of {s0['traps']} traps; {s0['false'] - s0['false_on_traps']} elsewhere"

    print()
    print(f"## Legal-hold screening: {args.passengers} passengers x {args.rows:,} hold rows ({size_mb:.0f} MB CSV)")
    print()
    print(f"Machine: {machine()}. Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC.")
    print(
        f"List: `bench/holdgen.py --rows {args.rows} --seed {args.seed}`: "
        f"{len(answers['expected'])} planted variants of passengers (accents/case, second "
        f"surname dropped, hyphen/space-joined surnames, given names shortened, compound "
        f"surnames, partly unknown dates), {len(answers['traps'])} traps that must not match "
        f"(namesakes with another date of birth, twins, José Luis/José Antonio, a dropped "
        f"particle, swapped surnames, a one-letter typo, partial dates written otherwise), "
        f"{len(answers['invalid_lines'])} unreadable rows."
    )
    print()
    print("| what | time | peak RSS | recall (planted) | false matches |")
    print("|---|---|---|---|---|")
    print(
        f"| Clearway index: build (first run; SQLite, {build['index_mb']:.0f} MB) "
        f"| {ms(build['build_s'])} | {build['rss_mb']:.0f} MB | | |"
    )
    print(f"| Clearway index: load (open built index, new process, median of {args.repeats}) | {ms(open_s)} | | | |")
    print(
        f"| Clearway index: screen {args.passengers} people (median of {SCREEN_REPEATS}; "
        f"first call {ms(first_s)}) | {ms(screen_s)} | {rss:.0f} MB | {pct(s0['recall'])} "
        f"| {s0['false']} ({traps}) |"
    )
    print(
        f"| Content key: SHA-256 / BLAKE2b of the list (not on the repeat path) "
        f"| {ms(hashing['sha256_s'])} / {ms(hashing['blake2b_s'])} | | | |"
    )
    print(f"| Content key: stat memo lookup (used) | {ms(hashing['memo_s'])} | | | |")
    print(
        f"| Plain streaming scan of the CSV + the same rule | {ms(scan['scan_s'])} "
        f"| {scan['rss_mb']:.0f} MB | {pct(scan['recall'])} | {scan['false']} |"
    )
    if "skipped" in cli:
        print(f"| `clearway check --holds` repeat run | skipped: {cli['skipped']} | | | |")
    else:
        print(
            f"| `clearway check --holds` repeat run, whole command, wall (median of {args.repeats}; "
            f"same command without `--holds`: {ms(cli['without_holds_s'])}) | {ms(cli['wall_s'])} "
            f"| | {cli['legal_hold_findings']} LEGAL_HOLD_MATCH findings (any `until`: "
            f"applicable ones only) | |"
        )
    if cdist is not None:
        if "error" in cdist:
            print(f"| Anchor: rapidfuzz cdist | failed: {cdist['error']} | | | |")
        else:
            print(
                f"| Anchor: rapidfuzz `cdist` token_set_ratio, 250 x {args.rows:,}, workers=-1 "
                f"(+ {ms(cdist['prepare_s'])} to read and normalise), best F1 at >= "
                f"{cdist['threshold']} | {ms(cdist['cdist_s'])} | {cdist['rss_mb']:.0f} MB "
                f"| {pct(cdist['recall'])} (precision {pct(cdist['precision'])}) "
                f"| {cdist['false']} ({cdist['false_on_traps']} of {cdist['traps']} traps) |"
            )
    if splink is not None:
        if "error" in splink:
            print(f"| Anchor: Splink on DuckDB | failed: {splink['error']} | | | |")
        else:
            print(
                f"| Anchor: Splink {package_version('splink')} on DuckDB "
                f"{package_version('duckdb')} (load {ms(splink['load_s'])}, train "
                f"{ms(splink['train_s'])}, predict {ms(splink['predict_s'])}) "
                f"| {ms(splink['total_s'])} | {splink['rss_mb']:.0f} MB "
                f"| {pct(splink['recall'])} (precision {pct(splink['precision'])}) "
                f"| {splink['false']} ({splink['false_on_traps']} of {splink['traps']} traps) |"
            )
            best = splink["best"]
            print(
                f"| Anchor: the same Splink model at its best-F1 match probability "
                f">= {splink['best_threshold']:.4g} | | | {pct(best['recall'])} (precision "
                f"{pct(best['precision'])}) | {best['false']} ({best['false_on_traps']} of "
                f"{best['traps']} traps) |"
            )
    print()
    print(
        f"Keying: the cache is keyed by the SHA-256 of the list's bytes; a memo maps the "
        f"file's (real path, size, mtime_ns, ctime_ns, inode, device) to it, so a repeat run "
        f"stats the file instead of hashing {size_mb:.0f} MB "
        f"(memo answered: {hashing['memo_hit']}). Load = `open_hold_list` on a built index "
        f"(stat, memo, SQLite open read-only + meta check); its Python import took "
        f"{ms(import_s)} more."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
