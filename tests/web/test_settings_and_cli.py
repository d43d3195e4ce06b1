"""Settings from the environment, deploy checks, operator commands."""

import json
import os
import subprocess
import sys

import pytest

from circularcities.cli import main


def run(args, env_extra, tmp_path, stdin=None):
    # These commands run against the embedded SQLite database of a fresh data directory.
    env = {k: v for k, v in os.environ.items()
           if k not in ("DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE", "DATABASE_URL")}
    env.setdefault("CIRCULARCITIES_HOME", str(tmp_path))
    env.update(env_extra)
    return subprocess.run([sys.executable, "-m", "circularcities", *args], capture_output=True,
                          text=True, env=env, input=stdin, timeout=600)


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    out = run(["manage", "check", "--deploy", "--fail-level", "WARNING"], {
        "SECRET_KEY": "x" * 20 + "-production-only-" + "y" * 40, "DEBUG": "0",
        "ALLOWED_HOSTS": "cities.example.org", "CIRCULARCITIES_HTTPS": "1",
        "CIRCULARCITIES_HOME": str(tmp_path)}, tmp_path)
    assert out.returncode == 0, out.stdout + out.stderr
    text = out.stdout + out.stderr
    assert "WARNINGS:" not in text and "ERRORS:" not in text, text


def test_check_deploy_warns_without_https(tmp_path):
    out = run(["manage", "check", "--deploy"], {"CIRCULARCITIES_HTTPS": "0"}, tmp_path)
    assert "circularcities.W001" in out.stdout + out.stderr


def test_debug_is_off_by_default():
    from django.conf import settings

    assert settings.DEBUG is False


def test_bad_boolean_names_the_variable(monkeypatch):
    from circularcities.web.env import env_bool

    monkeypatch.setenv("DEBUG", "maybe")
    with pytest.raises(ValueError, match="DEBUG"):
        env_bool("DEBUG")


def test_secret_key_is_random_per_install(tmp_path, monkeypatch):
    from circularcities.web import env

    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.setenv("CIRCULARCITIES_HOME", str(tmp_path / "a"))
    a = env.secret_key()
    monkeypatch.setenv("CIRCULARCITIES_HOME", str(tmp_path / "b"))
    b = env.secret_key()
    assert a != b and len(a) > 50
    assert oct((tmp_path / "a" / "secret_key").stat().st_mode)[-3:] == "600"


def test_backup_and_restore_round_trip(tmp_path):
    home = {"CIRCULARCITIES_HOME": str(tmp_path)}
    assert run(["load-demo"], home, tmp_path).returncode == 0
    backup = tmp_path / "backup.json.gz"
    assert run(["backup", str(backup)], home, tmp_path).returncode == 0
    before = json.loads(run(["search", "bricks", "--json"], home, tmp_path).stdout)
    # Create a secretariat account, then restore: the account disappears again.
    created = run(["create-secretariat", "boss", "--password-stdin"], home, tmp_path,
                  stdin="a-Very-long-passphrase-42\n")
    assert created.returncode == 0, created.stderr
    restored = run(["restore", str(backup), "--yes"], home, tmp_path)
    assert restored.returncode == 0, restored.stderr
    after = json.loads(run(["search", "bricks", "--json"], home, tmp_path).stdout)
    assert before == after
    again = run(["create-secretariat", "boss", "--password-stdin"], home, tmp_path,
                stdin="a-Very-long-passphrase-42\n")
    assert again.returncode == 0, "restore should have removed the account created after the backup"


def test_weak_secretariat_password_refused(tmp_path):
    out = run(["create-secretariat", "boss", "--password-stdin"], {}, tmp_path, stdin="123\n")
    assert out.returncode == 1 and "error:" in out.stderr


def test_help_lists_commands(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    text = capsys.readouterr().out
    for cmd in ["demo", "serve", "search", "backup", "restore", "create-secretariat"]:
        assert cmd in text


def _readme_production_env(tmp_path):
    """The environment of the README's Production section, with its placeholders filled in."""
    import re
    import secrets
    import shlex
    from pathlib import Path

    text = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Production.*?```sh\n(.*?)```", text, re.S).group(1)
    env = {}
    for line in block.splitlines():
        for word in shlex.split(line, comments=True):
            name, _eq, value = word.partition("=")
            env[name] = value
    env["SECRET_KEY"] = secrets.token_urlsafe(50)
    env["CIRCULARCITIES_HOME"] = str(tmp_path / "home")
    return {k: v.replace("...", "placeholder") for k, v in env.items()}


def test_check_deploy_is_clean_with_the_readme_production_environment(tmp_path):
    env = _readme_production_env(tmp_path)
    assert env["DATABASE_URL"].startswith("postgresql://") and env["BEHIND_PROXY"] == "1"
    out = run(["manage", "check", "--deploy", "--fail-level", "WARNING"], env, tmp_path)
    text = out.stdout + out.stderr
    assert out.returncode == 0 and "no issues" in text, text
