"""`python -m vyaguta_demo`: options, data generation, then serve until Ctrl-C."""

import argparse
import socket
import time
from datetime import date
from typing import Any

import uvicorn
from pydantic import ValidationError

from vyaguta_demo.app import create_app
from vyaguta_demo.envelopes import ENVELOPES
from vyaguta_demo.faults import FaultSettings
from vyaguta_demo.runtime import DemoOptions, start_runtime
from vyaguta_demo.serving import LEAVES_PATH
from vyaguta_demo.shapes import SHAPES

DEFAULTS = DemoOptions()
METAVARS = {"retry_after": "SECONDS", "html_error": "STATUS"}
DESCRIPTION = f"""\
Vyaguta-compatible demo upstream. Serves generated leave records at
  GET {LEAVES_PATH}?fetchType=all&roleType=issuer
      &startDate=YYYY-MM-DD&endDate=YYYY-MM-DD&page=P&size=S
with 'Authorization: Bearer <token>'. Pages are 1-based (page=1 is the first page);
records overlapping [startDate, endDate] are returned ordered by id; a missing date is no bound.
Admin (same token): GET/PUT/DELETE /_admin/faults, POST /_admin/live/tick, GET /_admin/stats.
"""
EPILOG = """\
PUT /_admin/faults takes a JSON object with the fault flags above in snake_case,
e.g. {"error_rate": 0.3, "retry_after": 0} or {"fail_pages": [2], "fail_status": 503}; the
fields given change, the others stay. DELETE /_admin/faults switches every fault off.
POST /_admin/live/tick runs one live-mode step now and answers {"created": [...], "updated": [...]}.

example: python -m vyaguta_demo --port 8081 --records 161450 --live-interval 30
"""


def parser() -> argparse.ArgumentParser:
    cli = argparse.ArgumentParser(
        prog="python -m vyaguta_demo",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    server = cli.add_argument_group("server")
    server.add_argument(
        "--host", default=DEFAULTS.host, help="address to bind (default: %(default)s)"
    )
    server.add_argument(
        "--port",
        type=int,
        default=DEFAULTS.port,
        help="port to listen on; 0 picks a free one (default: %(default)s)",
    )
    server.add_argument(
        "--token",
        default=DEFAULTS.token,
        help="bearer token clients must send (default: %(default)s)",
    )
    data = cli.add_argument_group("data")
    data.add_argument(
        "--records",
        type=positive_int,
        default=DEFAULTS.records,
        help="number of leave records to generate (default: %(default)s)",
    )
    data.add_argument(
        "--seed",
        type=int,
        default=DEFAULTS.seed,
        help="random seed; the same seed and today give the same records (default: %(default)s)",
    )
    data.add_argument(
        "--today",
        type=date.fromisoformat,
        default=None,
        help="the date generation treats as today, YYYY-MM-DD (default: today)",
    )
    data.add_argument(
        "--shape",
        choices=SHAPES,
        default=DEFAULTS.shape,
        help="record field names: v1 (37 keys), v2 (41 keys) or mixed (default: %(default)s)",
    )
    data.add_argument(
        "--envelope",
        choices=ENVELOPES,
        default=DEFAULTS.envelope,
        help="meta: {data, meta{page,size,total}}; totalcount: {data} with "
        "totalCount in each record; list: a bare array (default: %(default)s)",
    )
    data.add_argument(
        "--live-interval",
        type=float,
        default=DEFAULTS.live_interval,
        help="seconds between live-mode ticks (new leaves, decisions); 0 is off "
        "(default: %(default)s)",
    )
    add_fault_flags(cli.add_argument_group("faults (also switchable at /_admin/faults)"))
    return cli


def add_fault_flags(group: argparse._ArgumentGroup) -> None:
    """One flag per FaultSettings field, so the CLI and the admin endpoint never drift apart."""
    for name, info in FaultSettings.model_fields.items():
        flag = "--" + name.replace("_", "-")
        if info.annotation is bool:
            group.add_argument(
                flag, action="store_true", default=argparse.SUPPRESS, help=info.description
            )
        elif info.annotation == list[int]:
            group.add_argument(
                flag,
                type=page_list,
                metavar="PAGES",
                default=argparse.SUPPRESS,
                help=f"{info.description}; comma-separated, e.g. 2,5 (default: none)",
            )
        else:
            default = "none" if info.default is None else info.default
            group.add_argument(
                flag,
                type=float if info.annotation is float else int,
                metavar=METAVARS.get(name, name.split("_")[-1].upper()),
                default=argparse.SUPPRESS,
                help=f"{info.description} (default: {default})",
            )


def page_list(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part.strip()]


def positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def options_from(argv: list[str] | None) -> DemoOptions:
    cli = parser()
    arguments: dict[str, Any] = vars(cli.parse_args(argv))
    fault_values = {
        name: arguments.pop(name) for name in FaultSettings.model_fields if name in arguments
    }
    try:
        faults = FaultSettings.model_validate(fault_values)
    except ValidationError as error:
        cli.error(str(error))
    return DemoOptions(**arguments, faults=faults)


def main(argv: list[str] | None = None) -> None:
    options = options_from(argv)
    began = time.perf_counter()
    runtime = start_runtime(options)
    listener = socket.create_server((options.host, options.port))
    host, port = listener.getsockname()[:2]
    shown_host = f"[{host}]" if ":" in host else host
    print(
        f"vyaguta_demo listening on http://{shown_host}:{port}{LEAVES_PATH} with "
        f"{len(runtime.store)} records (shape {options.shape}, envelope {options.envelope}, "
        f"ready in {time.perf_counter() - began:.1f}s)",
        flush=True,
    )
    config = uvicorn.Config(
        create_app(runtime), log_level="warning", access_log=False, timeout_graceful_shutdown=1
    )
    uvicorn.Server(config).run(sockets=[listener])
