"""The actor gazetteer: states, leaders, blocs, organisations and non-state actors, with the
surface forms (aliases) that name them.

The shipped gazetteer lives in ``discourse/data/gazetteer/`` as two tidy CSV files (sources,
date and rules in that folder's ``README.md``):

* ``actors.csv``, one row per actor: :data:`ACTOR_COLUMNS` (``actor_id`` is the ISO3 code
  for states, so that mentions link to the UN corpus's ``country`` column; ``state`` is the
  ISO3 code of the state a leader or a non-state actor belongs to);
* ``aliases.csv``, one row per surface form: :data:`ALIAS_COLUMNS`.

A user file extends it (``load_gazetteer(extend="my_actors.csv")``): one CSV with the columns
``actor_id`` and ``alias`` and, optionally, any of ``type, name, iso3, state, period, notes,
kind, case_sensitive``. A row with ``type`` and ``name`` defines a new actor (or redefines a
shipped one); a row with only ``actor_id`` and ``alias`` adds an alias to an actor that
exists. An alias the user file gives to another actor than the shipped file does moves to
the user's actor. Lines starting with ``#`` are comments.

The reserved actor ``_none`` (type ``none``) holds *blocked* phrases ("Middle East",
"West Bank", "Paris Agreement"): they take part in the longest-match rule, so that the
shorter aliases inside them ("East", "West", "Paris") are not counted, and are then dropped.

>>> gaz = load_gazetteer()
>>> gaz.resolve("Kremlin"), gaz.resolve("Putin"), gaz.party("putin")
('RUS', 'putin', 'RUS')
>>> gaz.actor("TUR")["name"]
'Türkiye'
"""
from __future__ import annotations

import csv
import difflib
import os
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

import pandas as pd

from ..text.parsed import PIECE_RE
from ..errors import InputError, file_error
from ..corpus.normalize import fold_typography

__all__ = ["Gazetteer", "load_gazetteer", "alias_tokens", "ACTOR_COLUMNS", "ALIAS_COLUMNS",
           "ACTOR_TYPES", "BLOCKED"]

ACTOR_COLUMNS = ["actor_id", "type", "name", "iso3", "state", "period", "notes"]
ALIAS_COLUMNS = ["actor_id", "alias", "kind", "case_sensitive"]
ACTOR_TYPES = ("state", "leader", "bloc", "organisation", "non_state", "none")
#: The reserved id of blocked phrases (matched, then dropped).
BLOCKED = "_none"
_TRUE = {"1", "true", "yes", "y"}
_FALSE = {"0", "false", "no", "n", ""}
_ID = re.compile(r"^[A-Za-z_][A-Za-z0-9_\-]*$")


def alias_tokens(text: str) -> tuple[str, ...]:
    """The tokens an alias (or a text) is matched on: runs of letters and digits, and each
    punctuation mark on its own, after typographic folding (so ``Syria’s`` and
    ``Syrian-Russian`` expose ``Syria`` and ``Syrian``).

    >>> alias_tokens("Al-Sharaa’s")
    ('Al', '-', 'Sharaa', "'", 's')
    """
    return tuple(PIECE_RE.findall(fold_typography(text)))


@dataclass(frozen=True, eq=False)
class Gazetteer:
    """Actors and their aliases, with a token index for matching.

    Attributes
    ----------
    actors : DataFrame
        :data:`ACTOR_COLUMNS`, one row per actor (the blocked-phrase actor ``_none`` included).
    aliases : DataFrame
        :data:`ALIAS_COLUMNS`, one row per alias.
    sources : tuple of str
        The files it was read from, in order.
    """

    actors: pd.DataFrame
    aliases: pd.DataFrame
    sources: tuple = ()
    _index: dict = field(default_factory=dict, repr=False)

    # -- lookup ---------------------------------------------------------------------------
    def actor(self, actor_id: str) -> dict:
        """The actor's row as a dict; an unknown id raises :class:`InputError`."""
        rows = self._by_id()
        if actor_id not in rows:
            raise InputError(_unknown_id(actor_id, rows))
        return rows[actor_id]

    def _by_id(self) -> dict:
        if "by_id" not in self._index:
            self._index["by_id"] = {r["actor_id"]: r for r in self.actors.to_dict("records")}
        return self._index["by_id"]

    def party(self, actor_id: str) -> str:
        """The actor counted for balance measures: a leader's (or a non-state actor's) state
        when the actor is a ``leader``, otherwise the actor itself."""
        row = self.actor(actor_id)
        return row["state"] if row["type"] == "leader" and row["state"] else actor_id

    def resolve(self, alias: str) -> str:
        """The actor id an alias names (exact case first, then case-insensitive aliases)."""
        toks = alias_tokens(alias)
        idx = self.index()
        hit = idx["cs"].get(toks) or idx["ci"].get(tuple(t.casefold() for t in toks))
        if hit is None:
            raise InputError(f"{alias!r} is not an alias in the gazetteer")
        return hit[0]

    def index(self) -> dict:
        """The matching index: ``cs``/``ci`` dicts from token tuples to ``(actor_id, alias)``,
        the sets of first tokens, and the longest alias in tokens."""
        if "cs" not in self._index:
            cs, ci = {}, {}
            for row in self.aliases.itertuples(index=False):
                toks = alias_tokens(row.alias)
                if not toks:
                    continue
                if row.case_sensitive:
                    cs[toks] = (row.actor_id, row.alias)
                    if toks[0] == "the":  # "The West" at the start of a sentence
                        cs.setdefault(("The",) + toks[1:], (row.actor_id, row.alias))
                else:
                    ci[tuple(t.casefold() for t in toks)] = (row.actor_id, row.alias)
            self._index.update(cs=cs, ci=ci, cs_first={k[0] for k in cs},
                               ci_first={k[0] for k in ci},
                               max_len=max(map(len, [*cs, *ci]), default=0))
        return self._index

    def __repr__(self) -> str:
        n = int((self.actors["actor_id"] != BLOCKED).sum())
        return f"<Gazetteer: {n} actors, {len(self.aliases)} aliases from {len(self.sources)} file(s)>"


# ---------------------------------------------------------------------------------------------
# reading
# ---------------------------------------------------------------------------------------------

def load_gazetteer(path: str | os.PathLike | None = None, *,
                   extend: str | os.PathLike | list | tuple | None = None) -> Gazetteer:
    """Load the shipped gazetteer (or another one) and extend it with user files.

    Parameters
    ----------
    path : path, optional
        None: the shipped gazetteer. A folder: its ``actors.csv`` and ``aliases.csv``. A CSV
        file: a self-contained gazetteer in the user format (every actor defined in it).
    extend : path or list of paths, optional
        User files (format in the module docstring) applied in order on top of ``path``.

    Returns
    -------
    Gazetteer

    Raises
    ------
    InputError
        A missing or malformed file, naming the file, the line and the problem (unknown
        column, unknown ``type``, empty alias, an alias row for an unknown actor id, one alias
        given to two actors in the same file).

    Examples
    --------
    >>> gaz = load_gazetteer()
    >>> gaz.actor("arab_states")["type"]
    'bloc'
    """
    if path is None:
        gaz = _shipped()
    else:
        p = Path(path)
        if p.is_dir():
            gaz = _read_pair(p / "actors.csv", p / "aliases.csv")
        else:
            gaz = _apply_user_file(Gazetteer(pd.DataFrame(columns=ACTOR_COLUMNS),
                                             pd.DataFrame(columns=ALIAS_COLUMNS)), p)
    if extend is not None:
        files = [extend] if isinstance(extend, (str, os.PathLike)) else list(extend)
        for f in files:
            gaz = _apply_user_file(gaz, Path(f))
    return gaz


@cache
def _shipped() -> Gazetteer:
    root = resources.files("discourse.data").joinpath("gazetteer")
    return _read_pair(root.joinpath("actors.csv"), root.joinpath("aliases.csv"),
                      label="discourse/data/gazetteer/")


def _read_rows(path, label: str | None = None) -> tuple[str, list[str], list[tuple[int, dict]]]:
    """Rows of a CSV with their line numbers; comment lines (``#``) and blank lines skipped."""
    name = label or os.fspath(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise file_error(InputError, name, "gazetteer file not found") from None
    except UnicodeDecodeError as err:
        raise file_error(InputError, name, f"not UTF-8 text ({err.reason})") from None
    lines = [(i + 1, line) for i, line in enumerate(text.splitlines())
             if line.strip() and not line.lstrip().startswith("#")]
    if not lines:
        raise file_error(InputError, name, "gazetteer file is empty")
    header_line, header = lines[0]
    columns = [c.strip() for c in next(csv.reader([header]))]
    rows = []
    for lineno, line in lines[1:]:
        values = next(csv.reader([line]))
        if len(values) > len(columns):
            raise file_error(InputError, f"{name}:{lineno}",
                             f"{len(values)} fields for {len(columns)} columns",
                             "quote fields that contain commas")
        rows.append((lineno, dict(zip(columns, [v.strip() for v in values]))))
    return name, columns, rows


def _need(name, columns, required, allowed):
    missing = [c for c in required if c not in columns]
    if missing:
        raise file_error(InputError, f"{name}:1", f"missing column(s) {missing}",
                         f"a gazetteer file needs {required}")
    unknown = [c for c in columns if c not in allowed]
    if unknown:
        raise file_error(InputError, f"{name}:1", f"unknown column(s) {unknown}",
                         f"allowed: {sorted(allowed)}")


def _flag(value: str, where: str) -> int:
    v = value.strip().lower()
    if v in _TRUE:
        return 1
    if v in _FALSE:
        return 0
    raise file_error(InputError, where, f"case_sensitive must be 1/0 (or true/false), got {value!r}")


def _actor_row(row: dict, where: str) -> dict:
    actor_id = row.get("actor_id", "")
    if not _ID.match(actor_id):
        raise file_error(InputError, where, f"bad actor_id {actor_id!r}",
                         "letters, digits, '_' and '-', starting with a letter or '_'")
    typ = row.get("type", "")
    if typ not in ACTOR_TYPES:
        raise file_error(InputError, where, f"unknown type {typ!r} for actor {actor_id!r}",
                         f"one of {list(ACTOR_TYPES)}")
    if not row.get("name"):
        raise file_error(InputError, where, f"actor {actor_id!r} has no name")
    return {c: row.get(c, "") for c in ACTOR_COLUMNS}


def _alias_row(row: dict, where: str, default_cs: int = 1) -> dict:
    alias = row.get("alias", "")
    if not alias_tokens(alias):
        raise file_error(InputError, where, f"empty alias for actor {row.get('actor_id')!r}")
    cs = _flag(row["case_sensitive"], where) if row.get("case_sensitive", "") != "" else default_cs
    return {"actor_id": row["actor_id"], "alias": alias, "kind": row.get("kind", "") or "name",
            "case_sensitive": cs}


def _key(alias: dict):
    toks = alias_tokens(alias["alias"])
    return toks if alias["case_sensitive"] else tuple(t.casefold() for t in toks)


def _read_pair(actors_path, aliases_path, label: str | None = None) -> Gazetteer:
    a_name, a_cols, a_rows = _read_rows(actors_path, label and label + "actors.csv")
    _need(a_name, a_cols, ["actor_id", "type", "name"], set(ACTOR_COLUMNS))
    actors = {}
    for lineno, row in a_rows:
        rec = _actor_row(row, f"{a_name}:{lineno}")
        if rec["actor_id"] in actors:
            raise file_error(InputError, f"{a_name}:{lineno}",
                             f"actor {rec['actor_id']!r} is defined twice")
        actors[rec["actor_id"]] = rec
    l_name, l_cols, l_rows = _read_rows(aliases_path, label and label + "aliases.csv")
    _need(l_name, l_cols, ["actor_id", "alias"], set(ALIAS_COLUMNS))
    aliases, owner = [], {}
    for lineno, row in l_rows:
        where = f"{l_name}:{lineno}"
        if row.get("actor_id") not in actors:
            raise file_error(InputError, where, _unknown_id(row.get("actor_id"), actors))
        _claim_alias(_alias_row(row, where), owner, aliases, where)
    return Gazetteer(pd.DataFrame(list(actors.values()), columns=ACTOR_COLUMNS),
                     pd.DataFrame(aliases, columns=ALIAS_COLUMNS),
                     (a_name, l_name))


def _claim_alias(rec: dict, owner: dict, aliases: list, where: str) -> None:
    """Add an alias row unless it is a repeat; an alias given to two actors is an error."""
    key = _key(rec)
    if key in owner and owner[key] != rec["actor_id"]:
        raise file_error(InputError, where, f"alias {rec['alias']!r} is given to both "
                         f"{owner[key]!r} and {rec['actor_id']!r}", "an alias names one actor")
    if key not in owner:
        owner[key] = rec["actor_id"]
        aliases.append(rec)


def _apply_user_file(gaz: Gazetteer, path: Path) -> Gazetteer:
    name, columns, rows = _read_rows(path)
    _need(name, columns, ["actor_id", "alias"], set(ACTOR_COLUMNS) | set(ALIAS_COLUMNS))
    actors = {r["actor_id"]: dict(r) for r in gaz.actors.to_dict("records")}
    new_aliases, owner = [], {}
    for lineno, row in rows:
        where = f"{name}:{lineno}"
        if row.get("type") or row.get("name"):
            actors[row["actor_id"]] = _actor_row(row, where)
            if not row.get("alias"):
                row = {**row, "alias": row["name"]}
        elif row.get("actor_id") not in actors:
            raise file_error(InputError, where, _unknown_id(row.get("actor_id"), actors),
                             "define a new actor by giving 'type' and 'name' on its row")
        _claim_alias(_alias_row(row, where), owner, new_aliases, where)
    kept = [r for r in gaz.aliases.to_dict("records") if _key(r) not in owner]
    return Gazetteer(pd.DataFrame(list(actors.values()), columns=ACTOR_COLUMNS),
                     pd.DataFrame(kept + new_aliases, columns=ALIAS_COLUMNS),
                     (*gaz.sources, name))


def _unknown_id(actor_id, known) -> str:
    close = difflib.get_close_matches(str(actor_id), list(known), n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    return f"unknown actor id {actor_id!r}{hint}"


def gazetteer_or_default(gazetteer) -> Gazetteer:
    """``gazetteer`` itself, the shipped one for None, or one loaded from a path."""
    if gazetteer is None:
        return load_gazetteer()
    if isinstance(gazetteer, Gazetteer):
        return gazetteer
    if isinstance(gazetteer, (str, os.PathLike)):
        return load_gazetteer(extend=gazetteer)
    raise InputError(f"gazetteer must be a Gazetteer, a path or None, not {type(gazetteer).__name__}")

