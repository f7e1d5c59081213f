"""Idempotency keys: repeating a call with the same key returns the first result, changes nothing."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from typing import Any, TypeVar, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from clearway.services.actor import Actor
from clearway.services.errors import Conflict
from clearway.store.models import IdempotencyRecord

#: A result as JSON holds it (the transitions' typed dictionaries).
Result = TypeVar("Result", bound=Mapping[str, Any])


def fingerprint(payload: Any) -> str:
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()


def once(
    session: Session,
    actor: Actor,
    key: str | None,
    operation: str,
    payload: Any,
    perform: Callable[[], Result],
) -> tuple[Result, bool]:
    """(result, replayed). Without a key, ``perform`` simply runs. The same key with another
    payload is refused: it would otherwise silently answer a different question."""
    if not key:
        return perform(), False
    print_ = fingerprint(payload)
    previous = session.scalars(
        select(IdempotencyRecord).where(
            IdempotencyRecord.user_id == actor.user_id,
            IdempotencyRecord.key == key,
            IdempotencyRecord.operation == operation,
        )
    ).one_or_none()
    if previous is not None:
        if previous.request_fingerprint != print_:
            raise Conflict("service.idempotency_key_reused", key=key)
        # Stored by this same operation below: the shape ``perform`` gives.
        return cast(Result, previous.response), True
    result = perform()
    session.add(
        IdempotencyRecord(
            user_id=actor.user_id,
            key=key,
            operation=operation,
            request_fingerprint=print_,
            response=dict(result),
            status_code=200,
        )
    )
    session.flush()
    return result, False
