"""API throughput and latency on PostgreSQL: the real app under uvicorn beside bare endpoints.

Each run is 32 concurrent connections from ``wrk`` (a load generator in C, so that the
clients take little of the CPU the servers need on the same machine):

- ``GET /api/v1/requests/{id}``: token authentication, visibility, the request with its
  current version, findings and decisions, in the JSON of the API;
- the bare endpoint doing the same database read: the same three SELECTs (token, request
  with its current version, decisions) in one read transaction through SQLAlchemy Core,
  returned as plain JSON, with no service layer, ORM, validation or authorisation logic;
- a bare endpoint reading only the request row and version JSON (one SELECT), for scale;
- ``POST /api/v1/requests/{id}/submit`` on fresh drafts (pre-check again, audit chain,
  commit).

Each server runs in its own uvicorn process, as in production. Targets: the app's read
throughput >= 0.6 of the bare endpoint's doing the same database read; read p99 < 200 ms.

    sudo apt-get install wrk    # Debian's package
    CLEARWAY_TEST_POSTGRES_URL=postgresql+psycopg://postgres@127.0.0.1:5432/test .venv/bin/python bench/api.py

It makes a schema of its own on that server and drops it at the end.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx

REPO = Path(__file__).resolve().parents[1]
WRK_SCRIPT = Path(__file__).with_name("wrk_paths.lua")
CLIENTS = 32
APP_READ = "read: GET /api/v1/requests/{id}"
SAME_READ = "read: bare endpoint, the same database read"
MINIMAL_READ = "read: bare endpoint, request row + version JSON only"
SECRET = "bench-secret-key-0123456789abcdef0123"
# The app's read, statement by statement (services.people.authenticate_token,
# services.access.find_request_with_version for a receiving authority, views.detail).
TOKEN_QUERY = """
SELECT t.id, t.last_used_at, u.id, u.role, o.id, o.name, o.kind, o.country
FROM api_tokens t JOIN users u ON u.id = t.user_id JOIN organisations o ON o.id = u.organisation_id
WHERE t.token_hash = :token_hash AND t.revoked_at IS NULL AND u.active
"""
REQUEST_QUERY = """
SELECT r.*, v.id AS version_id, v.number, v.content, v.manifest_hash, v.findings, v.agreement_code,
       v.agreement_version, v.based_on_version, v.override_justification, v.created_by,
       v.created_at AS version_created_at
FROM clearance_requests r
JOIN request_versions v ON v.request_id = r.id AND v.number = r.current_version
WHERE r.public_id = :public_id AND r.receiving_country = :country AND r.ever_submitted
"""
DECISIONS_QUERY = "SELECT * FROM decisions WHERE request_id = :request_id ORDER BY decided_at, id"
MINIMAL_QUERY = """
SELECT r.public_id, r.reference, r.state, r.current_version, v.content, v.findings
FROM clearance_requests r
JOIN request_versions v ON v.request_id = r.id AND v.number = r.current_version
WHERE r.public_id = :public_id
"""


# --- the bare endpoints, served by their own uvicorn process (``--factory bench.api:bare_app``) ---


def bare_app() -> Any:
    """The app's database read with nothing around it: the ceiling to compare with."""
    from sqlalchemy import text
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import JSONResponse
    from starlette.routing import Route

    from clearway.store.db import make_engine

    engine = make_engine(os.environ["CLEARWAY_DATABASE_URL"])
    token_query, request_query, decisions_query = text(TOKEN_QUERY), text(REQUEST_QUERY), text(DECISIONS_QUERY)
    minimal_query = text(MINIMAL_QUERY)

    def same_read(request: Request) -> JSONResponse:  # sync: run in the thread pool, like the app's routes
        secret = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
        with engine.connect() as connection:
            caller = connection.execute(token_query, {"token_hash": hashlib.sha256(secret.encode()).hexdigest()})
            country = caller.one()[7]
            parameters = {"public_id": request.path_params["public_id"], "country": country}
            row = connection.execute(request_query, parameters).mappings().one_or_none()
            if row is None:
                return JSONResponse({"error": "not found"}, status_code=404)
            decisions = connection.execute(decisions_query, {"request_id": row["id"]}).mappings().all()
        return JSONResponse(_plain({**row, "decisions": [dict(decision) for decision in decisions]}))

    def minimal(request: Request) -> JSONResponse:
        with engine.connect() as connection:
            row = connection.execute(minimal_query, {"public_id": request.path_params["public_id"]})
            found = row.mappings().one_or_none()
        if found is None:
            return JSONResponse({"error": "not found"}, status_code=404)
        return JSONResponse(dict(found))

    return Starlette(
        routes=[Route("/bare/requests/{public_id}", same_read), Route("/bare/minimal/{public_id}", minimal)]
    )


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    return {key: value.isoformat() if isinstance(value, datetime) else value for key, value in row.items()}


# --- setup ----------------------------------------------------------------------------------------


@dataclass
class Seeded:
    url: str
    schema: str
    token: str  # the sending officer's
    reader_token: str  # the receiving officer's
    submitted: list[str]
    drafts: list[str]


def _content(number: int) -> dict[str, Any]:
    from tests.api.support import content  # the API tests' clean request body

    local_day = datetime.now(UTC).date() + timedelta(days=10 + number % 200)
    arrival = datetime.combine(local_day, clock(14, 0), ZoneInfo("America/Tijuana")).astimezone(UTC)
    return content(arrival=arrival, reference=f"RF-BENCH-{number:05d}")


def seed(base_url: str, reads: int, submits: int) -> Seeded:
    from sqlalchemy import text
    from sqlalchemy.engine import make_url

    from clearway.domain.workflow import OrgKind, Role
    from clearway.services import agreements, people, requests, workflow
    from clearway.services.actor import COMMAND_LINE, actor_for
    from clearway.store.db import make_engine, session_scope, upgrade
    from clearway.store.models import Organisation, User
    from tests.api.support import agreement_file

    schema = f"clearway_bench_{uuid.uuid4().hex[:10]}"
    admin = make_engine(base_url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    admin.dispose()
    url = make_url(base_url).update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(False)
    upgrade(url)
    engine = make_engine(url)
    tokens: dict[str, str] = {}
    with session_scope(engine) as session, tempfile.TemporaryDirectory() as folder:
        caps = {"flights_per_day": 1_000_000, "passengers_per_day": 100_000_000}
        agreements.load_agreement_file(session, COMMAND_LINE, agreement_file(Path(folder), **caps))
        for label, kind, country in (("usa", OrgKind.SENDING, "USA"), ("mex", OrgKind.RECEIVING, "MEX")):
            organisation = Organisation(name=label, kind=kind, country=country)
            session.add(organisation)
            session.flush()
            user = User(
                organisation_id=organisation.id,
                email=f"officer@{label}.bench",
                display_name=label,
                role=Role.OFFICER,
                password_hash="$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA",
            )
            session.add(user)
            session.flush()
            tokens[label] = people.create_token(session, user, "bench").secret
            tokens[f"{label}-user"] = str(user.id)
    submitted, drafts = [], []
    with session_scope(engine) as session:
        sender = actor_for(session, int(tokens["usa-user"]))
        for number in range(reads + submits):
            made = requests.create_request(session, sender, requests.snapshot_from_body(_content(number)))
            if number < reads:
                workflow.submit(session, sender, made.public_id)
                submitted.append(made.public_id)
            else:
                drafts.append(made.public_id)
    engine.dispose()
    return Seeded(url, schema, tokens["usa"], tokens["mex"], submitted, drafts)


def drop(base_url: str, schema: str) -> None:
    from sqlalchemy import text

    from clearway.store.db import make_engine

    engine = make_engine(base_url)
    with engine.begin() as connection:
        connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    engine.dispose()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def serve(factory: str, url: str) -> tuple[subprocess.Popen[bytes], str]:
    """``factory`` served by uvicorn in a new process on a free port; waits until it answers."""
    port = free_port()
    env = {
        **os.environ,
        "CLEARWAY_DATABASE_URL": url,
        "CLEARWAY_SECRET_KEY": SECRET,
        "CLEARWAY_ENVIRONMENT": "test",
        "PYTHONPATH": os.pathsep.join([str(REPO), str(REPO / "src")]),
    }
    command = [sys.executable, "-m", "uvicorn", "--factory", factory, "--host", "127.0.0.1", "--port", str(port),
               "--log-level", "warning", "--no-access-log"]  # fmt: skip
    process = subprocess.Popen(command, env=env, cwd=REPO)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{factory} exited with {process.returncode}")
        try:
            httpx.get(base + "/", timeout=1)
            return process, base
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"{factory} did not start")


# --- load -----------------------------------------------------------------------------------------


@dataclass
class Result:
    name: str
    calls: int
    errors: int
    seconds: float
    p50: float  # milliseconds
    p90: float
    p99: float

    @property
    def throughput(self) -> float:
        return self.calls / self.seconds


def load(name: str, base: str, method: str, paths: list[str], token: str | None, seconds: float) -> Result:
    """wrk with CLIENTS connections on one thread for ``seconds``, requesting ``paths`` in turn."""
    command = ["wrk", "-t1", f"-c{CLIENTS}", f"-d{seconds:.0f}s", "--timeout", "30s", "-s", str(WRK_SCRIPT), base,
               "--", method, token or "-", *paths]  # fmt: skip
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    line = next(line for line in out.splitlines() if line.startswith("RESULT "))
    figures = json.loads(line.removeprefix("RESULT "))
    return Result(
        name,
        figures["calls"],
        figures["socket_errors"] + figures["status_errors"],
        figures["microseconds"] / 1e6,
        figures["p50"] / 1000,
        figures["p90"] / 1000,
        figures["p99"] / 1000,
    )


def table(results: list[Result]) -> str:
    lines = [
        f"| run ({CLIENTS} connections) | calls | errors | throughput (req/s) | p50 (ms) | p90 (ms) | p99 (ms) |",
        "|---|---|---|---|---|---|---|",
    ]
    for result in results:
        lines.append(
            f"| {result.name} | {result.calls} | {result.errors} | {result.throughput:.0f} "
            f"| {result.p50:.1f} | {result.p90:.1f} | {result.p99:.1f} |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=os.environ.get("CLEARWAY_TEST_POSTGRES_URL", ""), help="PostgreSQL URL")
    parser.add_argument("--seconds", type=float, default=10.0, help="length of each read run")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of the three read runs")
    parser.add_argument("--submit-seconds", type=float, default=5.0, help="length of the submit run")
    parser.add_argument("--drafts", type=int, default=1000, help="drafts to submit (each call needs its own)")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))  # the tests' builders make the seed requests
    if not args.db.startswith("postgresql"):
        parser.error("give a PostgreSQL URL with --db or CLEARWAY_TEST_POSTGRES_URL")
    if shutil.which("wrk") is None:
        parser.error("wrk is not installed (Debian: apt-get install wrk)")

    print(f"seeding {args.drafts} drafts and 50 submitted requests ...", file=sys.stderr)
    seeded = seed(args.db, 50, args.drafts)
    servers: list[subprocess.Popen[bytes]] = []
    try:
        app, app_base = serve("clearway.web.app:create_app", seeded.url)
        servers.append(app)
        bare, bare_base = serve("bench.api:bare_app", seeded.url)
        servers.append(bare)
        read_paths = [f"/api/v1/requests/{public_id}" for public_id in seeded.submitted]
        same_paths = [f"/bare/requests/{public_id}" for public_id in seeded.submitted]
        minimal_paths = [f"/bare/minimal/{public_id}" for public_id in seeded.submitted]
        submit_paths = [f"/api/v1/requests/{public_id}/submit" for public_id in seeded.drafts]
        for base, paths, token in (
            (app_base, read_paths, seeded.reader_token),
            (bare_base, same_paths, seeded.reader_token),
        ):
            load("warm-up", base, "GET", paths, token, 5)
        # Rounds, each endpoint in turn, so that a change in the shared machine's load over the
        # run weighs on both sides alike; each row below is the median round.
        runs: dict[str, list[Result]] = {"app": [], "same": [], "minimal": []}
        for _ in range(args.rounds):
            runs["app"].append(load(APP_READ, app_base, "GET", read_paths, seeded.reader_token, args.seconds))
            runs["same"].append(load(SAME_READ, bare_base, "GET", same_paths, seeded.reader_token, args.seconds))
            runs["minimal"].append(load(MINIMAL_READ, bare_base, "GET", minimal_paths, None, args.seconds))
        submit = load("submit: POST /api/v1/requests/{id}/submit", app_base, "POST", submit_paths, seeded.token,
                      args.submit_seconds)  # fmt: skip
    finally:
        for process in servers:
            process.terminate()
            process.wait(timeout=20)
        drop(args.db, seeded.schema)

    if submit.calls > args.drafts:
        print(f"the submit run outran its {args.drafts} drafts: give more with --drafts", file=sys.stderr)
        return 1
    print(f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}; PostgreSQL, servers and wrk on one host. {date.today()}.\n")  # fmt: skip
    results = [median(runs["app"]), median(runs["same"]), median(runs["minimal"]), submit]
    print(table(results))
    ratios = [app.throughput / same.throughput for app, same in zip(runs["app"], runs["same"], strict=True)]
    print(
        f"\nread throughput, app / bare endpoint doing the same database read, by round: "
        f"{', '.join(f'{ratio:.2f}' for ratio in ratios)}; median {statistics.median(ratios):.2f} (target >= 0.60)"
    )
    print(f"read p99 by round: {', '.join(f'{run.p99:.0f}' for run in runs['app'])} ms (target < 200 ms)")
    every = [*runs["app"], *runs["same"], *runs["minimal"], submit]
    return 0 if not any(result.errors for result in every) else 1


def median(results: list[Result]) -> Result:
    """The round with the median throughput."""
    return sorted(results, key=lambda result: result.throughput)[len(results) // 2]


if __name__ == "__main__":
    raise SystemExit(main())
