"""Two edits from the same version at the same moment, through a real server: one wins, the other is told
the current version, and nothing is lost."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.api.server import at_once
from tests.api.support import API, World, content


def edit(body: dict[str, Any], based_on: int, operator: str) -> dict[str, Any]:
    return {**body, "based_on_version": based_on, "flight": {**body["flight"], "operator": operator}}


@pytest.mark.parametrize("attempt", range(3))
def test_one_edit_wins_the_other_is_told_the_current_version(server_url: str, world: World, attempt: int) -> None:
    body = content()
    public_id = world.create(body)
    url = f"{server_url}{API}/requests/{public_id}/versions"
    headers = world.officer.headers
    edits = [edit(body, 1, "Mine Air"), edit(body, 1, "Their Air")]

    responses = at_once([lambda http, e=e: http.post(url, json=e, headers=headers) for e in edits])

    statuses = [r.status_code for r in responses]
    assert sorted(statuses) == [201, 409], [r.text for r in responses]
    winner, loser = (edits[0], edits[1]) if statuses[0] == 201 else (edits[1], edits[0])
    details = responses[statuses.index(409)].json()["error"]["details"]
    assert (details["message_key"], details["based_on"], details["current"]) == ("service.stale_version", 1, 2)

    # Nothing lost: the winner's version is stored whole, and the loser can redo its edit on top of it.
    assert _operator(server_url, world, public_id, 2) == winner["flight"]["operator"]
    redone = httpx.post(url, json=edit(loser, 2, loser["flight"]["operator"]), headers=headers)
    assert redone.status_code == 201
    assert _operator(server_url, world, public_id, 3) == loser["flight"]["operator"]
    versions = httpx.get(url, headers=headers).json()["items"]
    assert [(v["number"], v["based_on_version"]) for v in versions] == [(1, None), (2, 1), (3, 2)]


def _operator(server_url: str, world: World, public_id: str, number: int) -> str:
    response = httpx.get(f"{server_url}{API}/requests/{public_id}/versions/{number}", headers=world.officer.headers)
    return str(response.json()["flight"]["operator"])
