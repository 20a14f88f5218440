"""Who is calling: a bearer token, the web app's session, or (if the site allows) anyone.

The authenticated caller is `request.auth`, a Caller; permission checks are in access.py.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from ninja.errors import HttpError
from ninja.security import HttpBearer
from ninja.utils import check_csrf

from amity.accounts import throttle
from amity.accounts.models import ApiToken, SiteSettings

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


@dataclass
class Caller:
    user: object
    token: ApiToken | None = None

    def __bool__(self) -> bool:  # ninja treats a falsy result as "not authenticated"
        return True


def max_request_bytes() -> int:
    return getattr(settings, "AMITY_API_MAX_REQUEST_BYTES", 6 * 1024 * 1024)


class TokenOrSession(HttpBearer):
    """`Authorization: Bearer <token>`; else the session cookie (CSRF-checked for writes)."""

    def __call__(self, request: HttpRequest):
        # Authentication runs before the body is read: refuse oversized bodies here.
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            raise HttpError(400, "invalid Content-Length header") from None
        if length > max_request_bytes():
            raise HttpError(413, f"request body too large (limit {max_request_bytes()} bytes)")

        header = request.headers.get("Authorization")
        if header:
            scheme, _, key = header.partition(" ")
            if scheme.lower() != "bearer":
                return None
            key, address = key.strip(), throttle.address_of(request)
            account = ApiToken.account_of(key)
            wait = throttle.locked_for(account, address)
            if wait:
                raise HttpError(429, throttle.refusal(wait).replace("sign-in", "token authentication"))
            token = ApiToken.authenticate(key)
            if token is None:
                throttle.record_failure(account, address)
                return None
            throttle.record_success(account, address)
            request.user = token.user
            return Caller(token.user, token)

        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            if request.method not in SAFE_METHODS and check_csrf(request) is not None:
                raise HttpError(403, "CSRF check failed (send the X-CSRFToken header)")
            return Caller(user)
        if request.method in SAFE_METHODS and SiteSettings.current().public_read:
            return Caller(AnonymousUser())
        return None

    def authenticate(self, request, token):  # required by HttpBearer; __call__ does the work
        return None
