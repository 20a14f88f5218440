"""Web test helpers: the demo registry and a signed-in client for each role."""

import json
from importlib import resources

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from amity.accounts.models import Profile, SiteSettings
from amity.registry import models as m

SEED_STYLE_RELEASE = """Gimhae and Sapporo Renew Friendship Ties at City Hall Meeting

Hong Tae-yong, the Mayor of Gimhae, and Katsuhiro Akimoto, the Mayor of Sapporo, held a meeting at Gimhae City Hall on Tuesday at 2 p.m.

The two mayors discussed cooperation in tourism, culture and youth exchanges, and agreed to hold a joint festival next year.

Gimhae and Sapporo signed a Friendship City Agreement in May 2015.
"""


def make_user(username: str, role: str, scope_places=(), superuser: bool = False):
    user = get_user_model().objects.create_user(username, password="secret-pass-1", is_superuser=superuser)
    profile = Profile.objects.create(user=user, role=role)
    profile.scope_places.set(scope_places)
    return user


@pytest.fixture
def demo(db):
    from amity.transfer import import_registry

    data = json.loads(resources.files("amity").joinpath("demo/registry.json").read_text("utf-8"))
    import_registry(data, actor="bot:demo")
    return data


def place(name: str, country: str = "KR") -> m.Place:
    return m.Place.objects.filter(name=name, country_code=country).order_by("-population").first()


@pytest.fixture
def users(db):
    pohang = place("Pohang")
    return {
        "admin": make_user("ada", "admin", superuser=True),
        "editor": make_user("ed", "editor"),
        "pohang_editor": make_user("pohang", "editor", scope_places=[pohang]),
        "reviewer": make_user("rev", "reviewer"),
        "viewer": make_user("vi", "viewer"),
    }


@pytest.fixture
def as_role(users):
    """as_role("editor") -> a test client signed in with that role."""

    def client_for(role: str) -> Client:
        client = Client()
        client.force_login(users[role])
        return client

    return client_for


@pytest.fixture
def public_read(db):
    settings = SiteSettings.current()
    settings.public_read = True
    settings.save()
    return settings
