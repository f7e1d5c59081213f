"""What a signing key is for, and where it stands in its life (pure values, shared by store and signing)."""

from __future__ import annotations

from enum import StrEnum


class KeyPurpose(StrEnum):
    DECISIONS = "decisions"  # an organisation's key: its decisions and its countersignatures
    AUDIT = "audit"  # the instance's key: audit checkpoints


class KeyStatus(StrEnum):
    ACTIVE = "active"  # signs now
    RETIRED = "retired"  # signs no more; what it signed before its retirement still verifies
    REVOKED = "revoked"  # compromised: nothing it signed verifies
