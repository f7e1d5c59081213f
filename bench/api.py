"""API throughput and latency on PostgreSQL: the real app under uvicorn beside a bare endpoint.

Three runs, each with 32 concurrent clients (httpx + asyncio) and a bounded number of calls
and time: ``GET /api/v1/requests/{id}`` (token auth, visibility, the request with its
current version, findings, decisions, clearance and events), the bare endpoint (the same
request row and version JSON in one SELECT, no service layer, no auth), and
``POST /api/v1/requests/{id}/submit`` (pre-check again, audit chain, commit). Each server
runs in its own process, as it would in production, so the clients do not share its GIL.

Targets: the app's read throughput >= 0.6 of the bare endpoint's, p99 < 200 ms.

    CLEARWAY_TEST_POSTGRES_URL=postgresql+psycopg://postgres@127.0.0.1:5432/test .venv/bin/python bench/api.py

It makes a schema of its own on that server and drops it at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import socket
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
CLIENTS = 32
SECRET = "bench-secret-key-0123456789abcdef0123"
BARE_QUERY = """
SELECT r.public_id, r.reference, r.state, r.current_version, v.content, v.findings
FROM clearance_requests r
JOIN request_versions v ON v.request_id = r.id AND v.number = r.current_version
WHERE r.public_id = :public_id
"""


# --- the bare endpoint, served by its own uvicorn process (``--factory bench.api:bare_app``) ------


def bare_app() -> Any:
    """The same read as the app's, straight from the database: the ceiling to compare with."""
    from sqlalchemy import text
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import JSONResponse
    from starlette.routing import Route

    from clearway.store.db import make_engine

    engine = make_engine(os.environ["CLEARWAY_DATABASE_URL"])
    query = text(BARE_QUERY)

    def read(request: Request) -> JSONResponse:  # sync: run in the thread pool, like the app's routes
        with engine.connect() as connection:
            row = connection.execute(query, {"public_id": request.path_params["public_id"]}).mappings().one_or_none()
        if row is None:
            return JSONResponse({"error": "not found"}, status_code=404)
        return JSONResponse(dict(row))

    return Starlette(routes=[Route("/bare/requests/{public_id}", read)])


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
    from clearway.services.actor import actor_for
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
        agreements.load_agreement_file(session, None, agreement_file(Path(folder), **caps))
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
    latencies: list[float]

    @property
    def throughput(self) -> float:
        return self.calls / self.seconds

    def percentile(self, fraction: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] * 1000


async def load(
    name: str, base: str, method: str, paths: list[str], headers: dict[str, str], calls: int, seconds: float
) -> Result:
    """``calls`` calls (or as many as fit in ``seconds``) by CLIENTS concurrent clients, paths in turn."""
    latencies: list[float] = []
    errors = 0
    issued = 0
    limits = httpx.Limits(max_connections=CLIENTS, max_keepalive_connections=CLIENTS)
    async with httpx.AsyncClient(base_url=base, headers=headers, limits=limits, timeout=60) as client:
        started = time.perf_counter()
        deadline = started + seconds

        async def worker() -> None:
            nonlocal issued, errors
            while issued < calls and time.perf_counter() < deadline:
                path = paths[issued % len(paths)]
                issued += 1
                begun = time.perf_counter()
                response = await client.request(method, path)
                latencies.append(time.perf_counter() - begun)
                if response.status_code >= 400:
                    errors += 1

        await asyncio.gather(*(worker() for _ in range(CLIENTS)))
        elapsed = time.perf_counter() - started
    return Result(name, len(latencies), errors, elapsed, latencies)


def table(results: list[Result]) -> str:
    lines = [
        f"| run ({CLIENTS} clients) | calls | errors | throughput (req/s) | p50 (ms) | p99 (ms) |",
        "|---|---|---|---|---|---|",
    ]
    for result in results:
        lines.append(
            f"| {result.name} | {result.calls} | {result.errors} | {result.throughput:.0f} "
            f"| {result.percentile(0.50):.1f} | {result.percentile(0.99):.1f} |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=os.environ.get("CLEARWAY_TEST_POSTGRES_URL", ""), help="PostgreSQL URL")
    parser.add_argument("--reads", type=int, default=4000, help="read calls per run")
    parser.add_argument("--submits", type=int, default=400, help="submit calls (each needs its own draft)")
    parser.add_argument("--seconds", type=float, default=30.0, help="time limit per run")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))  # the tests' builders make the seed requests
    if not args.db.startswith("postgresql"):
        parser.error("give a PostgreSQL URL with --db or CLEARWAY_TEST_POSTGRES_URL")

    print(f"seeding {args.submits} drafts and 50 submitted requests ...", file=sys.stderr)
    seeded = seed(args.db, 50, args.submits)
    servers: list[subprocess.Popen[bytes]] = []
    try:
        app, app_base = serve("clearway.web.app:create_app", seeded.url)
        servers.append(app)
        bare, bare_base = serve("bench.api:bare_app", seeded.url)
        servers.append(bare)
        read_paths = [f"/api/v1/requests/{public_id}" for public_id in seeded.submitted]
        bare_paths = [f"/bare/requests/{public_id}" for public_id in seeded.submitted]
        submit_paths = [f"/api/v1/requests/{public_id}/submit" for public_id in seeded.drafts]
        reader = {"Authorization": f"Bearer {seeded.reader_token}"}
        sender = {"Authorization": f"Bearer {seeded.token}"}

        async def runs() -> list[Result]:
            await load("warm-up", app_base, "GET", read_paths, reader, 300, 10)
            await load("warm-up", bare_base, "GET", bare_paths, {}, 300, 10)
            plan = (
                ("read: GET /api/v1/requests/{id}", app_base, "GET", read_paths, reader, args.reads),
                ("read: bare endpoint, same row + version JSON", bare_base, "GET", bare_paths, {}, args.reads),
                (
                    "submit: POST /api/v1/requests/{id}/submit",
                    app_base,
                    "POST",
                    submit_paths,
                    sender,
                    len(submit_paths),
                ),
            )
            return [await load(*run, args.seconds) for run in plan]

        results = asyncio.run(runs())
    finally:
        for process in servers:
            process.terminate()
            process.wait(timeout=20)
        drop(args.db, seeded.schema)

    app_read, bare_read, submit = results
    print(f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}; PostgreSQL, app and clients on one host. {date.today()}.\n")  # fmt: skip
    print(table(results))
    ratio = app_read.throughput / bare_read.throughput
    print(f"\nread throughput, app / bare: {ratio:.2f} (target >= 0.60)")
    print(f"read p99: {app_read.percentile(0.99):.1f} ms (target < 200 ms)")
    print(f"submit p99: {submit.percentile(0.99):.1f} ms")
    return 0 if not any(result.errors for result in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
