"""What a service refuses, as one family of errors that every entry point renders the same way.

Each carries a message key (rendered in English or Spanish by ``clearway.i18n``) and the
values the message names. The API turns them into its one error envelope.
"""

from __future__ import annotations

from typing import Any, ClassVar


class ServiceError(Exception):
    status: ClassVar[int] = 400
    code: ClassVar[str] = "bad_request"

    def __init__(self, message_key: str, /, **params: Any) -> None:
        super().__init__(message_key)
        self.key = message_key
        self.params = params

    def __str__(self) -> str:
        return f"{self.key} {self.params}"


class NotFound(ServiceError):
    """It does not exist, or the caller may not see it: the two answer exactly alike."""

    status = 404
    code = "not_found"


class Unauthenticated(ServiceError):
    status = 401
    code = "unauthenticated"


class Forbidden(ServiceError):
    """The caller sees the thing but its role may not do this."""

    status = 403
    code = "forbidden"


class Conflict(ServiceError):
    """The request's state or version has moved on; nothing was changed."""

    status = 409
    code = "conflict"


class Invalid(ServiceError):
    """The input cannot be used; ``params`` name the field at fault."""

    status = 422
    code = "invalid"


class PayloadTooLarge(ServiceError):
    """The call sends more than the service reads; nothing was read or changed."""

    status = 413
    code = "payload_too_large"


class TooManyAttempts(ServiceError):
    """Too many failed attempts lately; ``params["retry_after"]`` says in how many seconds to try again."""

    status = 429
    code = "too_many_requests"
