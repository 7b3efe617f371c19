"""Hash every normalised UN speech, to prove a change to the normaliser changes no character.

Reads the archive (``$DISCOURSE_UNGDC``), normalises every speech with
:func:`discourse.corpus.normalize.normalize_text` (both cores) and writes one line per speech,
``member<TAB>sha256 of the normalised text (UTF-8)``, sorted by member. With ``--compare``
the hashes are compared with an earlier run's file instead and every difference is listed.
With ``--blocks`` the hash also covers the blocks of the normalised text
(:func:`~discourse.corpus.normalize.split_blocks`: each block's offsets and kind), to check a
change to block splitting (headings, boilerplate, furniture) as well; ``--show-blocks`` then
prints, for each changed speech, the blocks whose kind or span changed (offsets and kinds
only, never text). The file holds hashes only, never text.

Run:
  python tools/check_normalized_hashes.py --write /tmp/before.tsv     # before the change
  python tools/check_normalized_hashes.py --compare /tmp/before.tsv   # after it
  python tools/check_normalized_hashes.py --blocks --write /tmp/blocks.tsv   # blocks too
"""
from __future__ import annotations

import argparse
import hashlib
import os
import sys
from concurrent.futures import ProcessPoolExecutor


def _digest(text: str, blocks: bool) -> str:
    from discourse.corpus.normalize import split_blocks

    h = hashlib.sha256(text.encode("utf-8"))
    if blocks:
        h.update("".join(f"|{b.start},{b.end},{b.kind}" for b in split_blocks(text)).encode())
    return h.hexdigest()


def _hash_batch(batch: list[tuple[str, str]], blocks: bool = False) -> list[tuple[str, str]]:
    from discourse.corpus.normalize import normalize_text

    return [(m, _digest(normalize_text(t), blocks)) for m, t in batch]


def _hash_blocks_batch(batch):
    return _hash_batch(batch, True)


def hashes(blocks: bool = False) -> dict[str, str]:
    from discourse.corpus.normalize import decode_bytes
    from discourse.corpus.paths import ungdc_path
    from discourse.corpus.ungdc import iter_ungdc_files

    source = ungdc_path()
    if source is None:
        raise SystemExit("set DISCOURSE_UNGDC to the UNGDC_*.tgz archive or its folder")
    batches, batch = [], []
    for member, data in iter_ungdc_files(source):
        batch.append((member, decode_bytes(data, path=member)))
        if len(batch) == 256:
            batches.append(batch)
            batch = []
    if batch:
        batches.append(batch)
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        func = _hash_blocks_batch if blocks else _hash_batch
        return dict(pair for part in pool.map(func, batches) for pair in part)


def main() -> int:
    parser = argparse.ArgumentParser()
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", metavar="FILE")
    group.add_argument("--compare", metavar="FILE")
    parser.add_argument("--blocks", action="store_true",
                        help="hash the block offsets and kinds as well as the text")
    args = parser.parse_args()
    now = hashes(args.blocks)
    if args.write:
        with open(args.write, "w", encoding="utf-8") as fh:
            fh.writelines(f"{m}\t{h}\n" for m, h in sorted(now.items()))
        print(f"{len(now):,} normalised speeches hashed into {args.write}")
        return 0
    with open(args.compare, encoding="utf-8") as fh:
        before = dict(line.rstrip("\n").split("\t") for line in fh)
    changed = sorted(m for m in before.keys() & now.keys() if before[m] != now[m])
    missing, extra = sorted(before.keys() - now.keys()), sorted(now.keys() - before.keys())
    for label, members in (("changed", changed), ("missing", missing), ("new", extra)):
        for m in members:
            print(f"{label}: {m}")
    same = len(before.keys() & now.keys()) - len(changed)
    print(f"{same:,} of {len(before):,} normalised speeches byte-identical; {len(changed)} "
          f"changed, {len(missing)} missing, {len(extra)} new")
    return 0 if not (changed or missing or extra) else 1


if __name__ == "__main__":
    sys.exit(main())
