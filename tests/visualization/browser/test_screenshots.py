import argparse
import io

import pytest
from PIL import Image

from visualization.screenshots import (
    PageShot,
    compact_png,
    page_address,
    page_query,
    problems_of,
)


def test_the_overview_is_the_apps_root():
    assert page_address("http://127.0.0.1:8501/", "overview", None) == "http://127.0.0.1:8501/"


def test_a_page_is_opened_with_its_query_encoded():
    address = page_address("http://127.0.0.1:8501", "employees", "employee=Asha Rai · a@x.np")
    assert address == "http://127.0.0.1:8501/employees?employee=Asha%20Rai%20%C2%B7%20a%40x.np"


def test_a_query_names_its_page_before_a_colon():
    assert page_query("trends:status=APPROVED&status=REJECTED") == (
        "trends",
        "status=APPROVED&status=REJECTED",
    )


def test_a_query_for_a_page_that_does_not_exist_is_refused():
    with pytest.raises(argparse.ArgumentTypeError, match="PAGE:QUERY"):
        page_query("payroll:month=3")


def test_a_page_still_drawing_is_reported_before_its_errors():
    shot = PageShot(b"", ["Cannot read the database"], charts=0, rendered=False)
    assert problems_of(shot) == ["still drawing after 60 s", "Cannot read the database"]


def test_a_screenshot_is_kept_in_256_colours_at_its_size():
    gradient = Image.linear_gradient("L").resize((300, 200)).convert("RGB")
    png = io.BytesIO()
    gradient.save(png, format="PNG")
    compact = Image.open(io.BytesIO(compact_png(png.getvalue())))
    assert (compact.mode, compact.size) == ("P", (300, 200))
