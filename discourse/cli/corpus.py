"""``discourse corpus SOURCE``: what a corpus holds (documents, tokens, years, countries)."""
from __future__ import annotations


from ._output import add_format_argument, write_json, write_table

NAME = "corpus"
HELP = "summarise a corpus: documents, tokens, date range, per-country counts"


def add_arguments(parser) -> None:
    parser.add_argument("source", metavar="SOURCE", help="file, folder, archive or named corpus")
    add_format_argument(parser)
    parser.add_argument("--encoding", default=None, help="text encoding of user files (default utf-8)")


def run(args) -> int:
    import pandas as pd
    from ..corpus.sources import load_source
    from ..text.describe import summarize_corpus

    options = {"encoding": args.encoding} if args.encoding else {}
    corpus = load_source(args.source, progress=args.format == "table", **options)
    summary = summarize_corpus(corpus)
    if args.format == "json":
        write_json(summary)
        return 0
    if args.format == "csv":
        per = summary.get("per_country", {})
        write_table(pd.DataFrame({"country": list(per), "documents": list(per.values())}), "csv")
        return 0
    years = (f"{summary['year_min']}–{summary['year_max']}" if summary["year_min"] is not None
             else "unknown")
    print(f"source     {args.source} ({summary['name']})")
    print(f"documents  {summary['documents']:,}")
    print(f"tokens     {summary['tokens']:,}")
    print(f"years      {years}")
    for key, label in (("per_country", "country"), ("per_genre", "genre"), ("per_outlet", "outlet")):
        if key in summary:
            counts = summary[key]
            table = pd.DataFrame({label: list(counts), "documents": list(counts.values())})
            table = table.sort_values(["documents", label], ascending=[False, True], kind="stable")
            print()
            shown = table.head(25)
            write_table(shown, "table", wide=args.wide)
            if len(table) > len(shown):
                print(f"... and {len(table) - len(shown)} more {label} values (--format json for all)")
    return 0
