"""Who is acting: a user ("user:alice") or a machine ("bot:ingest").

The actor lives in a context variable so the change log knows who made a change
in a web request, a CLI command, an import or background work alike.
"""

from __future__ import annotations

import contextlib
import contextvars
import uuid
from collections.abc import Iterator

_actor: contextvars.ContextVar[str] = contextvars.ContextVar("amity_actor", default="system")
_request_id: contextvars.ContextVar[str] = contextvars.ContextVar("amity_request_id", default="")


def current_actor() -> str:
    return _actor.get()


def current_request_id() -> str:
    return _request_id.get()


def actor_for_user(user) -> str:
    return f"user:{user.get_username()}" if user is not None and user.is_authenticated else "anonymous"


@contextlib.contextmanager
def acting_as(actor: str, request_id: str | None = None) -> Iterator[str]:
    """Run the block as `actor`; every change inside is logged with it."""
    if not actor or not isinstance(actor, str):
        raise ValueError("an actor is a non-empty string such as 'user:alice' or 'bot:import'")
    request_id = request_id or uuid.uuid4().hex
    actor_token = _actor.set(actor)
    request_token = _request_id.set(request_id)
    try:
        yield request_id
    finally:
        _actor.reset(actor_token)
        _request_id.reset(request_token)


class ActorMiddleware:
    """Web requests act as the signed-in user."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with acting_as(actor_for_user(getattr(request, "user", None))):
            return self.get_response(request)
