"""Employees: one person's details, balance gauges for a fiscal year, and leave history."""

from datetime import date

import streamlit as st

from db.kpi.filters import KpiFilters
from visualization.charts.gauges import balance_gauges_figure
from visualization.data.fiscal_years import fiscal_years
from visualization.data.kpis import kpi_frame
from visualization.filters.periods import fiscal_year_in_focus, fiscal_year_label
from visualization.filters.sidebar import chosen_filters
from visualization.live import live
from visualization.ui.charts import show_chart
from visualization.ui.employee_card import show_employee_card
from visualization.ui.header import open_page
from visualization.ui.leave_tables import HISTORY_COLUMNS
from visualization.ui.tables import show_table


@live
def employees() -> None:
    if not open_page("Employees", "One person's leave: balances per leave type and history."):
        return
    filters = chosen_filters()
    people = kpi_frame(
        "employees", KpiFilters(department=filters.department, designation=filters.designation)
    )
    if people.empty:
        st.info("Nobody matches the department and designation filters.")
        return
    labels = people["employee_name"] + " · " + people["email"].fillna("")
    names = dict(zip(people["employee_id"], labels, strict=True))
    employee = st.selectbox(
        "Employee",
        list(names),
        index=None,
        format_func=names.__getitem__,
        placeholder="Type a name or e-mail",
        key="employee",
        bind="query-params",
    )
    if employee is None:
        st.info("Pick an employee to see their balances and history.", icon=":material/badge:")
        return
    only_them = KpiFilters(employee=(employee,))
    show_employee_card(kpi_frame("employee_details", only_them).iloc[0].to_dict())
    year = fiscal_year_in_focus(fiscal_years(), filters, date.today())
    if year is not None:
        balances = kpi_frame(
            "employee_balances",
            only_them.model_copy(
                update={"fiscal_year": (year["id"],), "leave_type": filters.leave_type}
            ),
        )
        title = f"Balances in fiscal year {fiscal_year_label(year)}"
        show_chart(balance_gauges_figure(balances, title))
    st.subheader("Leave history")
    show_table(
        kpi_frame("leave_history", only_them),
        file_name=f"leave_history_{employee}",
        empty_message="No leave on record for this employee.",
        columns=HISTORY_COLUMNS,
    )


employees()
