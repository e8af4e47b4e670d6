"""Every dbo table to an Avro file with a manifest, and back in one transaction.

`python -m backend.backup create DIR` / `python -m backend.backup restore DIR`.
"""
