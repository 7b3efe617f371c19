"""``discourse profile SOURCE``: every rhetoric metric, one row per document."""
from __future__ import annotations

from ._output import add_format_argument, write_table

NAME = "profile"
HELP = ("rhetoric profile per document: readability, lexical diversity, sentences, stance "
        "markers, devices, sentiment (and the emotion-reason index with --emotion)")


def add_arguments(parser) -> None:
    parser.add_argument("source", metavar="SOURCE")
    parser.add_argument("--emotion", action="store_true",
                        help="add the emotion-reason index (word vectors trained once on the "
                             "whole UN corpus and cached; the first run takes minutes)")
    parser.add_argument("--metadata", action="store_true",
                        help="add the documents' metadata columns after doc_id")
    add_format_argument(parser, default="csv")


def run(args) -> int:
    from ..corpus.sources import load_source
    from ..rhetoric.profile import profile

    corpus = load_source(args.source)
    model = None
    if args.emotion:
        from ..rhetoric.emotion import train_emotion_model
        from ..corpus.ungdc import load_ungdc

        model = train_emotion_model(load_ungdc(progress=True), progress=True)
    table = profile(corpus, emotion_model=model, progress=args.format == "table" or len(corpus) > 1)
    if args.metadata:
        meta = corpus.meta.drop(columns=[c for c in corpus.meta.columns if c in table.columns
                                         and c != "doc_id"])
        table = meta.merge(table, on="doc_id", how="right")
    if args.format == "table":
        table = table.set_index("doc_id").T.reset_index().rename(columns={"index": "metric"})
    write_table(table, args.format, wide=args.wide)
    return 0
