"""The content of a create or save call, sent as JSON or as a multipart form of files.

The form is handed to ``services.content`` (which the upload page calls too); JSON is
checked here against the body models, so the OpenAPI document describes both.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ValidationError
from starlette.datastructures import UploadFile

from clearway.services.content import FORM_FIELDS, ContentInput, UploadedPart, content_from_form
from clearway.services.errors import Invalid
from clearway.services.requests import snapshot_from_body
from clearway.web.api.bodies import EditBody, RequestBody
from clearway.web.api.deps import Writer, refuse_unknown_caller

MULTIPART = "multipart/form-data"


@dataclass(frozen=True)
class SentContent:
    """What the caller sent: a checked JSON body, or the fields of a form."""

    body: RequestBody | None = None
    form: dict[str, str | UploadedPart] | None = None

    def read(self) -> ContentInput:
        """The content, read by the services (``Invalid`` or ``UnusableInput`` name what is wrong)."""
        if self.form is not None:
            return content_from_form(self.form)
        assert self.body is not None
        snapshot = snapshot_from_body(self.body.document())
        if isinstance(self.body, EditBody):
            return ContentInput(snapshot, self.body.base_version(), self.body.justification)
        return ContentInput(snapshot)

    def read_edit(self) -> ContentInput:
        """As ``read``, insisting on the version the content was made from."""
        content = self.read()
        if content.based_on_version is None:
            raise Invalid("service.based_on_required", field="based_on_version")
        return content


async def _form(request: Request, ctx: Writer) -> dict[str, str | UploadedPart]:
    await refuse_unknown_caller(ctx.unit)  # nothing of the form is read for an unknown caller
    fields: dict[str, str | UploadedPart] = {}
    async with request.form() as form:
        for name, value in form.multi_items():
            if name in fields:
                raise _invalid(name, "given more than once")
            if isinstance(value, UploadFile):
                fields[name] = UploadedPart(value.filename or "", await value.read())
            else:
                fields[name] = value
    return fields


def _invalid(field: str, problem: str) -> RequestValidationError:
    return RequestValidationError([{"loc": ("body", field), "msg": problem, "type": "value_error"}])


async def _json(request: Request, model: type[BaseModel]) -> Any:
    try:
        raw = await request.json()
    except ValueError:
        raise RequestValidationError([{"loc": ("body",), "msg": "not valid JSON", "type": "json_invalid"}]) from None
    try:
        return model.model_validate(raw)
    except ValidationError as error:
        raise RequestValidationError(
            [{**item, "loc": ("body", *item["loc"])} for item in error.errors(include_url=False)]
        ) from None


def _is_form(request: Request) -> bool:
    return request.headers.get("content-type", "").split(";")[0].strip().lower() == MULTIPART


async def _new_request(request: Request, ctx: Writer) -> SentContent:
    if _is_form(request):
        return SentContent(form=await _form(request, ctx))
    return SentContent(body=await _json(request, RequestBody))


async def _new_version(request: Request, ctx: Writer) -> SentContent:
    if _is_form(request):
        return SentContent(form=await _form(request, ctx))
    return SentContent(body=await _json(request, EditBody))


#: The content of a new request (``POST /requests``).
NewRequestContent = Annotated[SentContent, Depends(_new_request)]
#: The content of a new version (``POST /requests/{id}/versions``).
NewVersionContent = Annotated[SentContent, Depends(_new_version)]


def _inline_schema(model: type[BaseModel]) -> dict[str, Any]:
    # The nested models (FlightBody...) are in the document's components already: the
    # pre-check route takes RequestBody as its declared body.
    schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
    schema.pop("$defs", None)
    return schema


def content_body(model: type[BaseModel], *, with_base: bool) -> dict[str, Any]:
    """``openapi_extra`` documenting the JSON body and its multipart form alternative."""
    form_properties: dict[str, Any] = {
        "flight": {"type": "string", "format": "binary", "description": "A request file (TOML or JSON)."},
        "manifest": {"type": "string", "format": "binary", "description": "A manifest (CSV or XLSX)."},
    }
    if with_base:
        form_properties["based_on_version"] = {"type": "integer", "minimum": 1}
        form_properties["justification"] = {"type": "string"}
    assert set(form_properties) <= set(FORM_FIELDS)
    return {
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": _inline_schema(model)},
                MULTIPART: {
                    "schema": {"type": "object", "required": ["flight", "manifest"], "properties": form_properties}
                },
            },
        }
    }
