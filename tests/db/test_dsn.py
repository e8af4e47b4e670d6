from db.dsn import describe, with_database, with_user

EMBEDDED = "postgresql://postgres:@/postgres?host=/srv/data/postgres"
REMOTE = "postgresql://app:s3cret@db.internal:5433/leaves"


def test_with_database_keeps_server_and_credentials():
    assert with_database(REMOTE, "other") == "postgresql://app:s3cret@db.internal:5433/other"
    assert with_database(EMBEDDED, "t1") == "postgresql://postgres:@/t1?host=/srv/data/postgres"


def test_with_user_replaces_the_credentials():
    assert with_user(REMOTE, "leave_reader") == "postgresql://leave_reader@db.internal:5433/leaves"
    assert with_user(REMOTE, "r", "pw") == "postgresql://r:pw@db.internal:5433/leaves"


def test_describe_never_shows_the_password():
    assert describe(REMOTE) == "database leaves as app on db.internal:5433"
    assert "s3cret" not in describe(REMOTE)
    assert describe(EMBEDDED) == "database postgres as postgres on /srv/data/postgres"
