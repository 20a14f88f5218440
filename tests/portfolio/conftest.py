"""Portfolio test helpers: the demo registry, users of each role, small record builders."""

import json
from importlib import resources

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from amity.accounts.models import Profile
from amity.core.partialdate import PartialDate
from amity.registry import models as m
from amity.registry import services


def place(name: str, country: str = "KR") -> m.Place:
    return m.Place.objects.filter(name=name, country_code=country).order_by("-population").first()


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


@pytest.fixture
def haeoreum(demo) -> m.Alliance:
    return m.Alliance.objects.get(name="Haeoreum Alliance")


@pytest.fixture
def busan_koper(demo) -> m.Agreement:
    return m.Agreement.objects.get(signed_date="2023-06-22")


@pytest.fixture
def users(db):
    return {
        "admin": make_user("ada", "admin", superuser=True),
        "editor": make_user("ed", "editor"),
        "busan_editor": make_user("busan", "editor", scope_places=[place("Busan")]),
        "pohang_editor": make_user("pohang", "editor", scope_places=[place("Pohang")]),
        "viewer": make_user("vi", "viewer"),
    }


@pytest.fixture
def as_role(users):
    def client_for(role: str) -> Client:
        client = Client()
        client.force_login(users[role])
        return client

    return client_for


def engagement(date: str, *, title: str = "", where: m.Place | None = None, actor: str = "user:test", **values):
    return services.create(m.Engagement, type=values.pop("type", "meeting"), title=title,
                           date=PartialDate.parse(date), place=where, actor=actor, **values)
