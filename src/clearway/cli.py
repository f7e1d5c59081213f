"""The ``clearway`` command line (spec/cli.md).

Only the command framework is imported at start-up; each command imports what it
needs, because ``clearway check`` runs as a new process and start-up is most of
its time.
"""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

app = typer.Typer(
    name="clearway",
    help="Clearway: shared, verifiable landing clearance for government return flights.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


class Language(StrEnum):
    en = "en"
    es = "es"


@app.callback()
def _root() -> None:
    """Clearway: shared, verifiable landing clearance for government return flights."""


@app.command()
def check(
    request: Annotated[Path, typer.Option("--request", help="Flight request file (TOML or JSON).")],
    manifest: Annotated[Path, typer.Option("--manifest", help="Manifest (CSV or XLSX).")],
    agreement: Annotated[
        list[Path],
        typer.Option("--agreement", help="Agreement file (TOML); repeat for several versions or countries."),
    ],
    holds: Annotated[
        Path | None, typer.Option("--holds", help="Legal-hold list (CSV); indexed once into the cache.")
    ] = None,
    at: Annotated[
        str | None,
        typer.Option("--at", help="Moment of checking, e.g. 2025-01-21T12:00:00Z (default: now)."),
    ] = None,
    output: Annotated[OutputFormat, typer.Option("--format", help="Report format.")] = OutputFormat.text,
    lang: Annotated[Language, typer.Option("--lang", help="Language of messages.")] = Language.en,
) -> None:
    """Run the receiving country's rules over a request before it is submitted.

    Exit status: 0 no errors, 1 at least one error finding, 2 the input could not be used.
    """
    from clearway.commands.check import CheckOptions, run_check

    options = CheckOptions(
        request=request,
        manifest=manifest,
        agreements=tuple(agreement),
        holds=holds,
        at=at,
        output=output.value,
        lang=lang.value,
    )
    raise typer.Exit(_guarded(lambda: run_check(options), lang.value))


clearance_app = typer.Typer(help="Signed clearances.", no_args_is_help=True)
app.add_typer(clearance_app, name="clearance")


@clearance_app.command("verify")
def clearance_verify(
    token: Annotated[str, typer.Argument(help="The clearance token, '-' to read it from standard input, or @FILE.")],
    key: Annotated[Path, typer.Option("--key", help="Public key file of the issuer (PEM, JWK or JWK set).")],
    lang: Annotated[Language, typer.Option("--lang", help="Language of messages.")] = Language.en,
) -> None:
    """Verify a signed clearance offline and say what it covers.

    Exit status: 0 valid now, 1 refused (tampered, unknown key, outside its validity), 2 unusable input.
    """
    from clearway.commands.clearance import verify_command

    raise typer.Exit(_guarded(lambda: verify_command(token, key, lang.value), lang.value))


def _guarded(command: object, lang: str) -> int:
    """Run a command; user errors become one sentence and exit status 2, never a traceback."""
    from clearway.domain.errors import UnusableInput
    from clearway.i18n import render_unusable

    try:
        return int(command())  # type: ignore[operator]
    except UnusableInput as error:
        print(render_unusable(error, lang), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # a bug: say so plainly, keep the traceback for developers
        if os.environ.get("CLEARWAY_DEBUG"):
            raise
        print(
            f"Clearway stopped on an internal error ({type(error).__name__}: {error}). "
            "This is a bug; run again with CLEARWAY_DEBUG=1 to see the details.",
            file=sys.stderr,
        )
        return 3


def main() -> NoReturn:
    app()
    raise SystemExit(0)
