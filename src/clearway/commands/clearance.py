"""``clearway clearance verify``: check a signed clearance offline and say what it covers."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from clearway.domain.clearance import ClearanceClaims, coverage, shown_time
from clearway.domain.errors import UnusableInput
from clearway.i18n import translate
from clearway.signing import ClearanceInvalid, public_keys_from_file, verify_clearance


def describe(claims: ClearanceClaims, lang: str) -> list[str]:
    """What the clearance covers, one sentence per line, in ``lang``."""
    return [translate(line.key, lang, **line.params) for line in coverage(claims)]


def read_token(argument: str) -> str:
    """The token itself, ``-`` for standard input, or ``@FILE`` for a file holding it.

    A token always starts with ``ey`` (a base64url JSON header), or ``CW1:`` in the form a
    printed QR code holds, so neither form is ambiguous with a token given inline.
    """
    if argument == "-":
        return sys.stdin.read().strip()
    if argument.startswith("@"):
        path = Path(argument[1:])
        try:
            return path.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError):
            raise UnusableInput("clearance.token_missing", path=str(path)) from None
    return argument.strip()


def verify_command(token: str, key_file: Path, lang: str, *, now: datetime | None = None) -> int:
    """Print what a genuine clearance covers (exit 0); one sentence on stderr and 1 when refused.

    A genuine clearance outside its validity window is described but still exits 1, so a
    script that trusts the exit status never accepts an expired clearance.
    """
    public_keys = public_keys_from_file(key_file)
    try:
        claims = verify_clearance(read_token(token), public_keys)
    except ClearanceInvalid as refused:
        print(translate(f"clearance.refused.{refused.reason}", lang, key_id=refused.key_id), file=sys.stderr)
        return 1
    print(translate("clearance.verified", lang, key_id=claims.key_id))
    print("\n".join(describe(claims, lang)))
    moment = now or datetime.now(UTC)
    if moment < claims.valid_from:
        print(
            translate("clearance.refused.not_yet_valid", lang, valid_from=shown_time(claims.valid_from)),
            file=sys.stderr,
        )
        return 1
    if moment > claims.valid_until:
        print(translate("clearance.refused.expired", lang, valid_until=shown_time(claims.valid_until)), file=sys.stderr)
        return 1
    return 0
