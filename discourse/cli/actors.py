"""``discourse actors SOURCE``: mentions of states, leaders and blocs per document; with
``--balance``, the balance measures (attention entropy, tone dispersion, equidistance); with
``--quotes``, who says what (every quotation and reported clause with its speaker's actor),
and with ``--quotes --by speaker`` the counts and shares of quoted words per speaker."""
from __future__ import annotations

from .._validation import int_argument, seed_argument
from ._output import add_format_argument, write_table

NAME = "actors"
HELP = ("actors named per document (counts, shares); --balance for the balance measures; "
        "--quotes for who says what")


def add_arguments(parser) -> None:
    parser.add_argument("source", metavar="SOURCE")
    parser.add_argument("--gazetteer", metavar="FILE",
                        help="a CSV of your own actors/aliases that extends the shipped gazetteer")
    parser.add_argument("--level", choices=("actor", "party"), default="actor",
                        help="actor (default) or party: leaders counted as their state")
    parser.add_argument("--balance", action="store_true",
                        help="print the balance table instead of the counts")
    parser.add_argument("--quotes", action="store_true",
                        help="print every quotation and reported clause with its speaker and "
                             "the speaker's actor (with --by speaker: counts per speaker; with "
                             "--by document: counts per document)")
    parser.add_argument("--by", default=None,
                        help="document (default), none, or a metadata column such as year; "
                             "with --quotes: speaker or document")
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
    if args.quotes:
        from ..actors.quotes import find_quotes, stat_quotes
        from ..errors import InputError

        if args.balance:
            raise InputError("--quotes and --balance are separate tables: give one of them")
        if args.by is None:
            table = find_quotes(corpus, gaz)
        elif args.by in ("speaker", "document"):
            table = stat_quotes(corpus, gaz, level=args.by)
        else:
            raise InputError(f"The '--by' option of 'discourse actors --quotes' must be "
                             f"'speaker' or 'document'. Got {args.by!r} instead.")
        write_table(table, args.format)
        return 0
    by_arg = "document" if args.by is None else args.by
    by = None if by_arg.lower() == "none" else by_arg
    if args.balance:
        table = stat_balance(corpus, gaz, by=by, n_boot=args.n_boot, seed=args.seed)
    else:
        table = stat_mentions(corpus, gaz, by=by, level=args.level)
    write_table(table, args.format, wide=args.wide)
    return 0
