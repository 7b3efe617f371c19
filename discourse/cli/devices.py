"""``discourse devices FILE``: the evidence list of rhetorical devices, one row per detection."""
from __future__ import annotations

from ..errors import InputError
from ._output import add_format_argument, write_table

#: the detectors (checked equal to discourse.rhetoric.devices.DEVICES by a test; kept here so
#: that building the parser imports no analysis module)
DEVICES = ("contrast", "concession", "balanced_pair", "tricolon", "anaphora", "epistrophe",
           "rhetorical_question")

NAME = "devices"
HELP = ("rhetorical devices with their evidence: contrasts (antithesis, instead, rather than, "
        "correction), concessions, balanced pairs, tricolons, anaphora, epistrophe, rhetorical "
        "questions; sentence, offsets and matched parts")

_BRIEF = ["doc_id", "device", "kind", "key", "sentence", "start", "end", "match"]


def add_arguments(parser) -> None:
    parser.add_argument("source", metavar="FILE",
                        help="a text file, a folder, or a named source (article, ungdc:SYR:2024)")
    parser.add_argument("--devices", help=f"comma-separated subset of: {', '.join(DEVICES)}")
    add_format_argument(parser)


def run(args) -> int:
    from ..rhetoric.devices import detect_devices
    from ..corpus.sources import load_source

    devices = None
    if args.devices:
        devices = [d.strip() for d in args.devices.split(",") if d.strip()]
        unknown = sorted(set(devices) - set(DEVICES))
        if unknown:
            raise InputError(f"--devices: unknown device(s) {', '.join(unknown)}; "
                             f"choose from {', '.join(DEVICES)}")
    corpus = load_source(args.source)
    table = detect_devices(corpus, devices=devices)
    if args.format == "table":
        table = table[_BRIEF]
    write_table(table, args.format, wide=args.wide)
    return 0
