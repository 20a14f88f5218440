"""Behind an HTTPS proxy every request comes from the proxy's address: throttling counts the client's."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from amity.accounts.models import ApiToken, Profile

pytestmark = pytest.mark.django_db
PASSWORD = "right-pass-12"
PROXY = "127.0.0.1"


@pytest.fixture(autouse=True)
def behind_a_proxy(settings):
    settings.AMITY_SIGNIN_MAX_FAILURES = 3
    settings.AMITY_CLIENT_FROM_FORWARDED_FOR = True


@pytest.fixture
def alice():
    user = get_user_model().objects.create_user("alice", password=PASSWORD)
    Profile.objects.create(user=user, role="viewer")
    return user


def sign_in(username, password, forwarded_for):
    client = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded_for)
    return client.post("/accounts/login/", {"username": username, "password": password})


def test_one_guesser_does_not_lock_everyone_out(alice):
    for name in ("bob", "carol", "dave"):
        sign_in(name, "guess", forwarded_for="203.0.113.9")
    assert "Too many failed attempts" in sign_in("alice", PASSWORD, "203.0.113.9").content.decode()
    # another client, through the same proxy
    assert sign_in("alice", PASSWORD, "198.51.100.4").status_code == 302


def test_an_address_the_client_wrote_itself_does_not_evade_the_count(alice):
    # The proxy appends the address it saw; what comes before it is the client's own text.
    for fake in ("10.0.0.1", "10.0.0.2", "10.0.0.3"):
        sign_in(f"guess-{fake}", "guess", forwarded_for=f"{fake}, 203.0.113.9")
    assert "Too many failed attempts" in sign_in("alice", PASSWORD, "10.0.0.4, 203.0.113.9").content.decode()


def test_token_guesses_through_the_proxy_lock_only_their_sender(alice):
    _, key = ApiToken.issue(alice, "laptop")
    wrong = "amy_" + "x" * 43
    guesser = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.9")
    for _ in range(3):
        assert guesser.get("/api/v1/places?limit=1", headers={"Authorization": f"Bearer {wrong}"}).status_code == 401
    assert guesser.get("/api/v1/places?limit=1", headers={"Authorization": f"Bearer {key}"}).status_code == 429
    other = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.4")
    assert other.get("/api/v1/places?limit=1", headers={"Authorization": f"Bearer {key}"}).status_code == 200
