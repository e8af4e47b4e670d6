from backend.auth.passwords import hash_password, password_matches


def test_the_right_password_matches_its_hash_and_a_wrong_one_does_not():
    stored = hash_password("correct horse battery")

    assert password_matches("correct horse battery", stored)
    assert not password_matches("wrong", stored)


def test_the_hash_is_argon2_and_never_the_password():
    stored = hash_password("correct horse battery")

    assert stored.startswith("$argon2id$")
    assert "correct horse" not in stored


def test_an_unknown_user_never_matches():
    assert not password_matches("no such user", None)
