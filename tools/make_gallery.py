"""Refresh the README's figure gallery from a finished ``make report`` (or ``make figures``).

Copies every registered paper figure's PNG from ``figures/`` into ``docs/gallery/`` at a
width of 1,200 pixels (the full 300-dpi files stay in ``figures/``, which is not committed),
and rewrites the README section between ``<!-- gallery:start -->`` and ``<!-- gallery:end -->``
with, for each figure, the image, what it shows, the notebook that shows it and the exact
command that makes it.

Run: python tools/make_gallery.py [--figures figures]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
START, END = "<!-- gallery:start -->", "<!-- gallery:end -->"
WIDTH = 1200


def main() -> int:
    from discourse.paper.registry import list_figures

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--figures", default=str(ROOT / "figures"))
    args = parser.parse_args()
    figures = Path(args.figures)
    manifest = json.loads((figures / "MANIFEST.json").read_text(encoding="utf-8"))
    out = ROOT / "docs" / "gallery"
    out.mkdir(parents=True, exist_ok=True)
    lines = [START, ""]
    missing = []
    for spec in list_figures():
        png = figures / f"{spec.name}.png"
        if not png.exists():
            missing.append(spec.name)
            continue
        with Image.open(png) as img:
            height = round(img.height * WIDTH / img.width)
            img.convert("RGB").resize((WIDTH, height), Image.LANCZOS).save(
                out / f"{spec.name}.png", optimize=True)
        entry = manifest["figures"].get(spec.name, {})
        params = entry.get("params", {})
        lines += [f"### `{spec.name}`", "",
                  f"![{spec.description}](docs/gallery/{spec.name}.png)", "",
                  f"{spec.description}. Shown in `notebooks/{spec.notebook}`; made by "
                  f"`discourse figures --out figures --only {spec.name}` or by `make report`"
                  f"{' (parameters of this copy: ' + json.dumps(params) + ')' if params else ''}.",
                  ""]
    lines.append(END)
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    if START not in text or END not in text:
        print(f"{readme}: no gallery markers {START} ... {END}", file=sys.stderr)
        return 2
    head, rest = text.split(START, 1)
    tail = rest.split(END, 1)[1]
    readme.write_text(head + "\n".join(lines) + tail, encoding="utf-8")
    print(f"{len(list_figures()) - len(missing)} figures in {out}"
          + (f"; missing from {figures}: {', '.join(missing)}" if missing else ""))
    return 0 if not missing else 1


if __name__ == "__main__":
    sys.exit(main())
