"""Manage API users: `python -m backend.users add NAME --role admin | list | remove NAME`.

The password is asked for at a prompt, or read from standard input with --password-stdin.
"""

import argparse
import asyncio
import getpass
import sys

import asyncpg

from backend.auth.tokens import ROLES
from backend.repositories import users
from backend.services.users import UserError, add_user
from backend.settings import get_settings
from db.dsn import database_url
from db.pool import create_pool


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m backend.users", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    add = commands.add_parser("add", help="add a user")
    add.add_argument("username")
    add.add_argument("--role", choices=ROLES, default="viewer")
    add.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from standard input instead of a prompt",
    )
    commands.add_parser("list", help="list users and their roles")
    remove = commands.add_parser("remove", help="remove a user")
    remove.add_argument("username")
    return parser.parse_args(argv)


def read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    password = getpass.getpass("password: ")
    if password != getpass.getpass("again: "):
        raise UserError("the two passwords differ")
    return password


async def run(arguments: argparse.Namespace, url: str) -> str:
    pool = await create_pool(url, max_size=2)
    try:
        if arguments.command == "add":
            await add_user(
                pool, arguments.username, read_password(arguments.password_stdin), arguments.role
            )
            return f"added {arguments.username} ({arguments.role})"
        if arguments.command == "remove":
            if not await users.delete_user(pool, arguments.username):
                raise UserError(f"no user {arguments.username!r}")
            return f"removed {arguments.username}"
        rows = await users.list_users(pool)
        return "\n".join(f"{row['username']:<32} {row['role']}" for row in rows) or "no users"
    finally:
        await pool.close()


def main(argv: list[str]) -> int:
    arguments = parse_arguments(argv)
    settings = get_settings()
    try:
        with database_url(settings.database_url, settings.embedded_postgres_dir) as url:
            print(asyncio.run(run(arguments, url)))
    except UserError as error:
        print(f"users: {error}", file=sys.stderr)
        return 2
    except (OSError, asyncpg.PostgresError) as error:
        print(f"users: failed: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
