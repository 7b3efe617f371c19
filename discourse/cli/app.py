"""The ``discourse`` command line.

Every verb lives in its own module under :mod:`discourse.cli` and is found
automatically: a module there defines ``NAME``, ``HELP``, ``add_arguments(parser)`` and
``run(args) -> int``. Errors raised on purpose (:class:`~discourse.errors.DiscourseError`)
become a one-line message on stderr and exit status 2; ``--debug`` shows the traceback.

Every verb takes ``--scheduler WHERE`` (added here, not by the verbs): the analyses that can
run on a Dask cluster run there (:mod:`discourse.scale.scheduler`; default
``$DISCOURSE_SCHEDULER``, else here), and the UN corpus and Parquet datasets named as SOURCE
are then opened lazily, so that the workers read their partitions themselves.

    discourse corpus ungdc:SYR:2000-2024 --format json
    discourse profile ungdc --scheduler processes
"""
from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

from .._version import __version__
from ..errors import DiscourseError

__all__ = ["main", "build_parser"]


def _commands():
    from pathlib import Path

    found = []
    for info in sorted(pkgutil.iter_modules([str(Path(__file__).parent)]), key=lambda i: i.name):
        if info.name.startswith("_") or info.name == "app":
            continue
        module = importlib.import_module(f"{__package__}.{info.name}")
        if hasattr(module, "NAME") and hasattr(module, "run"):
            found.append(module)
    return found


def _escape(text: str) -> str:
    """argparse expands ``%`` in help strings: a literal one must be written ``%%``."""
    return text.replace("%", "%%")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every verb of :mod:`discourse.cli`."""
    parser = argparse.ArgumentParser(
        prog="discourse",
        description="Computational discourse analysis of political texts.",
        epilog="SOURCE is a file, a folder, a UNGDC archive, or one of: article, articles, "
               "lee[:background|test|all], ungdc[:COUNTRIES[:YEARS]] "
               "(e.g. ungdc:SYR:2000-2024, ungdc:*:2024).")
    parser.add_argument("--version", action="version", version=f"discourse {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in _commands():
        p = sub.add_parser(module.NAME, help=_escape(module.HELP), description=module.HELP)
        module.add_arguments(p)
        p.add_argument("--scheduler", metavar="WHERE", default=None, help=_SCHEDULER_HELP)
        p.set_defaults(_run=module.run)
    return parser


_SCHEDULER_HELP = ("where the analyses that can use a Dask cluster run: none (here, the "
                   "default), processes (a local cluster, one worker per core), a scheduler "
                   "address tcp://HOST:PORT; default $DISCOURSE_SCHEDULER")


def _run(args) -> int:
    """Run the verb, on the scheduler that ``--scheduler`` (or the environment) names."""
    from ..scale.scheduler import requested, use_scheduler

    scheduler = requested(args.scheduler)
    if scheduler is None:
        return int(args._run(args) or 0)
    from ..corpus.sources import lazy_sources

    with use_scheduler(scheduler, progress=True), lazy_sources():
        return int(args._run(args) or 0)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "_run", None) is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        return _run(args)
    except DiscourseError as exc:
        if args.debug:
            raise
        print(f"discourse {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
