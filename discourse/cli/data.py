"""``discourse data``: make sure the UN corpus is present (download once if needed) and cached."""
from __future__ import annotations


NAME = "data"
HELP = "make sure the UN General Debate Corpus is present and cached (downloads it once if needed)"


def add_arguments(parser) -> None:
    parser.add_argument("--ungdc", default=None,
                        help="path of the UNGDC_*.tgz archive or its folder (default: "
                             "$DISCOURSE_UNGDC, else a download into the data directory)")
    parser.add_argument("--no-download", action="store_true", help="fail instead of downloading")


def run(args) -> int:
    from ..corpus.paths import data_home
    from ..corpus.ungdc import load_ungdc, ungdc_source

    source = ungdc_source(args.ungdc, download=not args.no_download)
    corpus = load_ungdc(path=source, progress=True)
    years = corpus.meta["year"]
    print(f"UN General Debate Corpus: {len(corpus):,} speeches, {years.min()}–{years.max()}, "
          f"from {source}")
    print(f"data directory: {data_home()}")
    return 0


