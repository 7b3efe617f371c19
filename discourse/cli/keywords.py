"""``discourse keywords SOURCE --terms "balanc*,sovereign*"``: counts, rates, dispersion."""
from __future__ import annotations

from ..errors import InputError
from ._output import add_format_argument, write_table

NAME = "keywords"
HELP = "frequencies of words, globs, phrases or a dictionary's categories (rate per 10k, CI, dispersion)"


def add_arguments(parser) -> None:
    parser.add_argument("source", metavar="SOURCE")
    parser.add_argument("--terms", help='comma-separated patterns, e.g. "balanc*,national interest*"')
    parser.add_argument("--dictionary", help="a shipped dictionary (frames) or a YAML file")
    parser.add_argument("--by", default="document",
                        help="document (default), none, or a metadata column such as year")
    add_format_argument(parser)


def run(args) -> int:
    from ..keywords.frequencies import keyword_frequencies
    from ..keywords.patterns import load_dictionary
    from ..corpus.sources import load_source

    if bool(args.terms) == bool(args.dictionary):
        raise InputError("give exactly one of --terms or --dictionary")
    terms = load_dictionary(args.dictionary) if args.dictionary else args.terms
    corpus = load_source(args.source)
    by = None if args.by.lower() == "none" else args.by
    table = keyword_frequencies(corpus, terms, by=by)
    if args.format == "table":
        table = table.drop(columns=["by"])
    write_table(table, args.format, wide=args.wide)
    return 0
