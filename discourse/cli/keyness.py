"""``discourse keyness TARGET --reference SOURCE``: the terms distinctive of a target."""
from __future__ import annotations


from .._validation import int_argument, seed_argument
from ._output import add_format_argument, write_table

#: the measures (checked equal to discourse.keywords.keyness.MEASURES by a test)
MEASURES = ("g2", "chi2", "chi2_yates", "log_ratio", "pct_diff", "bic", "log_odds_z")

NAME = "keyness"
HELP = "keyness of every term of TARGET against --reference (G2, chi2, Log Ratio, %DIFF, BIC, log-odds)"


def add_arguments(parser) -> None:
    parser.add_argument("target", metavar="TARGET")
    parser.add_argument("--reference", required=True, metavar="SOURCE")
    parser.add_argument("--top", type=int_argument(1), default=None,
                        help="show the N most key terms of each side (default: all terms)")
    parser.add_argument("--measure", choices=MEASURES, default="g2")
    parser.add_argument("--min-count", type=int_argument(1), default=3)
    parser.add_argument("--prior", default=None, metavar="ALPHA|SOURCE",
                        help="prior of the log-odds ratio: a number (uniform alpha per term) or "
                             "a background corpus SOURCE (default: the pooled counts)")
    add_format_argument(parser)


def run(args) -> int:
    import pandas as pd
    from ..corpus.sources import load_source
    from ..keywords.keyness import stat_keyness

    target = load_source(args.target)
    reference = load_source(args.reference)
    prior = None
    if args.prior is not None:
        try:
            prior = float(args.prior)
        except ValueError:
            prior = load_source(args.prior)
    table = stat_keyness(target, reference, measure=args.measure, min_count=args.min_count,
                         prior=prior)
    if args.top:
        head = table[table["direction"] == "target"].head(args.top)
        tail = table[table["direction"] == "reference"].iloc[::-1].head(args.top)
        table = pd.concat([head, tail], ignore_index=True)
    if args.format == "table":
        table = table[["term", "n_target", "n_reference", "rate_target_per_10k",
                       "rate_reference_per_10k", "g2", "q_bh", "log_ratio", "log_odds_z",
                       "direction"]].round(3)
    write_table(table, args.format, wide=args.wide)
    return 0
