"""A manifest read from a PAXLST message keeps what the message named (its flight, its
disagreements) in the stored version, so the pre-check on saving and on submitting agree."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from clearway.domain.snapshot import from_document, snapshot_from, to_document
from clearway.formats.manifest import read_manifest_bytes
from clearway.services import requests
from clearway.services.precheck import precheck_snapshot
from clearway.store.models import utcnow
from tests.factories.paxlst import changed, paxlst_text, read_text
from tests.services.conftest import future_flight


def paxlst_snapshot(old: str = "", new: str = ""):  # type: ignore[no-untyped-def]
    flight = future_flight().flight
    text = paxlst_text(flight=flight, manifest=None)
    if old:
        text = changed(text, old, new)
    return snapshot_from(flight, read_text(text))


def test_the_message_facts_survive_the_stored_document() -> None:
    snapshot = paxlst_snapshot("CNT+42:3", "CNT+42:9")
    assert snapshot.message is not None
    assert from_document(to_document(snapshot)) == snapshot


def test_a_csv_version_document_is_unchanged() -> None:
    snapshot = future_flight()
    assert "manifest_message" not in to_document(snapshot)


def test_a_stored_version_is_checked_with_its_message(world) -> None:  # type: ignore[no-untyped-def]
    snapshot = paxlst_snapshot("CNT+42:3", "CNT+42:9")
    created = requests.create_request(world.session, world.actor("usa"), snapshot)
    version = requests.current_version(world.session, created)
    assert "MESSAGE_INCONSISTENT" in {item["code"] for item in version.findings}
    # The pre-check that submitting runs reads the stored version and finds the same.
    again = precheck_snapshot(
        world.session, requests.snapshot_of(version), sending_org_id=created.sending_org_id, at=utcnow()
    )
    assert "MESSAGE_INCONSISTENT" in {str(item.code) for item in again.findings}


def test_a_version_edited_through_the_api_is_no_longer_the_message(world) -> None:  # type: ignore[no-untyped-def]
    snapshot = paxlst_snapshot("CNT+42:3", "CNT+42:9")
    created = requests.create_request(world.session, world.actor("usa"), snapshot)
    edited = replace(snapshot, message=None)
    _, version, _ = requests.save_edit(world.session, world.actor("usa"), created.public_id, 1, edited)
    assert "MESSAGE_INCONSISTENT" not in {item["code"] for item in version.findings}


def test_the_stored_version_keeps_the_message_exactly_as_received(world) -> None:  # type: ignore[no-untyped-def]
    flight = future_flight().flight
    # Transport lines and a control character before the interchange, a footer after it,
    # a segment folded across lines, and a segment the manifest has no column for.
    body = changed(paxlst_text(flight=flight, manifest=None), "'\nNAD+FL", "'\nFTX+AAI+++ESCORTED\x85'\nNAD+F\r\nL")
    data = ("ZCZC QU MEXAPXA\r\n.SOURCE 011200\x01\r\n" + body + "\r\n-- sent through the gateway --\r\n").encode(
        "latin-1"
    )
    snapshot = snapshot_from(flight, read_manifest_bytes(data, Path("gateway.txt")))
    assert snapshot.message is not None and snapshot.message.original == data
    created = requests.create_request(world.session, world.actor("usa"), snapshot)
    stored = requests.snapshot_of(requests.current_version(world.session, created))
    assert stored.message is not None and stored.message.original == data
    assert len(stored.passengers) == 3
