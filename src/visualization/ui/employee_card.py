"""Who an employee is: role, department, who approves their leave, what they work on."""

from typing import Any

import streamlit as st

from visualization.ui.formats import MISSING


def show_employee_card(details: dict[str, Any]) -> None:
    """From one `employee_details` row."""
    st.subheader(details["employee_name"])
    roles = [
        name
        for name, held in (("HR", details["is_hr"]), ("Supervisor", details["is_supervisor"]))
        if held
    ]
    allocations = [f"{item['name']} ({item['type']})" for item in details["allocations"]]
    facts = {
        "Employee id": details["emp_id"],
        "E-mail": details["email"],
        "Department": details["department"],
        "Designation": details["designation"],
        "Roles": ", ".join(roles),
        "Leave issuer": details["leave_issuer_name"] or details["leave_issuer_email"],
        "Allocations": ", ".join(allocations),
    }
    columns = st.columns(4)
    for position, (label, value) in enumerate(facts.items()):
        columns[position % 4].markdown(f"**{label}**  \n{value or MISSING}")
