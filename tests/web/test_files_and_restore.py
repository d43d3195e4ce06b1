"""Private files (data directory, database, backups) and a restore that checks its file first."""

import gzip
import json
import os
import sqlite3
import stat

import pytest

from tests.web.test_settings_and_cli import run


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """A data directory the platform set up itself, with one account and one backup."""
    base = tmp_path_factory.mktemp("install")
    base.chmod(0o755)
    home = base / "home"
    env = {"CIRCULARCITIES_HOME": str(home)}
    out = run(["setup"], env, base)
    assert out.returncode == 0, out.stderr
    made = run(["create-secretariat", "boss", "--password-stdin"], env, base,
               stdin="a-Very-long-passphrase-42\n")
    assert made.returncode == 0, made.stderr
    backup = base / "good.json.gz"
    out = run(["backup", str(backup)], env, base)
    assert out.returncode == 0, out.stderr
    return base, home, env, backup


def test_data_directory_database_and_backup_are_private(installed):
    base, home, env, backup = installed
    assert mode(home) == 0o700
    assert mode(home / "circularcities.sqlite3") == 0o600
    assert mode(home / "secret_key") == 0o600
    assert mode(backup) == 0o600
    # An existing world-readable file is tightened when a backup overwrites it.
    target = base / "again.json.gz"
    target.write_text("old")
    target.chmod(0o644)
    assert run(["backup", str(target)], env, base).returncode == 0
    assert mode(target) == 0o600


def test_sqlite_side_files_take_the_database_mode(installed):
    _base, home, _env, _backup = installed
    old = os.umask(0o022)
    try:
        con = sqlite3.connect(home / "circularcities.sqlite3")
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("CREATE TABLE IF NOT EXISTS probe (x)")
        con.execute("INSERT INTO probe VALUES (1)")
        con.commit()
        assert mode(home / "circularcities.sqlite3-wal") == 0o600
        assert mode(home / "circularcities.sqlite3-shm") == 0o600
        con.execute("DROP TABLE probe")
        con.commit()
        con.close()
    finally:
        os.umask(old)


def test_an_existing_open_data_directory_is_tightened(tmp_path):
    home = tmp_path / "open"
    home.mkdir(mode=0o755)
    home.chmod(0o755)
    out = run(["manage", "check"], {"CIRCULARCITIES_HOME": str(home)}, tmp_path)
    assert out.returncode == 0, out.stderr
    assert mode(home) == 0o700


def _bad_files(tmp, backup):
    whole = backup.read_bytes()
    (tmp / "garbage.json.gz").write_bytes(b"this is not a backup at all\n")
    (tmp / "truncated.json.gz").write_bytes(whole[: len(whole) // 2])
    (tmp / "notjson.json.gz").write_bytes(gzip.compress(b"{not json"))
    (tmp / "future.json.gz").write_bytes(gzip.compress(json.dumps(
        {"format": "circularcities-backup", "version": 99, "objects": []}).encode()))
    (tmp / "other.json").write_text(json.dumps({"hello": "world"}))
    return ["garbage.json.gz", "truncated.json.gz", "notjson.json.gz", "future.json.gz", "other.json"]


def test_a_bad_backup_is_refused_in_one_sentence_and_changes_nothing(installed):
    base, _home, env, backup = installed
    for name in _bad_files(base, backup):
        out = run(["restore", str(base / name), "--yes"], env, base)
        assert out.returncode == 2, (name, out.stderr)
        lines = [line for line in out.stderr.splitlines() if line.strip()]
        assert len(lines) == 1 and lines[0].startswith("error: "), (name, out.stderr)
        assert "Traceback" not in out.stderr
    assert "version 99" in run(["restore", str(base / "future.json.gz"), "--yes"], env, base).stderr
    # The account created before the backup is still there: nothing was flushed.
    again = run(["create-secretariat", "boss", "--password-stdin"], env, base,
                stdin="a-Very-long-passphrase-42\n")
    assert again.returncode == 1 and "exists already" in again.stderr


def test_restore_without_a_terminal_needs_yes(installed):
    base, _home, env, backup = installed
    out = run(["restore", str(backup)], env, base, stdin="")
    assert out.returncode == 2
    assert "--yes" in out.stderr and "Traceback" not in out.stderr
    assert "demo" not in (out.stdout + out.stderr).lower()


def test_restore_into_a_new_data_directory_loads_no_demo(installed, tmp_path):
    base, _home, _env, backup = installed
    env = {"CIRCULARCITIES_HOME": str(tmp_path / "fresh")}
    out = run(["restore", str(backup), "--yes"], env, tmp_path)
    assert out.returncode == 0, out.stderr
    assert "demo" not in (out.stdout + out.stderr).lower()
    assert "Restored" in out.stdout
    exists = run(["create-secretariat", "boss", "--password-stdin"], env, tmp_path,
                 stdin="a-Very-long-passphrase-42\n")
    assert "exists already" in exists.stderr


def test_a_backup_file_has_a_format_version(installed):
    _base, _home, _env, backup = installed
    data = json.loads(gzip.decompress(backup.read_bytes()))
    assert data["format"] == "circularcities-backup" and data["version"] == 1
    assert any(o["model"] == "auth.user" for o in data["objects"])


def test_a_backup_from_before_format_versions_is_still_read(tmp_path):
    from circularcities.web.backup import read_backup

    old = tmp_path / "old.json.gz"
    record = {"model": "auth.group", "pk": 1, "fields": {"name": "editors", "permissions": []}}
    old.write_bytes(gzip.compress(json.dumps([record]).encode()))
    assert read_backup(old) == [record]
