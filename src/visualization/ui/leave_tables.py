"""The columns a table of leaves shows, with their headers, shared by every leave list."""

import streamlit as st

LEAVE_COLUMNS = {
    "employee_name": "Employee",
    "department": "Department",
    "leave_type": "Leave type",
    "start_date": st.column_config.DateColumn("From"),
    "end_date": st.column_config.DateColumn("To"),
    "leave_days": st.column_config.NumberColumn("Days", format="%.1f"),
    "status": "Status",
    "reason": "Reason",
    "leave_issuer_name": "Issuer",
}
HISTORY_COLUMNS = {
    key: header for key, header in LEAVE_COLUMNS.items() if key not in ("employee_name",)
} | {
    "remarks": "Remarks",
    "current_leave_issuer_name": "Current issuer",
    "applied_late": st.column_config.CheckboxColumn("Applied late"),
    "created_at": st.column_config.DatetimeColumn("Applied at", format="YYYY-MM-DD HH:mm"),
}
