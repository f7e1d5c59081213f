"""A request's page (the sending side's workspace and the receiving side's review screen), its
manifest (upload, a row edited in place) and the sending side's transitions."""

from __future__ import annotations

import base64
import tempfile
import zlib
from datetime import UTC, datetime
from pathlib import Path

from fastapi import APIRouter, Request, Response

from clearway.domain.errors import UnusableInput
from clearway.domain.people import MANIFEST_COLUMNS
from clearway.domain.workflow import Permission
from clearway.i18n import render_unusable
from clearway.services import pages_actions, pages_views, requests, workflow
from clearway.services.errors import Forbidden, NotFound, ServiceError
from clearway.web.pages.flights import _saved_flash
from clearway.web.pages.kit import MAX_UPLOAD_BYTES, Flash, PageContext, run

router = APIRouter(include_in_schema=False)

#: The manifest columns a row's edit form offers (seq identifies the row and is not edited).
EDITABLE_COLUMNS = tuple(column for column in MANIFEST_COLUMNS if column != "seq")


def render_request(
    ctx: PageContext,
    request_id: str,
    *,
    errors: dict[str, str] | None = None,
    status: int = 200,
    values: dict[str, str] | None = None,
) -> Response:
    reveal = ctx.request.query_params.get("personal") == "shown" and ctx.can(Permission.PERSONAL_DATA_READ)
    number = ctx.request.query_params.get("version")
    view = pages_views.request_page(
        ctx.session,
        ctx.actor,
        request_id,
        ctx.lang,
        reveal=reveal,
        number=int(number) if number and number.isdigit() else None,
    )
    return ctx.render(
        "requests/page.html",
        status_code=status,
        view=view,
        errors=errors or {},
        values=values or {},
        columns=EDITABLE_COLUMNS,
        now_input=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M"),
    )


@router.get("/requests/{request_id}")
async def request_page(request: Request, request_id: str) -> Response:
    # A writer: revealing personal data writes the access log.
    return await run(request, render_request, write=True, request_id=request_id)


def _based_on(ctx: PageContext) -> int:
    text = ctx.value("based_on")
    return int(text) if text.isdigit() else 0


@router.post("/requests/{request_id}/manifest")
async def upload_manifest(request: Request, request_id: str) -> Response:
    return await run(request, _upload_manifest, request_id=request_id)


def _upload_manifest(ctx: PageContext, request_id: str) -> Response:
    upload = ctx.upload("manifest")
    carried = ctx.value("manifest_carried")
    if upload is None and not carried:
        return render_request(
            ctx, request_id, errors={"manifest": ctx._("Choose a manifest file (CSV or XLSX).")}, status=422
        )
    name = _file_name(upload.filename if upload is not None else ctx.value("manifest_name"))
    with tempfile.TemporaryDirectory(prefix="clearway-upload-") as folder:
        path = Path(folder) / name
        if upload is not None:
            upload.file.seek(0)
            with path.open("wb") as handle:
                while chunk := upload.file.read(1 << 20):
                    handle.write(chunk)
        else:
            content = _uncarried(carried)
            if content is None:
                message = ctx._("The file of the preview could not be read back. Choose the manifest file again.")
                return render_request(ctx, request_id, errors={"manifest": message}, status=422)
            path.write_bytes(content)
        try:
            if ctx.value("confirm") != "yes":
                # An approved request: the amendment is shown against the version decided before it is saved.
                preview = pages_actions.preview_manifest(ctx.session, ctx.actor, request_id, path)
                if preview is not None:
                    view = pages_views.request_page(ctx.session, ctx.actor, request_id, ctx.lang)
                    return ctx.render(
                        "requests/manifest_preview.html",
                        view=view,
                        preview=preview,
                        manifest_name=name,
                        manifest_carried=_carried(path.read_bytes()),
                        based_on=_based_on(ctx),
                    )
            _, version, reasons = pages_actions.save_manifest(
                ctx.session, ctx.actor, request_id, _based_on(ctx), path, ctx.value("justification") or None
            )
        except UnusableInput as error:
            ctx.unit.session.rollback()
            if "path" in error.params:
                error.params["path"] = name
            return render_request(ctx, request_id, errors={"manifest": render_unusable(error, ctx.lang)}, status=422)
        except (Forbidden, NotFound):  # the error pages, not a message beside a field
            raise
        except ServiceError as error:
            ctx.unit.session.rollback()
            return render_request(ctx, request_id, errors={"manifest": ctx.say(error)}, status=error.status)
    errors = sum(1 for item in version.findings if item["severity"] == "error")
    flash = _saved_flash(
        ctx, version.number, reasons, bool(reasons) or ctx.value("state") in ("approved", "approved_restricted")
    )
    if errors:
        flash = Flash(
            "warning",
            ctx.ngettext(
                "Manifest uploaded as version %(version)s. The pre-check found %(num)s error: see it beside its row.",
                "Manifest uploaded as version %(version)s. The pre-check found %(num)s errors: see them beside their rows.",
                errors,
                version=version.number,
            ),
        )
    return ctx.redirect(f"/requests/{request_id}?personal=shown#precheck", flash)


def _file_name(sent: str | None) -> str:
    """The last part of the name a browser (or the preview's form) sent, safe as a file name in a
    folder of our own; "manifest" when nothing usable is left ("..", control characters)."""
    name = Path((sent or "").replace("\\", "/")).name
    name = "".join(character for character in name if character.isprintable())[:200]
    return name if name not in ("", ".", "..") else "manifest"


def _carried(content: bytes) -> str:
    """The previewed file, compressed, for the confirming form to send back (no file kept on the server)."""
    return base64.b64encode(zlib.compress(content, 6)).decode("ascii")


def _uncarried(text: str) -> bytes | None:
    """The file a preview's form sent back; None when it is not one (edited, or larger than any upload)."""
    try:
        packed = base64.b64decode(text, validate=True)
        inflater = zlib.decompressobj()
        content = inflater.decompress(packed, MAX_UPLOAD_BYTES + 1)
    except (ValueError, zlib.error):
        return None
    if len(content) > MAX_UPLOAD_BYTES or not inflater.eof:
        return None
    return content


@router.get("/requests/{request_id}/rows/{seq}/edit")
async def edit_row(request: Request, request_id: str, seq: str) -> Response:
    return await run(request, _edit_row, write=True, request_id=request_id, seq=seq)


def _edit_row(
    ctx: PageContext,
    request_id: str,
    seq: str,
    errors: dict[str, str] | None = None,
    preview: object = None,
    values: dict[str, str] | None = None,
    status: int = 200,
) -> Response:
    ctx.actor.require(Permission.REQUEST_CREATE)
    view = pages_views.request_page(ctx.session, ctx.actor, request_id, ctx.lang, reveal=True)
    passenger = next((item for item in view.snapshot.passengers if item.seq_key == seq.strip()), None)
    if passenger is None:
        raise NotFound("service.passenger_not_found", seq=seq)
    # htmx swaps the form into the table's row; otherwise (no JavaScript, or a preview) a page of its own.
    template = "requests/_row_form.html" if ctx.is_htmx and preview is None and not errors else "requests/row.html"
    return ctx.render(
        template,
        status_code=status,
        view=view,
        passenger=passenger,
        values=values or passenger.as_row(),
        errors=errors or {},
        columns=EDITABLE_COLUMNS,
        preview=preview,
        span=11,
    )


@router.post("/requests/{request_id}/rows/{seq}")
async def save_row(request: Request, request_id: str, seq: str) -> Response:
    return await run(request, _save_row, request_id=request_id, seq=seq)


def _save_row(ctx: PageContext, request_id: str, seq: str) -> Response:
    ctx.actor.require(Permission.REQUEST_CREATE)
    values = {column: ctx.value(column) for column in EDITABLE_COLUMNS}
    view = pages_views.request_page(ctx.session, ctx.actor, request_id, ctx.lang)
    approved = str(view.request.state) in ("approved", "approved_restricted")
    if approved and ctx.value("confirm") != "yes":
        preview = pages_actions.preview_change(ctx.session, ctx.actor, request_id, row=(seq, values))
        return _edit_row(ctx, request_id, seq, preview=preview, values=values)
    try:
        _, version, reasons = pages_actions.save_row(
            ctx.session, ctx.actor, request_id, _based_on(ctx), seq, values, ctx.value("justification") or None
        )
    except (Forbidden, NotFound):  # the error pages, not a message beside a field
        raise
    except ServiceError as error:
        ctx.unit.session.rollback()
        # Refused after a preview (errors without a justification, say): the preview stays, with its field.
        preview = (
            pages_actions.preview_change(ctx.session, ctx.actor, request_id, row=(seq, values)) if approved else None
        )
        return _edit_row(
            ctx, request_id, seq, errors={"_form": ctx.say(error)}, preview=preview, values=values, status=error.status
        )
    return ctx.redirect(
        f"/requests/{request_id}?personal=shown#row-{seq}", _saved_flash(ctx, version.number, reasons, approved)
    )


@router.post("/requests/{request_id}/submit")
async def submit(request: Request, request_id: str) -> Response:
    return await run(request, _submit, request_id=request_id)


def _submit(ctx: PageContext, request_id: str) -> Response:
    justification = ctx.value("justification") or None
    try:
        workflow.submit(ctx.session, ctx.actor, request_id, justification=justification)
    except (Forbidden, NotFound):  # the error pages, not a message beside a field
        raise
    except ServiceError as error:
        ctx.unit.session.rollback()
        field = "justification" if error.key == "service.precheck_errors" else "_form"
        return render_request(
            ctx,
            request_id,
            errors={field: _submit_refusal(ctx, error)},
            status=error.status,
            values={"justification": justification or ""},
        )
    return ctx.redirect(
        f"/requests/{request_id}", Flash("success", ctx._("Submitted. The receiving side can now review the request."))
    )


def _submit_refusal(ctx: PageContext, error: ServiceError) -> str:
    if error.key == "service.precheck_errors":
        return ctx._(
            "The pre-check still finds errors. Correct them, or write why the request should be submitted anyway."
        )
    return ctx.say(error)


@router.post("/requests/{request_id}/answer")
async def answer(request: Request, request_id: str) -> Response:
    return await run(request, _answer, request_id=request_id)


def _answer(ctx: PageContext, request_id: str) -> Response:
    text = ctx.value("answer")
    justification = ctx.value("justification") or None
    try:
        pages_actions.answer_and_resubmit(ctx.session, ctx.actor, request_id, text, justification=justification)
    except (Forbidden, NotFound):  # the error pages, not a message beside a field
        raise
    except ServiceError as error:
        ctx.unit.session.rollback()
        field = "justification" if error.key == "service.precheck_errors" else "answer"
        message = _submit_refusal(ctx, error) if field == "justification" else ctx.say(error)
        return render_request(
            ctx,
            request_id,
            errors={field: message},
            status=error.status,
            values={"answer": text, "justification": justification or ""},
        )
    return ctx.redirect(f"/requests/{request_id}", Flash("success", ctx._("Answer sent and the request resubmitted.")))


@router.post("/requests/{request_id}/cancel")
async def cancel(request: Request, request_id: str) -> Response:
    return await run(request, _cancel, request_id=request_id)


def _cancel(ctx: PageContext, request_id: str) -> Response:
    reason = ctx.value("reason")
    if not reason:
        return render_request(
            ctx, request_id, errors={"reason": ctx._("Write why the request is cancelled.")}, status=422
        )
    try:
        workflow.cancel(ctx.session, ctx.actor, request_id, reason)
    except (Forbidden, NotFound):  # the error pages, not a message beside a field
        raise
    except ServiceError as error:
        ctx.unit.session.rollback()
        return render_request(ctx, request_id, errors={"reason": ctx.say(error)}, status=error.status)
    return ctx.redirect(f"/requests/{request_id}", Flash("success", ctx._("The request is cancelled.")))


@router.post("/requests/{request_id}/copy")
async def copy(request: Request, request_id: str) -> Response:
    return await run(request, _copy, request_id=request_id)


def _copy(ctx: PageContext, request_id: str) -> Response:
    copied = requests.copy_request(ctx.session, ctx.actor, request_id, None)
    return ctx.redirect(
        f"/requests/{copied.public_id}",
        Flash(
            "success",
            ctx._(
                "New draft %(reference)s made from the earlier request. Put right what was refused, then submit it.",
                reference=copied.reference,
            ),
        ),
    )


def _moment(ctx: PageContext, name: str) -> datetime | None:
    try:
        return datetime.fromisoformat(ctx.value(name)).replace(tzinfo=UTC)
    except ValueError:
        return None


@router.post("/requests/{request_id}/departure")
async def departure(request: Request, request_id: str) -> Response:
    return await run(request, _departure, request_id=request_id)


def _departure(ctx: PageContext, request_id: str) -> Response:
    at = _moment(ctx, "departed_at")
    registration = ctx.value("actual_registration")
    errors = {}
    if at is None:
        errors["departed_at"] = ctx._("Enter a date and a time in UTC.")
    if not registration:
        errors["actual_registration"] = ctx._("Enter the registration of the aircraft that departed.")
    if errors or at is None:
        return render_request(ctx, request_id, errors=errors, status=422, values={"actual_registration": registration})
    try:
        result = workflow.record_departure(ctx.session, ctx.actor, request_id, at=at, actual_registration=registration)
    except (Forbidden, NotFound):  # the error pages, not a message beside a field
        raise
    except ServiceError as error:
        ctx.unit.session.rollback()
        return render_request(ctx, request_id, errors={"actual_registration": ctx.say(error)}, status=error.status)
    if result.get("registration_mismatch"):
        return ctx.redirect(
            f"/requests/{request_id}",
            Flash(
                "warning",
                ctx._("Departure recorded. The aircraft that departed is not the one cleared: both sides are warned."),
            ),
        )
    return ctx.redirect(f"/requests/{request_id}", Flash("success", ctx._("Departure recorded.")))


@router.post("/requests/{request_id}/arrival")
async def arrival(request: Request, request_id: str) -> Response:
    return await run(request, _arrival, request_id=request_id)


def _arrival(ctx: PageContext, request_id: str) -> Response:
    at = _moment(ctx, "arrived_at")
    if at is None:
        return render_request(
            ctx, request_id, errors={"arrived_at": ctx._("Enter a date and a time in UTC.")}, status=422
        )
    try:
        workflow.record_arrival(ctx.session, ctx.actor, request_id, at=at)
    except (Forbidden, NotFound):  # the error pages, not a message beside a field
        raise
    except ServiceError as error:
        ctx.unit.session.rollback()
        return render_request(ctx, request_id, errors={"arrived_at": ctx.say(error)}, status=error.status)
    return ctx.redirect(f"/requests/{request_id}", Flash("success", ctx._("Arrival recorded.")))
