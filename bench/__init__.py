"""Benchmarks: `make bench` (sync, KPI queries, API throughput) and `make load` (Locust).

Each entry script runs from the repository root as `python bench/NAME.py` (or
`python -m bench.NAME`), starts what it measures on 127.0.0.1 and writes JSON under
bench/results/ (git-ignored).
"""
