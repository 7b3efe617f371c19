"""``discourse scale SOURCE --model wordfish|wordscores|ca``: place documents on a dimension.

The counts follow :func:`discourse.scaling.apply.scaling_dtm` (stop words and the UN's
procedural words removed, numbers dropped, terms in >= ``--min-doc-share`` of the documents
and seen >= ``--min-count`` times). ``--place SOURCE2`` scores further documents out of sample
(Wordfish: word parameters fixed; Wordscores: the word scores), e.g. the article::

    discourse scale ungdc:*:2024 --model wordfish --dir RUS,USA --place article
    discourse scale ungdc:RUS,USA,SYR:2024 --model wordscores --reference refs.csv

``--reference FILE.csv`` has the columns ``doc_id`` and ``score`` (one row per reference text).
"""
from __future__ import annotations

import csv
from pathlib import Path

from ..errors import InputError, file_error
from .._validation import int_argument
from ._output import add_format_argument, write_table

NAME = "scale"
HELP = "place the documents of SOURCE on one dimension (Wordfish, Wordscores, correspondence analysis)"
COLUMNS = ["doc_id", "theta", "se", "ci_low", "ci_high"]


def add_arguments(parser) -> None:
    parser.add_argument("source", metavar="SOURCE")
    parser.add_argument("--model", choices=("wordfish", "wordscores", "ca"), default="wordfish")
    parser.add_argument("--dir", metavar="LEFT,RIGHT", default=None,
                        help="two documents (doc ids, 0-based positions, or country codes naming "
                             "one document each) with theta(LEFT) < theta(RIGHT); default: the "
                             "first two documents")
    parser.add_argument("--reference", metavar="FILE.csv", default=None,
                        help="Wordscores reference scores: a CSV with columns doc_id,score")
    parser.add_argument("--rescaling", choices=("none", "lbg", "mv"), default="none",
                        help="Wordscores rescaling (default: none)")
    parser.add_argument("--place", metavar="SOURCE2", default=None,
                        help="also score these documents out of sample (wordfish, wordscores)")
    parser.add_argument("--words", action="store_true",
                        help="print the word parameters instead of the documents")
    parser.add_argument("--min-doc-share", type=float, default=0.05)
    parser.add_argument("--min-count", type=int_argument(1), default=10)
    add_format_argument(parser)


def read_reference(path: str) -> dict[str, float]:
    """The reference scores of a CSV file with columns ``doc_id`` and ``score``."""
    p = Path(path)
    if not p.is_file():
        raise file_error(InputError, p, "no such reference file")
    try:
        with p.open(newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
    except (UnicodeDecodeError, csv.Error) as exc:
        raise file_error(InputError, p, f"not a readable UTF-8 CSV file ({exc})") from None
    if not rows or not {"doc_id", "score"} <= set(rows[0]):
        have = sorted(rows[0]) if rows else []
        raise file_error(InputError, p, "needs the columns doc_id and score",
                         f"found {have}" if rows else "the file has no rows")
    scores = {}
    for line, row in enumerate(rows, start=2):
        try:
            scores[str(row["doc_id"]).strip()] = float(row["score"])
        except (TypeError, ValueError):
            raise file_error(InputError, p, f"line {line}: score {row['score']!r} is not a "
                                            "number") from None
    return scores


def _document(key: str, dtm) -> str | int:
    key = key.strip()
    if key in dtm.doc_ids:
        return key
    if key.isdigit():
        return int(key)
    if "country" in dtm.docvars.columns:
        hits = dtm.docvars.loc[dtm.docvars["country"] == key, "doc_id"].tolist()
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            raise InputError(f"--dir: {key!r} names {len(hits)} documents; give a doc id")
    raise InputError(f"--dir: {key!r} is neither a doc id, a 0-based position nor a country "
                     "with one document in SOURCE")


def run(args) -> int:
    import pandas as pd

    from ..corpus.sources import load_source
    from ..scaling import fit_ca, fit_wordfish, fit_wordscores
    from ..scaling.apply import scaling_dtm

    if args.reference and args.model != "wordscores":
        raise InputError("--reference is used only by --model wordscores")
    if args.model == "wordscores" and not args.reference:
        raise InputError("--model wordscores needs --reference FILE.csv (columns doc_id,score)")
    if args.place and args.model == "ca":
        raise InputError("--place works with --model wordfish or wordscores, not ca")
    scores = read_reference(args.reference) if args.reference else None
    dtm = scaling_dtm(load_source(args.source), min_doc_share=args.min_doc_share,
                      min_count=args.min_count)
    dir_ = None
    if args.dir is not None:
        parts = args.dir.split(",")
        if len(parts) != 2:
            raise InputError(f"--dir must be LEFT,RIGHT; got {args.dir!r}")
        dir_ = tuple(_document(p, dtm) for p in parts)
    if args.model == "wordfish":
        fit = fit_wordfish(dtm, **({"dir": dir_} if dir_ else {}))
        table = fit.documents[COLUMNS]
    elif args.model == "ca":
        fit = fit_ca(dtm, n_dims=2, dir=dir_)
        table = fit.documents[["doc_id", "theta", "dim_1", "dim_2"]]
    else:
        unknown = sorted(set(scores) - set(dtm.doc_ids))
        if unknown:
            raise file_error(InputError, args.reference, f"unknown doc ids {unknown[:5]}",
                             f"SOURCE has e.g. {dtm.doc_ids[:3]}")
        fit = fit_wordscores(dtm, scores)
        table = fit.predict(rescaling=args.rescaling)[COLUMNS]
    if args.place:
        placed_dtm = scaling_dtm(load_source(args.place), vocabulary=list(fit.words["term"]))
        placed = (fit.predict(placed_dtm) if args.model == "wordfish"
                  else fit.predict(placed_dtm, rescaling=args.rescaling))
        table = pd.concat([table.assign(set="fit"), placed[COLUMNS].assign(set="placed")],
                          ignore_index=True)
    if args.words:
        table = fit.words
    write_table(table.round(6) if args.format == "table" else table, args.format,
                wide=args.wide)
    return 0
