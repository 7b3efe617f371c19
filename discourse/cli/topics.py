"""``discourse topics SOURCE --k 20``: a topic model of SOURCE, its top terms, and where a
document (by default the article) sits in it.

Output:

* ``--format table`` (default): a header line (model, k, seed, documents, vocabulary), then
  one row per topic: ``topic``, ``label``, ``placed`` (the placed document's proportion, when
  ``--place`` is not ``none``) and its top terms by relevance (λ = 0.6); then the placed
  document's coverage (share of its words the model knows).
* ``--format csv``: the tidy top-terms table (``topic, label, rank, term, weight, lift,
  relevance``) plus, with a placed document, ``placed_doc_id`` and ``placed_proportion``.
* ``--format json``: ``{"model": {...}, "top_terms": [...], "placement": [...]}``, the
  placement rows being :meth:`TopicModel.infer`'s long table.
"""
from __future__ import annotations

import sys

from .._validation import int_argument, seed_argument
from ._output import add_format_argument, frame_records, write_json, write_table

NAME = "topics"
HELP = "a topic model (LDA, NMF or LSI) of SOURCE: top terms per topic and the article's topic mix"


def add_arguments(parser) -> None:
    parser.add_argument("source", metavar="SOURCE")
    parser.add_argument("--k", type=int_argument(2, 1000), default=20, help="number of topics (default: 20)")
    parser.add_argument("--seed", type=seed_argument(), default=0, help="random seed (default: 0)")
    parser.add_argument("--model", choices=["lda", "nmf", "lsi"], default="lda")
    parser.add_argument("--top", type=int_argument(1), default=8, help="terms per topic (default: 8)")
    parser.add_argument("--place", default="article", metavar="SOURCE",
                        help="a one-document SOURCE to place in the model (default: article; "
                             "'none' to skip)")
    parser.add_argument("--passes", type=int_argument(1), default=10, help="training passes (default: 10)")
    add_format_argument(parser)


def run(args) -> int:
    from ..corpus.sources import load_source

    from ..errors import InputError
    from ..topics import fit_topics

    corpus = load_source(args.source)
    model = fit_topics(corpus, args.k, model=args.model, seed=args.seed, passes=args.passes)
    terms = model.top_terms(args.top)
    placed = None
    if args.place.lower() != "none":
        target = load_source(args.place)
        if len(target) != 1:
            raise InputError(f"--place must name one document; {args.place!r} has {len(target)}")
        placed = model.infer(target)
    if args.format == "json":
        write_json({"model": {"source": args.source, "kind": model.kind, "k": model.k,
                              "seed": model.seed, "documents": len(model.doc_ids),
                              "terms": len(model.dictionary), "deterministic": model.deterministic},
                    "top_terms": frame_records(terms),
                    "placement": frame_records(placed) if placed is not None else None})
        return 0
    if args.format == "csv":
        if placed is not None:
            mix = placed.set_index("topic")["proportion"]
            terms = terms.assign(placed_doc_id=placed["doc_id"].iloc[0],
                                 placed_proportion=terms["topic"].map(mix))
        write_table(terms, "csv")
        return 0
    summary = (terms.groupby(["topic", "label"], sort=True)["term"]
               .apply(lambda s: ", ".join(t.replace("_", " ") for t in s)).reset_index()
               .rename(columns={"term": "top_terms"}))
    out = sys.stdout
    out.write(f"{model.kind.upper()} k={model.k} seed={model.seed} on {args.source}: "
              f"{len(model.doc_ids)} documents, {len(model.dictionary)} terms\n")
    if placed is not None:
        mix = placed.set_index("topic")["proportion"]
        summary.insert(2, "placed", summary["topic"].map(mix).round(3))
    write_table(summary, "table", out=out, wide=args.wide)
    if placed is not None:
        top = placed.sort_values("proportion", ascending=False).iloc[0]
        out.write(f"\n{placed['doc_id'].iloc[0]} (column 'placed'): mostly topic {top['topic']} "
                  f"({top['label']}, {top['proportion']:.0%}); the model knows "
                  f"{placed['coverage'].iloc[0]:.0%} of its words.\n")
    return 0
