"""Every command run in a data folder that `amity init` has not set up says to run it, and does nothing else."""

import os
import subprocess
import sys

import pytest


@pytest.mark.parametrize("command", [
    ["serve", "--bind", "127.0.0.1:0"],  # would start and answer 500 on every page
    ["backup", "copy.sqlite3"],          # would copy an empty database
    ["user", "create", "someone", "--role", "admin"],  # would ask for a password first
    ["token", "list"],
    ["ingest", "-"],
])
def test_a_command_before_init_says_to_run_init(tmp_path, command):
    env = {**os.environ, "AMITY_HOME": str(tmp_path / "home")}
    env.pop("DATABASE_URL", None)
    result = subprocess.run([sys.executable, "-m", "amity.cli", *command], env=env, capture_output=True,
                            text=True, timeout=60, input="secret\nsecret\n", cwd=tmp_path)
    assert result.returncode == 1
    assert "run `amity init` first" in result.stderr
    assert "Traceback" not in result.stderr and "Password" not in result.stdout + result.stderr
    assert not (tmp_path / "copy.sqlite3").exists()
