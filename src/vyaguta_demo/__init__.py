"""Vyaguta-compatible demo upstream: realistic generated leave records and faults on demand.

Run it with `python -m vyaguta_demo --help`; use `vyaguta_demo.process.run_demo_upstream` to
start one from tests, and `vyaguta_demo.dataset.generate` for the exact records of a seed.
"""
