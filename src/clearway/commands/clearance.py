"""``clearway clearance verify``: check a signed decision offline and say what it covers."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from clearway.domain.clearance import ClearanceClaims
from clearway.domain.clearance_text import coverage, shown_time
from clearway.domain.errors import UnusableInput
from clearway.domain.snapshot import parse_iso_utc
from clearway.i18n import translate
from clearway.keyset import public_keys_from_file
from clearway.signing import ClearanceInvalid, verify_clearance


def describe(claims: ClearanceClaims, lang: str, *, development_key: bool = False) -> list[str]:
    """What the signed decision covers, one sentence per line, in ``lang``."""
    return [translate(line.key, lang, **line.params) for line in coverage(claims, development_key=development_key)]


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


def moment_of(at: str | None) -> datetime | None:
    """``--at`` as a UTC moment (ISO 8601 with a zone, or a date meaning its start in UTC)."""
    if at is None:
        return None
    text = at.strip()
    try:
        return parse_iso_utc(text + "T00:00:00Z" if len(text) == 10 else text)
    except ValueError:
        raise UnusableInput("clearance.bad_at", value=at) from None


def verify_command(
    token: str,
    key_file: Path,
    lang: str,
    *,
    at: str | None = None,
    issuer: str | None = None,
    allow_development: bool = False,
    now: datetime | None = None,
) -> int:
    """Print what a genuine clearance covers (exit 0); one sentence on stderr and 1 when refused.

    Exit 1 also for a genuine token that does not let the flight land at the moment checked
    (``--at``, default now): outside its validity, a decision other than an approval, or
    signed under the development secret (unless ``allow_development``), so a script that
    trusts the exit status accepts only a real, valid clearance. Exit 2 (``UnusableInput``)
    for input that is not a token at all, or unusable key files and options.
    """
    moment = moment_of(at) or now or datetime.now(UTC)
    public_keys = public_keys_from_file(key_file, issuer=issuer)
    text = read_token(token)
    try:
        verified = verify_clearance(text, public_keys)
    except ClearanceInvalid as refused:
        if refused.reason == "malformed":
            raise UnusableInput("clearance.not_a_token") from None
        print(translate(f"clearance.refused.{refused.reason}", lang, key_id=refused.key_id), file=sys.stderr)
        return 1
    claims = verified.claims
    print(translate("clearance.verified", lang, key_id=claims.key_id))
    print("\n".join(describe(claims, lang, development_key=verified.development)))
    refusal = _refusal(claims, moment, development=verified.development and not allow_development)
    if refusal is not None:
        key, params = refusal
        print(translate(key, lang, **params), file=sys.stderr)
        return 1
    return 0


def _refusal(claims: ClearanceClaims, moment: datetime, *, development: bool) -> tuple[str, dict[str, str]] | None:
    if not claims.decision.grants:
        return f"clearance.refused.decision_{claims.decision}", {}
    assert claims.valid_from is not None and claims.valid_until is not None  # an approval has both
    if moment < claims.valid_from:
        return "clearance.refused.not_yet_valid", {"valid_from": shown_time(claims.valid_from)}
    if moment > claims.valid_until:
        return "clearance.refused.expired", {"valid_until": shown_time(claims.valid_until)}
    if development:
        return "clearance.refused.development_key", {}
    return None
