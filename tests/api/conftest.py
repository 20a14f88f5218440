"""API test helpers: users with roles, their tokens, a JSON client, the demo registry."""

import json
from importlib import resources
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from amity.accounts.models import ApiToken, Profile, SiteSettings


class Api:
    """A test client that sends a bearer token and JSON bodies."""

    def __init__(self, key: str | None = None, client: Client | None = None):
        self.client = client or Client()
        self.headers = {"Authorization": f"Bearer {key}"} if key else {}

    def _call(self, method: str, path: str, body=None, **kwargs):
        url = path if path.startswith("/") else f"/api/v1/{path}"
        if body is not None:
            kwargs.setdefault("content_type", "application/json")
            kwargs["data"] = body if isinstance(body, str | bytes) else json.dumps(body)
        return getattr(self.client, method)(url, headers=self.headers, **kwargs)

    def get(self, path, **params):
        return self._call("get", path, data=params) if params else self._call("get", path)

    def post(self, path, body=None, **kwargs):
        return self._call("post", path, body, **kwargs)

    def patch(self, path, body=None, **kwargs):
        return self._call("patch", path, body, **kwargs)

    def delete(self, path):
        return self._call("delete", path)


def make_user(username: str, role: str, scope_places=(), superuser: bool = False):
    user = get_user_model().objects.create_user(username, password="secret-pass-1", is_superuser=superuser)
    profile = Profile.objects.create(user=user, role=role)
    profile.scope_places.set(scope_places)
    return user


@pytest.fixture
def demo(db):
    """The demo registry; its records' ids (sequences do not restart between tests on PostgreSQL)."""
    from amity.registry import models as m
    from amity.transfer import import_registry

    data = json.loads(resources.files("amity").joinpath("demo/registry.json").read_text("utf-8"))
    import_registry(data, actor="bot:demo")

    def first(model, **lookup):
        return model.objects.filter(**lookup).order_by("pk").values_list("pk", flat=True).first()

    return SimpleNamespace(
        data=data, agreement=first(m.Agreement), alliance=first(m.Alliance), project=first(m.Project),
        engagement=first(m.Engagement), follow_up=first(m.FollowUp), person=first(m.Person, name="Heong-jun Park"),
    )


@pytest.fixture
def user_api(db):
    """user_api(role, read_only=False, scope_places=()) -> an Api authenticated with a fresh token."""
    counter = iter(range(1000))

    def make(role: str = "admin", read_only: bool = False, scope_places=(), username: str | None = None):
        user = make_user(username or f"{role}{next(counter)}", role, scope_places)
        _, key = ApiToken.issue(user, "test", read_only=read_only)
        api = Api(key)
        api.user = user
        return api

    return make


@pytest.fixture
def admin_api(user_api):
    return user_api("admin", username="ada")


@pytest.fixture
def anonymous():
    return Api()


@pytest.fixture
def public_read(db):
    SiteSettings.objects.update_or_create(pk=1, defaults={"public_read": True})
