"""Data quality: the recent sync runs, the records they set aside and why, how old the data is."""

import streamlit as st

from visualization.charts.sync_runs import sync_runs_figure
from visualization.data.sync_history import recent_rejected_leaves, recent_sync_runs
from visualization.live import live
from visualization.ui import formats
from visualization.ui.charts import show_chart
from visualization.ui.header import show_freshness_banner
from visualization.ui.tables import show_table

RUNS_SHOWN = 50
REJECTED_SHOWN = 500
RUN_COLUMNS = {
    "id": "Run",
    "trigger": "Trigger",
    "kind": "Kind",
    "status": "Status",
    "started_at": st.column_config.DatetimeColumn("Started", format="YYYY-MM-DD HH:mm:ss"),
    "duration_seconds": st.column_config.NumberColumn("Seconds", format="%.1f"),
    "fetched": "Fetched",
    "inserted": "Inserted",
    "updated": "Updated",
    "unchanged": "Unchanged",
    "deleted": "Deleted",
    "rejected": "Rejected",
    "error": "Error",
}
REJECTED_COLUMNS = {
    "sync_run_id": "Run",
    "rejected_at": st.column_config.DatetimeColumn("Rejected", format="YYYY-MM-DD HH:mm:ss"),
    "leave_id": "Leave id",
    "reason": "Reason",
    "payload": "Record as received",
}


@live
def data_quality() -> None:
    st.title("Data quality and sync")
    st.caption(f"The last {RUNS_SHOWN} sync runs and the last {REJECTED_SHOWN} records set aside.")
    show_freshness_banner()
    runs = recent_sync_runs(RUNS_SHOWN)
    if runs.empty:
        st.info("No sync has run yet.", icon=":material/inbox:")
        return
    cards = st.columns(4)
    latest = runs.iloc[0]
    cards[0].metric("Latest run", f"#{latest['id']} {latest['status']}")
    cards[1].metric("Fetched by it", formats.count(latest["fetched"]))
    cards[2].metric("Set aside by it", formats.count(latest["rejected"]))
    failed = (runs["status"] == "failed").sum()
    cards[3].metric(f"Failed of the last {len(runs)}", formats.count(failed))
    if latest["status"] == "failed":
        st.error(f"Run {latest['id']} failed: {latest['error']}", icon=":material/error:")
    show_chart(sync_runs_figure(runs))
    show_table(runs, file_name="sync_runs", empty_message="No sync has run.", columns=RUN_COLUMNS)
    st.subheader("Records set aside")
    show_table(
        recent_rejected_leaves(REJECTED_SHOWN),
        file_name="rejected_leaves",
        empty_message="No sync has set a record aside.",
        columns=REJECTED_COLUMNS,
    )


data_quality()
