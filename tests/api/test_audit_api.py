"""The audit checkpoint and the hash list over HTTP, and a secret that changed answered as a conflict."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

from clearway.domain.checkpoints import ChainLink, check_extension
from clearway.domain.workflow import Role, State
from clearway.services import checkpoints, keys
from clearway.settings import load_settings
from clearway.store.db import session_scope
from clearway.web.app import create_app
from tests.api.conftest import envelope
from tests.api.support import API, World


def test_fetching_the_checkpoint_countersigns_it_and_the_hashes_extend_it(client: Any, world: World) -> None:
    world.drive(State.SUBMITTED)
    fetched = client.post(f"{API}/audit/checkpoint", headers=world.officer.headers)
    assert fetched.status_code == 200, fetched.text
    document = fetched.json()
    assert [witness["organisation"].split()[0] for witness in document["countersignatures"]] == ["sender"]
    again = client.post(f"{API}/audit/checkpoint", headers=world.receiving_officer.headers).json()
    assert len(again["countersignatures"]) == 2 and again["token"] == document["token"]
    observer = client.post(f"{API}/audit/checkpoint", headers=world[("observer", Role.VIEWER)].headers).json()
    assert len(observer["countersignatures"]) == 2  # an observer has no key: it reads, it does not witness

    world.drive(State.APPROVED)  # the chain moves on
    listed = client.get(f"{API}/audit/hashes", params={"since": document["sequence"]}, headers=world.officer.headers)
    body = listed.json()
    assert body["complete"] is True and set(body["hashes"][0]) == {"sequence", "content_hash", "hash"}
    links = [ChainLink(item["sequence"], item["content_hash"], item["hash"]) for item in body["hashes"]]
    extension = check_extension(document["sequence"], document["hash"], links)
    assert extension.extends and extension.head_sequence > document["sequence"]
    with session_scope(world.engine) as session:
        kept = checkpoints.read_checkpoint(again, keys.trusted_keys(session, world.secret))
    assert sorted(witness.organisation.split()[0] for witness in kept.witnesses) == ["receiver", "sender"]


def test_the_hash_list_needs_a_sign_in(client: Any) -> None:
    refused = client.get(f"{API}/audit/hashes")
    assert (refused.status_code, envelope(refused)["code"]) == (401, "unauthenticated")


def test_a_decision_under_a_changed_secret_is_a_conflict_naming_the_command(
    app: FastAPI, world: World, api_db_url: str, tmp_path: Any
) -> None:
    from fastapi.testclient import TestClient

    public_id = world.drive(State.SUBMITTED)
    moved = load_settings(
        {
            "database_url": api_db_url,
            "secret_key": "a-new-secret-after-moving-the-database-0123",
            "environment": "test",
            "cache_dir": tmp_path / "cache2",
        },
        environ={},
    )
    with TestClient(create_app(moved)) as other:
        decided = other.post(
            f"{API}/requests/{public_id}/decision", json={"action": "approve"}, headers=world.receiving_officer.headers
        )
    assert decided.status_code == 409
    assert "clearway keys rotate" in envelope(decided)["message"]
    assert world.state_of(public_id) is State.SUBMITTED  # nothing changed
