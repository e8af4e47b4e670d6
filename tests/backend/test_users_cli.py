"""`python -m backend.users` as an operator runs it."""

import os
import subprocess
import sys


def users_command(
    database_url: str, *arguments: str, stdin: str = ""
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "backend.users", *arguments],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "DATABASE_URL": database_url},
    )


def test_an_added_user_is_listed_with_their_role(migrated_database_url):
    added = users_command(
        migrated_database_url,
        "add",
        "hr.lead",
        "--role",
        "admin",
        "--password-stdin",
        stdin="long-enough-password\n",
    )
    listed = users_command(migrated_database_url, "list")

    assert added.returncode == 0, added.stderr
    assert added.stdout.strip() == "added hr.lead (admin)"
    assert "hr.lead" in listed.stdout and "admin" in listed.stdout
    assert "long-enough-password" not in listed.stdout + added.stdout


def test_a_short_password_is_refused_with_a_reason(migrated_database_url):
    result = users_command(migrated_database_url, "add", "bob", "--password-stdin", stdin="short\n")

    assert result.returncode == 2
    assert result.stderr.strip() == "users: the password needs at least 8 characters"


def test_removing_an_unknown_user_says_so(migrated_database_url):
    result = users_command(migrated_database_url, "remove", "ghost")

    assert result.returncode == 2
    assert result.stderr.strip() == "users: no user 'ghost'"
