"""`amity user create` and `amity token create|list|revoke` (run in-process on the test database)."""

import pytest
from django.contrib.auth import get_user_model

from amity.accounts.models import ApiToken, Profile
from amity.cli import main
from tests.api.conftest import Api


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_user_create_with_role_password_and_scope(db, capsys):
    code, out, _ = run(capsys, "user", "create", "busan-desk", "--role", "editor", "--password", "pw-123456789",
                       "--scope-place", "kr:26000", "--scope-place", "place:Koper@SI")
    assert code == 0 and "Created user busan-desk (editor" in out
    user = get_user_model().objects.get(username="busan-desk")
    assert user.check_password("pw-123456789")
    profile = Profile.objects.get(user=user)
    assert profile.role == "editor"
    assert sorted(p.name for p in profile.scope_places.all()) == ["Busan", "Koper"]
    # Running it again changes the role (and clears the scope).
    code, out, _ = run(capsys, "user", "create", "busan-desk", "--role", "viewer", "--no-password")
    assert code == 0 and "Updated" in out
    assert Profile.objects.get(user=user).role == "viewer" and not Profile.objects.get(user=user).scope_places.exists()


def test_user_create_refuses_unknown_places_and_scoped_non_editors(db, capsys):
    code, _, err = run(capsys, "user", "create", "x", "--role", "editor", "--no-password", "--scope-place", "kr:99999")
    assert code == 1 and "no place" in err
    code, _, err = run(capsys, "user", "create", "y", "--role", "viewer", "--no-password", "--scope-place", "kr:26000")
    assert code == 1 and "editors only" in err
    with pytest.raises(SystemExit):
        main(["user", "create", "z", "--role", "king"])


def test_token_create_list_revoke(db, capsys):
    run(capsys, "user", "create", "ada", "--role", "admin", "--no-password")
    code, out, _ = run(capsys, "token", "create", "ada", "laptop")
    assert code == 0
    key = out.strip().splitlines()[-1]
    assert key.startswith("amy_")
    assert Api(key).get("fields").status_code == 200
    code, out, _ = run(capsys, "token", "create", "ada", "dashboard", "--read-only")
    read_only_key = out.strip().splitlines()[-1]
    assert Api(read_only_key).post("fields", {"code": "x", "name": "X"}).status_code == 403

    code, out, _ = run(capsys, "token", "list", "ada")
    assert code == 0 and "laptop" in out and "dashboard" in out and "read-only" in out
    assert key not in out  # the key is never shown again
    token = ApiToken.objects.get(name="laptop")
    code, out, _ = run(capsys, "token", "revoke", str(token.pk))
    assert code == 0 and "Revoked" in out
    assert Api(key).get("fields").status_code == 401
    assert "revoked" in run(capsys, "token", "list")[1]


def test_token_errors(db, capsys):
    assert run(capsys, "token", "create", "nobody", "x")[0] == 1
    assert run(capsys, "token", "revoke", "424242")[0] == 1
