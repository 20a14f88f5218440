"""Failed sign-ins and API-token guesses are throttled per account and per address."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from amity.accounts import throttle
from amity.accounts.models import ApiToken, FailedAttempt, Profile

pytestmark = pytest.mark.django_db
PASSWORD = "right-pass-12"


@pytest.fixture(autouse=True)
def few_failures(settings):
    settings.AMITY_SIGNIN_MAX_FAILURES = 3


@pytest.fixture
def alice():
    user = get_user_model().objects.create_user("alice", password=PASSWORD)
    Profile.objects.create(user=user, role="viewer")
    return user


def sign_in(username, password, address="10.0.0.1"):
    return Client(REMOTE_ADDR=address).post("/accounts/login/", {"username": username, "password": password})


def age_failures(minutes: int) -> None:
    for attempt in FailedAttempt.objects.all():
        FailedAttempt.objects.filter(pk=attempt.pk).update(time=attempt.time - dt.timedelta(minutes=minutes))


def test_default_is_ten_failures_in_fifteen_minutes(settings):
    del settings.AMITY_SIGNIN_MAX_FAILURES
    assert throttle.max_failures() == 10 and throttle.window() == dt.timedelta(minutes=15)


def test_the_account_locks_then_opens_again_and_success_resets(alice):
    for _ in range(3):
        assert sign_in("alice", "wrong").status_code == 200
    locked = sign_in("alice", PASSWORD, address="10.0.0.2")  # even the right password, from elsewhere
    assert locked.status_code == 200 and "Too many failed attempts" in locked.content.decode()
    age_failures(16)
    assert sign_in("alice", PASSWORD).status_code == 302
    assert not FailedAttempt.objects.exists()


def test_one_address_guessing_many_accounts_is_locked(alice):
    for name in ("bob", "carol", "dave"):
        sign_in(name, "guess", address="10.9.9.9")
    assert "Too many failed attempts" in sign_in("alice", PASSWORD, address="10.9.9.9").content.decode()
    assert sign_in("alice", PASSWORD, address="10.0.0.3").status_code == 302


def test_api_token_guesses_are_throttled(alice):
    _, key = ApiToken.issue(alice, "laptop")
    client = Client(REMOTE_ADDR="10.0.0.7")
    wrong = key[:12] + "x" * (len(key) - 12)  # the account's prefix, a wrong secret
    for _ in range(3):
        assert client.get("/api/v1/places?limit=1", headers={"Authorization": f"Bearer {wrong}"}).status_code == 401
    response = client.get("/api/v1/places?limit=1", headers={"Authorization": f"Bearer {key}"})
    assert response.status_code == 429 and "Too many failed attempts" in response.json()["detail"]
    age_failures(16)
    assert client.get("/api/v1/places?limit=1", headers={"Authorization": f"Bearer {key}"}).status_code == 200
