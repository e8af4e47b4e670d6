from visualization.gate import password_matches


def test_the_right_password_matches():
    assert password_matches("correct horse", "correct horse")


def test_a_wrong_password_does_not_match():
    assert not password_matches("correct hors", "correct horse")


def test_non_ascii_passwords_compare_as_text():
    assert password_matches("नमस्ते", "नमस्ते")
