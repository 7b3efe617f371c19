"""``discourse figures --out DIR``: regenerate the paper figures without Jupyter."""
from __future__ import annotations


from .._validation import int_argument, seed_argument
from ._output import add_wide_argument, write_table

NAME = "figures"
HELP = "regenerate every paper figure (PNG 300 dpi, PDF, SVG) and figures/MANIFEST.json"


def add_arguments(parser) -> None:
    parser.add_argument("--out", default="figures", help="output folder (default: figures)")
    parser.add_argument("--sample", type=int_argument(1), default=None,
                        help="use at most N UN speeches per comparison set (quick look)")
    parser.add_argument("--seed", type=seed_argument(), default=1)
    parser.add_argument("--only", nargs="+", default=None, metavar="NAME", help="these figures only")
    parser.add_argument("--list", action="store_true", help="list the figures and exit")
    add_wide_argument(parser)


def run(args) -> int:
    import pandas as pd
    from ..paper.registry import build_figures, list_figures

    if args.list:
        write_table(pd.DataFrame([{"figure": s.name, "notebook": s.notebook,
                                   "shows": s.description} for s in list_figures()]), "table",
                    wide=args.wide)
        return 0
    manifest = build_figures(args.out, sample=args.sample, seed=args.seed, names=args.only)
    print(f"{len(manifest['figures'])} figures in {args.out} (manifest: {args.out}/MANIFEST.json)")
    return 0
