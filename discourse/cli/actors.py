"""``discourse actors SOURCE``: mentions of states, leaders and blocs per document; with
``--balance``, the balance measures (attention entropy, tone dispersion, equidistance)."""
from __future__ import annotations

from .._validation import int_argument, seed_argument
from ._output import add_format_argument, write_table

NAME = "actors"
HELP = "actors named per document (counts, shares); --balance for the balance measures"


def add_arguments(parser) -> None:
    parser.add_argument("source", metavar="SOURCE")
    parser.add_argument("--gazetteer", metavar="FILE",
                        help="a CSV of your own actors/aliases that extends the shipped gazetteer")
    parser.add_argument("--level", choices=("actor", "party"), default="actor",
                        help="actor (default) or party: leaders counted as their state")
    parser.add_argument("--balance", action="store_true",
                        help="print the balance table instead of the counts")
    parser.add_argument("--by", default="document",
                        help="document (default), none, or a metadata column such as year")
    parser.add_argument("--n-boot", type=int_argument(0), default=1000,
                        help="bootstrap resamples for --balance (default 1000)")
    parser.add_argument("--seed", type=seed_argument(), default=1)
    add_format_argument(parser)


def run(args) -> int:
    from ..actors.gazetteer import load_gazetteer
    from ..corpus.sources import load_source
    from ..actors.balance import stat_balance
    from ..actors.mentions import stat_mentions

    gaz = load_gazetteer(extend=args.gazetteer) if args.gazetteer else load_gazetteer()
    corpus = load_source(args.source)
    by = None if args.by.lower() == "none" else args.by
    if args.balance:
        table = stat_balance(corpus, gaz, by=by, n_boot=args.n_boot, seed=args.seed)
    else:
        table = stat_mentions(corpus, gaz, by=by, level=args.level)
    write_table(table, args.format, wide=args.wide)
    return 0
