from datetime import UTC, datetime

import pandas as pd

from tests.visualization.charts.figures import axis_titles, message_of, title_of
from visualization.charts.palette import SYNC_STATUS_COLOURS
from visualization.charts.sync_runs import sync_runs_figure

RUNS = pd.DataFrame(
    {
        "id": [3, 2, 1],
        "status": ["running", "failed", "succeeded"],
        "started_at": [datetime(2025, 3, 12, 10, minute, tzinfo=UTC) for minute in (2, 1, 0)],
        "duration_seconds": [None, 1.5, 12.0],
        "fetched": [0, 10, 800],
        "inserted": [0, 0, 800],
        "updated": [0, 0, 0],
        "deleted": [0, 0, 0],
        "rejected": [0, 0, 2],
    }
)


def test_each_finished_run_is_a_bar_coloured_by_how_it_ended():
    figure = sync_runs_figure(RUNS)
    assert [(trace.name, list(trace.x), trace.marker.color) for trace in figure.data] == [
        ("failed", ["#2"], SYNC_STATUS_COLOURS["failed"]),
        ("succeeded", ["#1"], SYNC_STATUS_COLOURS["succeeded"]),
    ]


def test_runs_read_oldest_first():
    figure = sync_runs_figure(RUNS)
    assert list(figure.layout.xaxis.categoryarray) == ["#1", "#2"]


def test_a_run_hovers_with_its_start_and_counts():
    figure = sync_runs_figure(RUNS)
    assert list(figure.data[1].customdata[0]) == ["2025-03-12 10:00:00", 800, 800, 0, 0, 2]


def test_runs_are_titled_in_seconds():
    figure = sync_runs_figure(RUNS)
    assert title_of(figure) == "Recent sync runs"
    assert axis_titles(figure) == ("Sync run", "Duration (seconds)")


def test_no_finished_run_says_so():
    assert message_of(sync_runs_figure(RUNS[:1])) == "No sync run has finished yet."
    assert message_of(sync_runs_figure(pd.DataFrame())) == "No sync run has finished yet."
