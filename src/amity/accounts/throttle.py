"""Throttling failed sign-ins and API-token attempts, per account and per address.

After AMITY_SIGNIN_MAX_FAILURES failures (default 10) within AMITY_SIGNIN_WINDOW_SECONDS
(default 15 minutes) for one account or from one address, further attempts are refused —
even with the right password — until the window has passed; a success clears the
account's and the address's failures. Failures live in the database, so every server
worker and process sees the same count.
"""

from __future__ import annotations

import datetime as dt
import math

from django.conf import settings
from django.utils import timezone

from amity.accounts.models import FailedAttempt


def max_failures() -> int:
    return getattr(settings, "AMITY_SIGNIN_MAX_FAILURES", 10)


def window() -> dt.timedelta:
    return dt.timedelta(seconds=getattr(settings, "AMITY_SIGNIN_WINDOW_SECONDS", 15 * 60))


def address_of(request) -> str:
    """The client's address: REMOTE_ADDR, or behind an HTTPS proxy the one it adds to X-Forwarded-For.

    Behind a proxy REMOTE_ADDR is the proxy's own address for every client, so ten wrong passwords
    from anyone would lock every sign-in. The proxy appends the address it saw to X-Forwarded-For
    (nginx: $proxy_add_x_forwarded_for): the last entry is that one; earlier ones a client may have sent.
    """
    if request is None:
        return "unknown"
    if getattr(settings, "AMITY_CLIENT_FROM_FORWARDED_FOR", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")[-1].strip()
        if forwarded:
            return forwarded[:64]
    return (request.META.get("REMOTE_ADDR") or "unknown")[:64]


def _keys(account: str | None, address: str) -> list[str]:
    keys = [f"address:{address}"]
    if account:
        keys.append(f"account:{account.strip().casefold()[:150]}")
    return keys


def locked_for(account: str | None, address: str) -> int:
    """Seconds until another attempt is allowed (0: allowed now)."""
    since = timezone.now() - window()
    wait = 0
    for key in _keys(account, address):
        times = list(FailedAttempt.objects.filter(key=key, time__gte=since).order_by("-time")
                     .values_list("time", flat=True)[:max_failures()])
        if len(times) >= max_failures():
            # Allowed again when the oldest of the last N failures leaves the window.
            wait = max(wait, math.ceil((times[-1] + window() - timezone.now()).total_seconds()))
    return max(wait, 0)


def record_failure(account: str | None, address: str) -> None:
    FailedAttempt.objects.bulk_create([FailedAttempt(key=key) for key in _keys(account, address)])
    # Old rows are of no use: keep the table small.
    FailedAttempt.objects.filter(time__lt=timezone.now() - 2 * window()).delete()


def record_success(account: str | None, address: str) -> None:
    failures = FailedAttempt.objects.filter(key__in=_keys(account, address))
    if failures.exists():  # a read on every API call; a write only after failures
        failures.delete()


def refusal(seconds: int) -> str:
    minutes = max(1, math.ceil(seconds / 60))
    return (f"Too many failed attempts: sign-in is locked for {minutes} more minute{'s' if minutes > 1 else ''}. "
            "Wait, then try again.")
