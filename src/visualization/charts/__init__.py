"""Chart builders: plain functions from a KPI's rows (a DataFrame) to a Plotly figure.

Every figure is titled, its axes say what they measure and in which unit, its hover text says
what a point is, and an empty frame gives a figure that says so instead of empty axes.
"""
