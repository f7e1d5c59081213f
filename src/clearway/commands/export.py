"""``clearway export``: a request version as PAXLST, the Annex 9 PDF, CSV or XLSX (spec/cli.md),
offline from a request file and manifest, or from the database as a named user (the access log
says who).

The PDF is not one of the registry's formats (``formats.exports``): it prints the clearance that
covers the version, which only the database holds and which must verify against its key set, so
it goes through ``services.annex9`` exactly as the API's ``annex9.pdf`` route does. Offline there
is no clearance, and the PDF says "not cleared"."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from clearway.domain.errors import UnusableInput
from clearway.i18n import translate

if TYPE_CHECKING:
    from clearway.domain.reference import ReferenceData
    from clearway.domain.snapshot import RequestSnapshot
    from clearway.services.annex9 import Annex9Source

#: The Annex 9 General Declaration and Passenger Manifest.
PDF = "pdf"


@dataclass(frozen=True)
class ExportOptions:
    format: str
    template: bool
    output: Path | None  # None: the format's own file name in the current folder; "-": standard output
    lang: str
    version: int | None = None
    part_size: int | None = None
    # offline
    request: Path | None = None
    manifest: Path | None = None
    agreements: tuple[Path, ...] = ()
    at: str | None = None
    # database
    db: str | None = None
    user: str | None = None
    request_id: str | None = None
    organisation: str | None = None
    reference: str | None = None


def run_export(options: ExportOptions) -> int:
    if options.template:
        if options.format not in ("xlsx", ""):
            raise UnusableInput("export.template_format", format=options.format)
        from clearway.formats.spreadsheet import template_xlsx

        target = _write(template_xlsx(), options.output, "clearway-manifest-template.xlsx")
        _say(translate("export.template_written", options.lang, path=target), target)
        return 0
    offline = options.request is not None or options.manifest is not None
    stored = any(value is not None for value in (options.user, options.request_id, options.organisation))
    if offline and stored:
        raise UnusableInput("export.sources_mixed")
    if offline and options.request is not None and options.manifest is not None:
        return _offline(options)
    if stored and options.user is not None and (options.request_id or (options.organisation and options.reference)):
        return _stored(options)
    raise UnusableInput("export.source_missing")


def _offline(options: ExportOptions) -> int:
    from clearway.commands.check import _moment
    from clearway.domain.precheck import run_precheck
    from clearway.domain.snapshot import manifest_hash, snapshot_from
    from clearway.formats.agreement import read_agreements
    from clearway.formats.exports import EXPORT_FORMATS, ExportInput
    from clearway.formats.manifest import read_manifest
    from clearway.formats.request import read_request
    from clearway.reference import PackagedReferenceData
    from clearway.services.precheck import stored_findings
    from clearway.settings import paxlst_part_size

    assert options.request is not None and options.manifest is not None
    request = read_request(options.request)
    manifest = read_manifest(options.manifest)
    if options.format == PDF:
        return _offline_pdf(options, request.reference, snapshot_from(request, manifest))
    export_format = EXPORT_FORMATS[options.format]
    agreements = read_agreements(options.agreements) if options.agreements else []
    reference = PackagedReferenceData()
    at = _moment(options.at)
    result = run_precheck(request, manifest, agreements, reference, at=at, request_source=str(options.request))
    snapshot = snapshot_from(request, manifest)
    version = options.version or 1
    content = export_format.write(
        ExportInput(
            snapshot=snapshot,
            version=version,
            manifest_hash=manifest_hash(snapshot),
            findings=stored_findings(result),
            prepared_at=datetime.now(UTC),
            reference=reference,
            part_size=options.part_size or paxlst_part_size(),
        )
    )
    target = _write(content, options.output, export_format.file_name(request.reference, version))
    message = translate(
        "export.written",
        options.lang,
        path=target,
        format=options.format,
        version=version,
        count=len(snapshot.passengers),
    )
    _say(message, target)
    return 0


def _offline_pdf(options: ExportOptions, reference: str, snapshot: RequestSnapshot) -> int:
    from clearway.reference import PackagedReferenceData
    from clearway.services.annex9 import Annex9Source

    source = Annex9Source(reference=reference, version=options.version or 1, snapshot=snapshot, clearance=None)
    return _written_pdf(options, source, PackagedReferenceData())


def _written_pdf(options: ExportOptions, source: Annex9Source, reference_data: ReferenceData | None = None) -> int:
    target = _write(source.render(reference_data), options.output, source.filename)
    message = translate(
        "export.written",
        options.lang,
        path=target,
        format=options.format,
        version=source.version,
        count=len(source.snapshot.passengers),
    )
    _say(message, target)
    return 0


def _stored(options: ExportOptions) -> int:
    from sqlalchemy import select

    from clearway.commands.db import ensure_migrated
    from clearway.services.actor import actor_for
    from clearway.services.annex9 import annex9_source
    from clearway.services.errors import ServiceError
    from clearway.services.exports import export_version, request_id_by_reference
    from clearway.settings import load_settings, paxlst_part_size, resolve_database_url
    from clearway.store.db import make_engine, session_scope
    from clearway.store.models import User

    assert options.user is not None
    url = resolve_database_url(options.db)
    # The PDF prints a clearance only when it verifies against the key set the server secret endorses.
    secret = load_settings({"database_url": url}).secret_key if options.format == PDF else ""
    ensure_migrated(url)
    engine = make_engine(url)
    pdf: Annex9Source | None = None
    try:
        with session_scope(engine) as session:
            user_id = session.scalar(select(User.id).where(User.email == options.user.strip().lower()))
            if user_id is None:
                raise UnusableInput("export.unknown_user", email=options.user)
            try:
                actor = actor_for(session, user_id)
                public_id = options.request_id
                if public_id is None:
                    assert options.organisation is not None and options.reference is not None
                    public_id = request_id_by_reference(session, actor, options.organisation, options.reference)
                if options.format == PDF:
                    pdf = annex9_source(session, actor, public_id, options.version, secret)
                else:
                    exported = export_version(
                        session,
                        actor,
                        public_id,
                        options.version,
                        options.format,
                        part_size=options.part_size or paxlst_part_size(),
                    )
            except ServiceError as error:
                raise UnusableInput(error.key, **error.params) from None
    finally:
        engine.dispose()
    if pdf is not None:
        # Drawn after the unit of work has closed, as the API does: thousands of passengers take seconds.
        return _written_pdf(options, pdf)
    target = _write(exported.content, options.output, exported.file_name)
    message = translate(
        "export.written",
        options.lang,
        path=target,
        format=options.format,
        version=exported.version,
        count=exported.passengers,
    )
    _say(message, target)
    return 0


def _write(content: bytes, output: Path | None, default_name: str) -> str:
    if output is not None and str(output) == "-":
        sys.stdout.buffer.write(content)
        sys.stdout.flush()
        return "-"
    path = output or Path(default_name)
    try:
        path.write_bytes(content)
    except OSError as error:
        raise UnusableInput("file.unwritable", path=str(path), reason=error.strerror) from None
    return str(path)


def _say(message: str, target: str) -> None:
    # With the file on standard output, the sentence goes to standard error, out of its way.
    print(message, file=sys.stderr if target == "-" else sys.stdout)
