"""The one exception type for input that cannot be used at all.

It carries a message key and parameters rather than a sentence, so that every
entry point can say it in the user's language (see ``clearway.i18n``).
"""

from __future__ import annotations

from typing import Any


class UnusableInput(Exception):
    """The input cannot be checked at all (the CLI exits with status 2).

    ``key`` names a message in the catalogue; ``params`` fill its placeholders.
    ``path`` is the file at fault, when there is one.
    """

    def __init__(self, message_key: str, /, **params: Any) -> None:
        super().__init__(message_key)
        self.key = message_key
        self.params = params

    def __str__(self) -> str:  # useful in logs and test failures; users get the catalogue text
        return f"{self.key} {self.params}"
