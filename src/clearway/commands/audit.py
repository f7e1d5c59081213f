"""``clearway audit``: verify the chain (against a kept checkpoint, too), take a checkpoint,
and check a hash list's extension of a checkpoint without the database."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from clearway.domain.errors import UnusableInput
from clearway.i18n import translate


def _read_json(path: Path, key: str) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        raise UnusableInput(key, path=str(path)) from None


def audit_verify_command(db: str | None, lang: str, checkpoint_file: Path | None = None) -> int:
    """Verify the whole audit chain; name the first broken link (exit 1) or say it is intact.

    With a checkpoint kept from before, also prove that nothing up to it changed and that
    today's chain extends it: a cut tail or a rewrite re-hashed from some entry on exits 1.
    """
    from clearway.commands.db import ensure_migrated
    from clearway.services import checkpoints, keys
    from clearway.services.audit import verify_chain
    from clearway.settings import load_settings, resolve_database_url
    from clearway.signing import ClearanceInvalid
    from clearway.store.db import make_engine, session_scope

    document = _read_json(checkpoint_file, "audit.checkpoint_unreadable") if checkpoint_file else None
    # The keys are trusted only as endorsed under the secret, which a plain chain check does not need.
    secret = load_settings({"database_url": db}).secret_key if document is not None else ""
    url = resolve_database_url(db)
    ensure_migrated(url)
    engine = make_engine(url)
    try:
        with session_scope(engine, read_only=True) as session:
            if document is None:
                checked, broken = verify_chain(session)
                verdict = None
            else:
                try:
                    kept = checkpoints.read_checkpoint(document, keys.trusted_keys(session, secret))
                except ClearanceInvalid as refused:
                    reason = translate(f"clearance.refused.{refused.reason}", lang, key_id=refused.key_id)
                    print(
                        translate("audit.checkpoint_refused", lang, path=str(checkpoint_file), reason=reason),
                        file=sys.stderr,
                    )
                    return 1
                verdict = checkpoints.verify_against(session, kept.checkpoint)
                checked, broken = verdict.checked, verdict.broken
    finally:
        engine.dispose()
    if verdict is not None and verdict.problem is checkpoints.CheckpointProblem.TAIL_CUT:
        print(translate("audit.tail_cut", lang, sequence=kept.checkpoint.sequence, head=verdict.head), file=sys.stderr)
        return 1
    if verdict is not None and verdict.problem is checkpoints.CheckpointProblem.REWRITTEN:
        print(translate("audit.rewritten", lang, sequence=kept.checkpoint.sequence), file=sys.stderr)
        return 1
    if broken is not None:
        print(
            translate(
                "audit.broken",
                lang,
                sequence=broken.sequence,
                position=broken.position + 1,
                reason=translate(f"audit.reason.{broken.reason}", lang),
                count=checked,
            ),
            file=sys.stderr,
        )
        return 1
    print(translate("audit.intact", lang, count=checked))
    if verdict is not None:
        witnesses = ", ".join(witness.organisation for witness in kept.witnesses) or "-"
        print(
            translate(
                "audit.extends_checkpoint",
                lang,
                sequence=kept.checkpoint.sequence,
                head=verdict.head,
                witnesses=witnesses,
            )
        )
    return 0


def audit_checkpoint_command(db: str | None, lang: str, output: Path | None) -> int:
    """Sign the chain's head now; write the checkpoint document to ``output`` (or standard output)."""
    from clearway.commands.db import ensure_migrated
    from clearway.services import checkpoints
    from clearway.settings import load_settings
    from clearway.store.db import make_engine, session_scope

    settings = load_settings({"database_url": db})
    ensure_migrated(settings.database_url)
    engine = make_engine(settings.database_url)
    try:
        with session_scope(engine) as session:
            row = checkpoints.take(session, settings.secret_key)
            document = checkpoints.document(session, row)
    finally:
        engine.dispose()
    text = json.dumps(document, indent=2, sort_keys=True) + "\n"
    if output is None:
        sys.stdout.write(text)
        return 0
    try:
        output.write_text(text, encoding="utf-8")
    except OSError:
        raise UnusableInput("audit.checkpoint_unwritable", path=str(output)) from None
    print(translate("audit.checkpoint_written", lang, sequence=row.sequence, path=str(output)))
    return 0


def audit_extends_command(checkpoint_file: Path, hashes_file: Path, key_file: Path, lang: str) -> int:
    """Offline: whether a hash list (``GET /api/v1/audit/hashes``) extends a kept checkpoint,
    whose signature is checked against a key set (``GET /api/v1/keys``)."""
    from clearway.domain.checkpoints import ChainLink, check_extension
    from clearway.keyset import public_keys_from_file
    from clearway.services.checkpoints import read_checkpoint
    from clearway.signing import ClearanceInvalid

    document = _read_json(checkpoint_file, "audit.checkpoint_unreadable")
    listing = _read_json(hashes_file, "audit.hashes_unreadable")
    trusted = public_keys_from_file(key_file)
    try:
        kept = read_checkpoint(document, trusted)
    except ClearanceInvalid as refused:
        reason = translate(f"clearance.refused.{refused.reason}", lang, key_id=refused.key_id)
        print(translate("audit.checkpoint_refused", lang, path=str(checkpoint_file), reason=reason), file=sys.stderr)
        return 1
    try:
        links = [
            ChainLink(int(item["sequence"]), item["content_hash"], str(item["hash"])) for item in listing["hashes"]
        ]
    except (TypeError, KeyError, ValueError):
        raise UnusableInput("audit.hashes_unreadable", path=str(hashes_file)) from None
    extension = check_extension(kept.checkpoint.sequence, kept.checkpoint.hash, links)
    if not extension.extends:
        print(
            translate(f"audit.extension.{extension.problem}", lang, sequence=extension.head_sequence), file=sys.stderr
        )
        return 1
    print(translate("audit.extends_checkpoint", lang, sequence=kept.checkpoint.sequence, head=extension.head_sequence,
                    witnesses=", ".join(w.organisation for w in kept.witnesses) or "-"))  # fmt: skip
    return 0
