"""Every error is JSON: {"detail": "<message>"} plus "errors" for validation problems.

Handlers map domain exceptions to statuses (422 invalid, 409 conflict, 413 too large);
the catch-all logs and answers a JSON 500 only as a last resort.
"""

import logging

from django.core.exceptions import ObjectDoesNotExist, RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError, IntegrityError
from django.db.models import ProtectedError, RestrictedError
from django.http import Http404
from django.http.multipartparser import MultiPartParserError
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from amity.api.types import NOT_BLANK

log = logging.getLogger("amity.api")


class FieldError(Schema):
    loc: list[str | int]
    msg: str


class Error(Schema):
    detail: str
    errors: list[FieldError] | None = None


class Moved(Schema):
    detail: str
    merged_into: int
    location: str


class MergedAway(Http404):
    """A registry record asked for by an id a merge took away: the answer names the record it lives on."""

    def __init__(self, label: str, pk: int, survivor) -> None:
        super().__init__(f"{label} {pk} was merged into {label} {survivor.pk}")
        self.pk, self.survivor = pk, survivor


# Declared on every operation so the schema documents (and schemathesis accepts) them.
ERRORS = {400: Error, 401: Error, 403: Error, 404: Error, 409: Error, 413: Error, 415: Error, 422: Error, 429: Error,
          500: Error}


def _summary(errors: list[dict]) -> str:
    parts = []
    for error in errors:
        where = ".".join(str(part) for part in error["loc"] if part not in ("body", "payload", "query", "filters"))
        parts.append(f"{where}: {error['msg']}" if where else error["msg"])
    return "; ".join(parts) or "invalid input"


def validation_response(api: NinjaAPI, request, errors: list[dict], status: int = 422):
    errors = [{"loc": list(error["loc"]), "msg": str(error["msg"])} for error in errors]
    return api.create_response(request, {"detail": _summary(errors), "errors": errors}, status=status)


def _django_errors(error: DjangoValidationError) -> tuple[list[dict], bool]:
    """(errors with locations, whether any is a uniqueness conflict)."""
    if not hasattr(error, "error_dict"):
        return [{"loc": ["body"], "msg": message} for message in error.messages], False
    errors, conflict = [], False
    for field, field_errors in error.error_dict.items():
        for item in field_errors:
            conflict = conflict or item.code in ("unique", "unique_together")
            loc = ["body"] if field == "__all__" else ["body", field]
            errors.append({"loc": loc, "msg": " ".join(item.messages)})
    return errors, conflict


def install(api: NinjaAPI) -> None:
    def on_ninja_validation(request, exc: NinjaValidationError):
        errors = [{"loc": error.get("loc", ()), "msg": _readable(error)} for error in exc.errors]
        return validation_response(api, request, errors)

    def on_django_validation(request, exc: DjangoValidationError):
        errors, conflict = _django_errors(exc)
        return validation_response(api, request, errors, status=409 if conflict else 422)

    def on_http_error(request, exc: HttpError):
        if isinstance(exc.__cause__, RequestDataTooBig):
            return _detail(request, "request body too large", 413)
        if isinstance(exc, AuthenticationError):
            response = _detail(request, _unauthenticated_message(request), 401)
            response["WWW-Authenticate"] = 'Bearer realm="amity"'
            return response
        return _detail(request, exc.message, exc.status_code)

    def on_not_found(request, exc):
        return _detail(request, str(exc) if str(exc) else "not found", 404)

    def on_merged_away(request, exc: MergedAway):
        # The web's rule (amity.web.redirects): reading the old id leads to the survivor, temporarily,
        # since undoing the merge brings the old record back. A change sent to the old id is refused
        # rather than redirected, so a client never deletes or edits a record it did not name.
        location = _moved_path(request.path, exc.pk, exc.survivor.pk)
        body = {"detail": str(exc), "merged_into": exc.survivor.pk, "location": location}
        if request.method not in ("GET", "HEAD"):
            body["detail"] += f"; send the change to {location}"
            return api.create_response(request, body, status=409)
        response = api.create_response(request, body, status=302)
        response["Location"] = location
        return response

    def on_protected(request, exc: ProtectedError | RestrictedError):
        blockers = sorted({str(obj) for obj in list(exc.protected_objects if isinstance(exc, ProtectedError)
                                                       else exc.restricted_objects)[:5]})
        return _detail(request, "cannot delete: still referred to by " + "; ".join(blockers), 409)

    def on_integrity(request, exc: IntegrityError):
        log.info("integrity error in %s: %s", request.path, exc)
        return _detail(request, "conflict with an existing record", 409)

    def on_data_error(request, exc: DataError):
        log.info("data error in %s: %s", request.path, exc)
        return _detail(request, "a value is out of range for the database", 422)

    def on_too_big(request, exc):
        return _detail(request, "request body too large", 413)

    def on_bad_multipart(request, exc: MultiPartParserError):
        return _detail(request, f"the multipart body cannot be read ({exc}); send multipart/form-data "
                                "with its boundary, as an HTTP client does", 400)

    def on_unexpected(request, exc: Exception):
        log.exception("unexpected error in %s %s", request.method, request.path)
        return _detail(request, "internal error; it has been logged", 500)

    def _detail(request, message: str, status: int):
        return api.create_response(request, {"detail": message}, status=status)

    api.add_exception_handler(NinjaValidationError, on_ninja_validation)
    api.add_exception_handler(DjangoValidationError, on_django_validation)
    api.add_exception_handler(HttpError, on_http_error)
    api.add_exception_handler(MergedAway, on_merged_away)
    api.add_exception_handler(Http404, on_not_found)
    api.add_exception_handler(ObjectDoesNotExist, on_not_found)
    api.add_exception_handler(ProtectedError, on_protected)
    api.add_exception_handler(RestrictedError, on_protected)
    api.add_exception_handler(IntegrityError, on_integrity)
    api.add_exception_handler(DataError, on_data_error)
    api.add_exception_handler(RequestDataTooBig, on_too_big)
    api.add_exception_handler(MultiPartParserError, on_bad_multipart)
    api.add_exception_handler(Exception, on_unexpected)


def _moved_path(path: str, old: int, new: int) -> str:
    """The same API address with the record's id segment (the first equal to the old id) replaced."""
    segments = path.split("/")
    at = segments.index(str(old)) if str(old) in segments else None
    if at is not None:
        segments[at] = str(new)
    return "/".join(segments)


def _readable(error: dict) -> str:
    """The validation message, saying in words what a schema pattern (a name) refuses."""
    pattern = (error.get("ctx") or {}).get("pattern")
    if error.get("type") == "string_pattern_mismatch" and pattern == NOT_BLANK:
        return "must not be blank"
    return str(error.get("msg", "invalid"))


def _unauthenticated_message(request) -> str:
    if request.headers.get("Authorization"):
        return "invalid, revoked or malformed token"
    return "authentication required: send 'Authorization: Bearer <token>' or sign in"
