"""A version's content as the API and the upload page receive it: JSON, or files in a
multipart form read by the same readers as ``clearway check``.

The form's fields: ``flight`` (a request file, TOML or JSON, or its JSON as text),
``manifest`` (CSV or XLSX, recognised from the content), and optionally
``based_on_version`` and ``justification``. Each part is written to a temporary folder
under its own base name only (a caller never chooses a path on the server), read, and
removed again.
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from clearway.domain.errors import UnusableInput
from clearway.domain.people import Manifest
from clearway.domain.snapshot import RequestSnapshot, snapshot_from
from clearway.formats.manifest import read_manifest
from clearway.formats.request import read_request
from clearway.services.errors import Invalid

FORM_FIELDS = ("flight", "manifest", "based_on_version", "justification")


@dataclass(frozen=True)
class UploadedPart:
    """A file of the form: the name the caller gave it, and its bytes."""

    filename: str
    data: bytes


@dataclass(frozen=True)
class ContentInput:
    """What a create or save call carries besides the request it is for."""

    snapshot: RequestSnapshot
    based_on_version: int | None = None
    justification: str | None = None


def content_from_form(fields: Mapping[str, str | UploadedPart]) -> ContentInput:
    """Read a multipart form's fields; ``Invalid`` names a missing or unexpected field."""
    unexpected = sorted(set(fields) - set(FORM_FIELDS))
    if unexpected:
        raise Invalid("service.form_unknown_field", field=unexpected[0], allowed=", ".join(FORM_FIELDS))
    flight = _part(fields, "flight", "flight.json")
    manifest = _part(fields, "manifest", "manifest.csv")
    based_on = fields.get("based_on_version")
    if isinstance(based_on, UploadedPart):
        raise Invalid("service.form_not_text", field="based_on_version")
    number = None
    if based_on is not None and based_on.strip():
        if not based_on.strip().isdigit() or int(based_on) < 1:
            raise Invalid("service.form_not_a_version", field="based_on_version", value=based_on)
        number = int(based_on)
    justification = fields.get("justification")
    if isinstance(justification, UploadedPart):
        raise Invalid("service.form_not_text", field="justification")
    return ContentInput(snapshot_from_files(flight, manifest), number, justification)


def _part(fields: Mapping[str, str | UploadedPart], name: str, default_name: str) -> UploadedPart:
    value = fields.get(name)
    if value is None:
        raise Invalid("service.form_field_missing", field=name)
    if isinstance(value, str):  # pasted as text rather than attached as a file
        return UploadedPart(default_name, value.encode("utf-8"))
    return value


def snapshot_from_files(flight: UploadedPart, manifest: UploadedPart) -> RequestSnapshot:
    """The content of a request file and a manifest file, read as ``clearway check`` reads them."""
    with tempfile.TemporaryDirectory(prefix="clearway-content-") as folder:
        flight_path = _written(Path(folder) / "flight", flight, "flight.json")
        manifest_path = _written(Path(folder) / "manifest", manifest, "manifest.csv")
        try:
            request, table = read_request(flight_path), read_manifest(manifest_path)
        except UnusableInput as error:
            if "path" in error.params:
                error.params["path"] = Path(str(error.params["path"])).name  # the caller's name, not ours
            raise
    _refuse_lost_values(table, manifest_path.name)
    return snapshot_from(request, table)


def _refuse_lost_values(manifest: Manifest, name: str) -> None:
    """A stored version keeps rows only: a record the reader could not read, or a cell too long to
    keep, would drop out of it unseen. ``clearway check`` reports them; a version refuses them."""
    if manifest.unreadable:
        record = manifest.unreadable[0]
        raise Invalid(
            "service.manifest_record_unreadable", file=name, unit=record.unit, position=record.position,
            reason=record.reason,
        )  # fmt: skip
    too_long = next(((row, column, length) for row in manifest.rows for column, length in row.too_long.items()), None)
    if too_long is not None:
        row, column, length = too_long
        raise Invalid("service.manifest_cell_too_long", file=name, line=row.line, column=column, length=length)


def _written(folder: Path, part: UploadedPart, default_name: str) -> Path:
    folder.mkdir()
    path = folder / (Path(part.filename or "").name or default_name)
    path.write_bytes(part.data)
    return path
