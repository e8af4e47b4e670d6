import pytest

from visualization.browser import chromium
from visualization.browser.chromium import NoBrowser, browser_path


def test_the_first_chromium_on_the_path_is_used(monkeypatch):
    found = {"chromium-browser": "/usr/bin/chromium-browser"}
    monkeypatch.setattr(chromium.shutil, "which", found.get)
    assert browser_path() == "/usr/bin/chromium-browser"


def test_without_a_chromium_the_error_says_how_to_get_one(monkeypatch):
    monkeypatch.setattr(chromium.shutil, "which", lambda name: None)
    with pytest.raises(NoBrowser, match="apt-get install chromium"):
        browser_path()
