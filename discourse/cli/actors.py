"""``discourse actors SOURCE``: mentions of states, leaders and blocs per document; with
``--balance``, the balance measures (attention entropy, tone dispersion, equidistance); with
``--quotes``, who says what (every quotation and reported clause with its speaker's actor),
and with ``--quotes --by speaker`` the counts and shares of quoted words per speaker; with
``--evaluations``, every evaluative expression and the actor it is predicated of; with
``--square``, the ideological square (praise and blame of the text's own side and of the
others, per document and actor; ``--self`` names the own side)."""
from __future__ import annotations

from .._validation import int_argument, seed_argument
from ._output import add_format_argument, write_table

NAME = "actors"
HELP = ("actors named per document (counts, shares); --balance for the balance measures, "
        "--quotes for who says what, --evaluations for praise and blame with their targets, "
        "--square for us/them")


def add_arguments(parser) -> None:
    parser.add_argument("source", metavar="SOURCE")
    parser.add_argument("--gazetteer", metavar="FILE",
                        help="a CSV of your own actors/aliases that extends the shipped gazetteer")
    parser.add_argument("--level", choices=("actor", "party"), default="actor",
                        help="actor (default) or party: leaders counted as their state")
    what = parser.add_mutually_exclusive_group()
    what.add_argument("--balance", action="store_true",
                      help="print the balance table instead of the counts")
    what.add_argument("--quotes", action="store_true",
                      help="print every quotation and reported clause with its speaker and the "
                           "speaker's actor (with --by speaker: counts per speaker; with --by "
                           "document: counts per document)")
    what.add_argument("--evaluations", action="store_true",
                      help="print every evaluative expression with its target actor and rule")
    what.add_argument("--square", action="store_true",
                      help="print the ideological square: praise and blame per document and "
                           "actor, own side marked")
    parser.add_argument("--self", metavar="IDS", dest="self_ids",
                        help="for --square: comma-separated actor ids of the text's own side "
                             "(default: inferred from each document's country and year)")
    parser.add_argument("--by", default=None,
                        help="document (default), none, or a metadata column such as year; "
                             "with --quotes: speaker or document")
    parser.add_argument("--n-boot", type=int_argument(0), default=1000,
                        help="bootstrap resamples for --balance (default 1000)")
    parser.add_argument("--seed", type=seed_argument(), default=1)
    add_format_argument(parser)


def run(args) -> int:
    from ..actors.gazetteer import load_gazetteer
    from ..errors import InputError
    from ..corpus.sources import load_source
    from ..actors.balance import stat_balance
    from ..actors.mentions import stat_mentions

    gaz = load_gazetteer(extend=args.gazetteer) if args.gazetteer else load_gazetteer()
    corpus = load_source(args.source)
    if args.quotes:
        from ..actors.quotes import find_quotes, stat_quotes
        from ..errors import InputError

        if args.by is None:
            table = find_quotes(corpus, gaz)
        elif args.by in ("speaker", "document"):
            table = stat_quotes(corpus, gaz, level=args.by)
        else:
            raise InputError(f"The '--by' option of 'discourse actors --quotes' must be "
                             f"'speaker' or 'document'. Got {args.by!r} instead.")
        write_table(table, args.format, wide=args.wide)
        return 0
    by_arg = "document" if args.by is None else args.by
    by = None if by_arg.lower() == "none" else by_arg
    if args.self_ids and not args.square:
        raise InputError("--self is used only with --square")
    if args.balance:
        table = stat_balance(corpus, gaz, by=by, n_boot=args.n_boot, seed=args.seed)
    elif args.evaluations:
        from ..actors.evaluations import find_evaluations

        table = find_evaluations(corpus, gaz)
    elif args.square:
        from ..actors.square import stat_evaluation

        ids = [a.strip() for a in args.self_ids.split(",") if a.strip()] if args.self_ids else None
        table = stat_evaluation(corpus, gaz, self=ids)
    else:
        table = stat_mentions(corpus, gaz, by=by, level=args.level)
    write_table(table, args.format, wide=args.wide)
    return 0
