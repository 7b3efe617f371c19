"""Write the regression fixture (``tests/regression/fixture/``): run once, on the commit named
in ``README.md``, before a change that must leave every number as it was.

    DISCOURSE_UNGDC=../shared/data/ungdc python tests/regression/make_fixture.py
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import measures  # noqa: E402


def main() -> int:
    import discourse

    corpus = measures.documents(discourse.load_ungdc(progress=False))
    tables = measures.publishable(measures.compute(corpus))
    measures.write(tables, HERE / "fixture")
    for name, t in tables.items():
        print(f"{name:22s} {len(t):6d} rows {len(t.columns):3d} columns")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
