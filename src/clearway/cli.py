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


DatabaseOption = Annotated[
    str | None,
    typer.Option(
        "--db", help="Database URL or SQLite file (default: CLEARWAY_DATABASE_URL, else a local SQLite file)."
    ),
]
LanguageOption = Annotated[Language, typer.Option("--lang", help="Language of messages.")]


@app.callback()
def _root() -> None:
    """Clearway: shared, verifiable landing clearance for government return flights."""


@app.command()
def check(
    request: Annotated[Path, typer.Option("--request", help="Flight request file (TOML or JSON).")],
    manifest: Annotated[
        Path, typer.Option("--manifest", help="Manifest (CSV, XLSX or PAXLST), recognised from its content.")
    ],
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


class ExportFormat(StrEnum):
    paxlst = "paxlst"
    pdf = "pdf"
    csv = "csv"
    findings_csv = "findings-csv"
    xlsx = "xlsx"


@app.command()
def export(
    format: Annotated[ExportFormat, typer.Option("--format", help="What to write.")] = ExportFormat.paxlst,
    template: Annotated[bool, typer.Option("--template", help="Write the empty XLSX manifest template.")] = False,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write ('-': standard output; default: by name).")
    ] = None,
    request: Annotated[Path | None, typer.Option("--request", help="Offline: the flight request file.")] = None,
    manifest: Annotated[
        Path | None, typer.Option("--manifest", help="Offline: the manifest (CSV, XLSX, PAXLST).")
    ] = None,
    agreement: Annotated[
        list[Path] | None, typer.Option("--agreement", help="Offline: agreement file(s), for the findings.")
    ] = None,
    at: Annotated[str | None, typer.Option("--at", help="Offline: moment of checking (default: now).")] = None,
    db: DatabaseOption = None,
    user: Annotated[
        str | None, typer.Option("--user", help="Database: the user (e-mail) the export is for; logged as a view.")
    ] = None,
    request_id: Annotated[str | None, typer.Option("--id", help="Database: the request's id.")] = None,
    organisation: Annotated[
        str | None, typer.Option("--organisation", help="Database: the sending organisation.")
    ] = None,
    reference: Annotated[str | None, typer.Option("--reference", help="Database: the request's reference.")] = None,
    version: Annotated[int | None, typer.Option("--version", min=1, help="Version number (default: current).")] = None,
    part_size: Annotated[
        int | None, typer.Option("--part-size", min=1, help="PAXLST: persons per part (default 99,999).")
    ] = None,
    lang: LanguageOption = Language.en,
) -> None:
    """Write a request version as PAXLST, as the ICAO Annex 9 PDF, as a manifest or findings CSV, or as XLSX.

    Offline from --request and --manifest, or from the database with --user and --id (or
    --organisation and --reference). The PDF carries the clearance that covers the version
    only from the database (offline it says "not cleared"). Exit status: 0 written, 2
    unusable input.
    """
    from clearway.commands.export import ExportOptions, run_export

    options = ExportOptions(
        format="" if template and format is ExportFormat.paxlst else format.value,
        template=template,
        output=output,
        lang=lang.value,
        version=version,
        part_size=part_size,
        request=request,
        manifest=manifest,
        agreements=tuple(agreement or ()),
        at=at,
        db=db,
        user=user,
        request_id=request_id,
        organisation=organisation,
        reference=reference,
    )
    raise typer.Exit(_guarded(lambda: run_export(options), lang.value))


clearance_app = typer.Typer(help="Signed clearances.", no_args_is_help=True)
app.add_typer(clearance_app, name="clearance")


@clearance_app.command("verify")
def clearance_verify(
    token: Annotated[str, typer.Argument(help="The clearance token, '-' to read it from standard input, or @FILE.")],
    key: Annotated[
        Path,
        typer.Option(
            "--key",
            help="The key set served at /api/v1/keys (saved as a file), or a public key file (PEM, JWK, JWK set).",
        ),
    ],
    issuer: Annotated[
        str | None,
        typer.Option(
            "--issuer", help="Country (alpha-3) whose key a bare PEM or JWK is; with a key set, only its keys."
        ),
    ] = None,
    at: Annotated[
        str | None, typer.Option("--at", help="Moment to check for, e.g. 2025-01-22T00:00:00Z (default: now).")
    ] = None,
    allow_development: Annotated[
        bool,
        typer.Option(help="Accept a token signed under the development secret (for testing only)."),
    ] = False,
    lang: LanguageOption = Language.en,
) -> None:
    """Verify a signed clearance offline and say what it covers.

    Exit status: 0 a genuine clearance valid at the moment checked; 1 refused (tampered, unknown,
    revoked or another issuer's key, outside its validity, not an approval, development secret);
    2 unusable input (not a token, unreadable key file, bad option).
    """
    from clearway.commands.clearance import verify_command

    raise typer.Exit(
        _guarded(
            lambda: verify_command(token, key, lang.value, at=at, issuer=issuer, allow_development=allow_development),
            lang.value,
        )
    )


@app.command()
def serve(
    db: DatabaseOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    checkpoint_every: Annotated[
        int, typer.Option(help="Minutes between signed audit checkpoints (0: only on demand).", min=0)
    ] = 60,
    lang: LanguageOption = Language.en,
) -> None:
    """Start the web application and JSON API (the database must be migrated: clearway db upgrade)."""
    from clearway.commands.service import serve_command

    raise typer.Exit(_guarded(lambda: serve_command(db, host, port, lang.value, checkpoint_every), lang.value))


@app.command()
def demo(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    db: Annotated[Path | None, typer.Option("--db", help="SQLite file for the demo (replaced).")] = None,
    serve: Annotated[bool, typer.Option(help="Start the server after filling the database.")] = True,
    lang: LanguageOption = Language.en,
) -> None:
    """Start the web application on an embedded database filled with demo organisations, users,
    agreements and flights; print the address and the demo logins."""
    from clearway.commands.service import demo_command

    raise typer.Exit(_guarded(lambda: demo_command(host, port, db, lang.value, serve), lang.value))


@app.command()
def worker(
    db: DatabaseOption = None,
    until_idle: Annotated[bool, typer.Option("--until-idle", help="Stop once nothing is due (for scripts).")] = False,
    lang: LanguageOption = Language.en,
) -> None:
    """Deliver notifications from the outbox (webhooks, e-mail) and write deadline warnings.

    Run several against PostgreSQL; one against SQLite. SIGTERM stops after the delivery in flight.
    """
    from clearway.commands.worker import worker_command

    raise typer.Exit(_guarded(lambda: worker_command(db, lang.value, until_idle=until_idle), lang.value))


db_app = typer.Typer(help="The database.", no_args_is_help=True)
app.add_typer(db_app, name="db")


@db_app.command("upgrade")
def db_upgrade(db: DatabaseOption = None, lang: LanguageOption = Language.en) -> None:
    """Apply the schema migrations (creates the database's tables on first use)."""
    from clearway.commands.db import upgrade_command

    raise typer.Exit(_guarded(lambda: upgrade_command(db, lang.value), lang.value))


audit_app = typer.Typer(help="The audit trail.", no_args_is_help=True)
app.add_typer(audit_app, name="audit")


@audit_app.command("verify")
def audit_verify(
    db: DatabaseOption = None,
    checkpoint: Annotated[
        Path | None,
        typer.Option("--checkpoint", help="A checkpoint kept from before: prove the chain still extends it."),
    ] = None,
    lang: LanguageOption = Language.en,
) -> None:
    """Verify the hash chain of the audit trail and name the first broken link (exit status 1)."""
    from clearway.commands.audit import audit_verify_command

    raise typer.Exit(_guarded(lambda: audit_verify_command(db, lang.value, checkpoint), lang.value))


@audit_app.command("checkpoint")
def audit_checkpoint(
    db: DatabaseOption = None,
    output: Annotated[
        Path | None, typer.Option("--output", help="File to write the checkpoint to (default: standard output).")
    ] = None,
    lang: LanguageOption = Language.en,
) -> None:
    """Sign the audit chain's head now with the instance's audit key; keep the file it writes."""
    from clearway.commands.audit import audit_checkpoint_command

    raise typer.Exit(_guarded(lambda: audit_checkpoint_command(db, lang.value, output), lang.value))


@audit_app.command("extends")
def audit_extends(
    checkpoint: Annotated[Path, typer.Option("--checkpoint", help="The checkpoint file kept from before.")],
    hashes: Annotated[Path, typer.Option("--hashes", help="The hash list from /api/v1/audit/hashes?since=N.")],
    key: Annotated[Path, typer.Option("--key", help="The key set served at /api/v1/keys.")],
    lang: LanguageOption = Language.en,
) -> None:
    """Without the database: check that a hash list extends a kept checkpoint (exit status 1 if not)."""
    from clearway.commands.audit import audit_extends_command

    raise typer.Exit(_guarded(lambda: audit_extends_command(checkpoint, hashes, key, lang.value), lang.value))


keys_app = typer.Typer(help="Signing keys.", no_args_is_help=True)
app.add_typer(keys_app, name="keys")


@keys_app.command("rotate")
def keys_rotate(
    db: DatabaseOption = None,
    revoke_old: Annotated[
        bool, typer.Option(help="Revoke the replaced keys instead of retiring them (the old secret leaked).")
    ] = False,
    lang: LanguageOption = Language.en,
) -> None:
    """Re-key after the secret changed: replace every key the configured secret cannot open."""
    from clearway.commands.keys import keys_rotate_command

    raise typer.Exit(_guarded(lambda: keys_rotate_command(db, lang.value, revoke_old), lang.value))


@keys_app.command("revoke")
def keys_revoke(
    key_id: Annotated[str, typer.Argument(help="The key id (16 hex digits) to revoke.")],
    db: DatabaseOption = None,
    lang: LanguageOption = Language.en,
) -> None:
    """Revoke a compromised key: nothing it signed verifies any more."""
    from clearway.commands.keys import keys_revoke_command

    raise typer.Exit(_guarded(lambda: keys_revoke_command(db, key_id, lang.value), lang.value))


agreements_app = typer.Typer(help="Agreements (requirement profiles).", no_args_is_help=True)
app.add_typer(agreements_app, name="agreements")


@agreements_app.command("load")
def agreements_load(
    files: Annotated[list[Path], typer.Argument(help="Agreement files (TOML).")],
    db: DatabaseOption = None,
    lang: LanguageOption = Language.en,
) -> None:
    """Store agreement files in the database; the version in force applies to each request."""
    from clearway.commands.service import agreements_load_command

    raise typer.Exit(_guarded(lambda: agreements_load_command(db, files, lang.value), lang.value))


holds_app = typer.Typer(help="Legal-hold lists.", no_args_is_help=True)
app.add_typer(holds_app, name="holds")


@holds_app.command("import")
def holds_import(
    file: Annotated[Path, typer.Argument(help="Legal-hold list (CSV).")],
    organisation: Annotated[str, typer.Option("--organisation", help="Name of the sending organisation.")],
    db: DatabaseOption = None,
    lang: LanguageOption = Language.en,
) -> None:
    """Import a legal-hold list as the organisation's current list (replacing the previous one)."""
    from clearway.commands.service import holds_import_command

    raise typer.Exit(_guarded(lambda: holds_import_command(db, organisation, file, lang.value), lang.value))


def _guarded(command: object, lang: str) -> int:
    """Run a command; user errors become one sentence and exit status 2, never a traceback."""
    from clearway.domain.errors import UnusableInput
    from clearway.i18n import render_unusable

    try:
        return int(command())  # type: ignore[operator]
    except UnusableInput as error:
        print(_one_line(render_unusable(error, lang)), file=sys.stderr)
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


def _one_line(sentence: str) -> str:
    """The sentence with any line break or control character of a quoted value shown escaped.

    A value from the user's file (a key, a cell) may hold a line break; echoed raw, the
    one sentence on standard error would become two lines.
    """
    if sentence.isprintable():
        return sentence
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in sentence)


def main() -> NoReturn:
    """Run the command line; a usage error is one sentence on standard error, exit status 2."""
    import click

    try:
        result = app(standalone_mode=False)
    except click.UsageError as error:
        # Click's own report is several lines of English; the contract (spec/cli.md) is one
        # sentence in the --lang language.
        from clearway.commands.usage import usage_sentence

        sys.stderr.write(usage_sentence(error, sys.argv[1:]) + "\n")
        raise SystemExit(2) from None
    except click.Abort:
        raise SystemExit(130) from None
    raise SystemExit(result if isinstance(result, int) else 0)
