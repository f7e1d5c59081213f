"""The web pages' cost: the review screen of a 250-passenger request with its personal data
revealed (so every view writes the access log), and the flights list over 500 requests.

One client at a time first, timed on the server (the ``Server-Timing`` header each page
sends): median and p95. Then throughput under 8 concurrent clients with ``wrk``, beside
``GET /api/v1/requests/{id}/versions/{n}`` of the same version (which also writes the
access log) in the same run. Targets: review screen <= 50 ms median; its throughput >= 0.5
of that API read.

    .venv/bin/python bench/web.py                       # SQLite file in a temporary folder
    .venv/bin/python bench/web.py --db postgresql+psycopg://postgres@127.0.0.1:5432/test

On PostgreSQL it makes a schema of its own and drops it at the end.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
PASSENGERS = 250
REQUESTS = 500
SAMPLES = 60
CLIENTS = 8
DURATION = "10s"


def _seed(database_url: str) -> None:
    from clearway.domain.snapshot import Passenger
    from clearway.services import demo, requests, workflow
    from clearway.services.actor import actor_for
    from clearway.settings import load_settings
    from clearway.store.db import make_engine, session_scope, upgrade
    from clearway.store.models import User

    settings = load_settings({"database_url": database_url, "environment": "development"})
    upgrade(settings.database_url)
    engine = make_engine(settings.database_url)
    with session_scope(engine) as session:
        demo.seed(session, secret=settings.secret_key)
        sender = actor_for(session, session.query(User).filter_by(email="officer@usa.demo").one().id)
        rows = demo._template_rows()
        arrival = (datetime.now(UTC) + timedelta(days=20)).replace(hour=18, minute=0, second=0, microsecond=0)
        base = demo._snapshot(1, "MEX", rows, arrival)
        passengers = []
        number = 0
        while len(passengers) < PASSENGERS:
            number += 1
            for passenger in demo._snapshot(number, "MEX", rows, arrival).passengers:
                if len(passengers) < PASSENGERS:
                    seq = str(len(passengers) + 1)
                    passengers.append(replace(passenger, seq=seq, case_ref=f"B{int(seq):05d}"))
        people = replace(base.flight.people, declared_passengers=PASSENGERS, escorts=PASSENGERS // 3 + 1)
        aircraft = replace(base.flight.aircraft, seats=PASSENGERS + 60)
        flight = replace(base.flight, reference="RF-BENCH-250", people=people, aircraft=aircraft)
        big = requests.create_request(session, sender, replace(base, flight=flight, passengers=tuple(passengers)))
        workflow.submit(session, sender, big.public_id, justification="Benchmark request.")
        for index in range(REQUESTS - 20):
            small = demo._snapshot(
                index + 100, "MEX" if index % 3 else "GTM", rows, arrival + timedelta(days=index % 40)
            )
            small = replace(small, flight=replace(small.flight, reference=f"RF-BENCH-{index:04d}"))
            requests.create_request(session, sender, small)
        del Passenger
    engine.dispose()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _serve(database_url: str, port: int) -> subprocess.Popen[bytes]:
    env = dict(os.environ, CLEARWAY_DATABASE_URL=database_url, CLEARWAY_ENVIRONMENT="development")
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        "--factory",
        "clearway.web.app:create_app",
        "--port",
        str(port),
        "--log-level",
        "warning",
    ]
    process = subprocess.Popen(command, env=env, cwd=REPO)
    for _ in range(200):
        try:
            httpx.get(f"http://127.0.0.1:{port}/sign-in", timeout=1)
            return process
        except httpx.HTTPError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("the server did not start")


def _sign_in(base: str, email: str) -> httpx.Client:
    client = httpx.Client(base_url=base, timeout=30)
    page = client.get("/sign-in")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert token is not None
    client.post("/sign-in", data={"email": email, "password": "clearway-demo-2026", "csrf_token": token.group(1)})
    return client


def _server_times(client: httpx.Client, path: str) -> list[float]:
    times = []
    for _ in range(SAMPLES):
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        timing = re.search(r"dur=([0-9.]+)", response.headers["server-timing"])
        assert timing is not None
        times.append(float(timing.group(1)))
    return times


def _wrk(url: str, header: str) -> float:
    output = subprocess.run(
        ["wrk", "-t", "2", "-c", str(CLIENTS), "-d", DURATION, "-H", header, url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found = re.search(r"Requests/sec:\s+([0-9.]+)", output)
    assert found is not None, output
    return float(found.group(1))


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="a PostgreSQL URL (default: a SQLite file in a temporary folder)")
    options = parser.parse_args()
    folder = tempfile.TemporaryDirectory(prefix="clearway-bench-web-")
    schema = None
    if options.db:
        import sqlalchemy

        schema = f"bench_web_{uuid.uuid4().hex[:8]}"
        engine = sqlalchemy.create_engine(options.db)
        with engine.begin() as connection:
            connection.execute(sqlalchemy.text(f'CREATE SCHEMA "{schema}"'))
        engine.dispose()
        database_url = f"{options.db}?options=-csearch_path%3D{schema}"
    else:
        database_url = f"sqlite:///{Path(folder.name) / 'bench.db'}"
    process = None
    try:
        started = time.perf_counter()
        _seed(database_url)
        print(f"seeded {REQUESTS} requests in {time.perf_counter() - started:.0f} s", flush=True)
        port = _free_port()
        process = _serve(database_url, port)
        base = f"http://127.0.0.1:{port}"
        sender = _sign_in(base, "officer@usa.demo")
        receiver = _sign_in(base, "officer@mex.demo")
        listing = sender.get("/flights?state=submitted")
        big = re.search(r'href="/requests/([0-9a-f-]{36})">RF-BENCH-250<', listing.text)
        assert big is not None
        review = f"/requests/{big.group(1)}?personal=shown"
        review_times = _server_times(receiver, review)
        list_times = _server_times(sender, "/flights")
        token = httpx.post(
            f"{base}/api/v1/session", json={"email": "officer@mex.demo", "password": "clearway-demo-2026"}
        ).json()["token"]["token"]
        version = receiver.get(f"/api/v1/requests/{big.group(1)}", headers={"Authorization": f"Bearer {token}"}).json()[
            "current_version"
        ]
        cookie = f"Cookie: clearway_session={receiver.cookies.get('clearway_session')}"
        review_rps = _wrk(base + review, cookie)
        api_rps = _wrk(f"{base}/api/v1/requests/{big.group(1)}/versions/{version}", f"Authorization: Bearer {token}")
        list_rps = _wrk(base + "/flights", f"Cookie: clearway_session={sender.cookies.get('clearway_session')}")
    finally:
        if process is not None:
            process.terminate()
            process.wait()
        if schema is not None:
            import sqlalchemy

            engine = sqlalchemy.create_engine(options.db)
            with engine.begin() as connection:
                connection.execute(sqlalchemy.text(f'DROP SCHEMA "{schema}" CASCADE'))
            engine.dispose()
        folder.cleanup()
    backend = "PostgreSQL" if options.db else "SQLite"
    machine = f"{platform.node()} · {platform.machine()} · {os.cpu_count()} CPUs · load {os.getloadavg()[0]:.1f}"
    print(f"\n{machine} · {backend} · {datetime.now(UTC):%Y-%m-%d}")
    print("| page | server median | server p95 | throughput, 8 clients |")
    print("|---|---|---|---|")
    for name, times, rps in (
        (f"review screen, {PASSENGERS} passengers revealed", review_times, review_rps),
        (f"flights list, {REQUESTS} requests", list_times, list_rps),
    ):
        print(f"| {name} | {statistics.median(times):.1f} ms | {_p95(times):.1f} ms | {rps:.1f} req/s |")
    print(f"| API GET /requests/{{id}}/versions/{{n}}, same version | | | {api_rps:.1f} req/s |")
    ratio = review_rps / api_rps if api_rps else 0
    median = statistics.median(review_times)
    print(
        f"\nreview median {median:.1f} ms (target <= 50: {'met' if median <= 50 else 'NOT met'}); "
        f"throughput ratio {ratio:.2f} of the API read (target >= 0.5: {'met' if ratio >= 0.5 else 'NOT met'})"
    )


if __name__ == "__main__":
    main()
