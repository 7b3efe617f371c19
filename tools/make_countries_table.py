"""Regenerate ``discourse/data/tables/countries.csv`` (the shipped country table).

GENERATION-TIME TOOL ONLY. This script imports ``pycountry`` (ISO 3166-1/-3 codes and
names; LGPL-2.1, data from Debian's iso-codes) and ``country_converter`` (whose bundled
``country_data.tsv`` carries UN M49 intermediate/sub-region names and UN admission
years; GPL-3.0). Neither is a run-time dependency of ``discourse``: the package only
reads the CSV this script writes. Install them into a scratch or dev venv first::

    pip install pycountry==26.2.16 country_converter==1.3.2
    python tools/make_countries_table.py            # writes the CSV
    python tools/make_countries_table.py --check    # exit 1 if the shipped CSV differs

How the table is built
----------------------
1. One row per current ISO 3166-1 alpha-3 code (``pycountry.countries``).
2. ``name``: the ISO short name, replaced by the UN (UNTERM / M49) short name where the two
   differ (``UN_NAME`` below, hand-written). ``short_name``: pycountry's ``common_name``
   where it has one, else the ISO name, then ``SHORT_NAME`` hand overrides.
3. ``subregion``: country_converter's ``UNregion`` column (M49 *intermediate* region where
   M49 has one, else the M49 sub-region), lifted to the M49 *sub-region* level with
   ``INTERMEDIATE_TO_SUBREGION``; ``region`` follows from ``SUBREGION_TO_REGION``.
   ``REGION_OVERRIDES`` handles Antarctica (no M49 region), Taiwan (not in M49) and
   Nauru (misplaced in country_converter's data).
4. ``un_member_from``: country_converter's ``UNmember`` (year of admission; 193 states,
   checked by hand against the UN "Member States" list, see ``UN_MEMBER_CHECK``).
5. Rows the corpus needs beyond ISO 3166-1 are added from ``EXTRA_ROWS`` (ISO 3166-3
   historic codes CSK, DDR, YMD, YUG, and the non-ISO ``EU``).
6. ``notes``: ``NOTES`` (hand-written), chiefly which state a corpus code stands for in
   which years (e.g. RUS before 1992 = USSR).

The CSV is UTF-8, comma-separated, LF line endings, sorted by ``iso3``.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import sys
from pathlib import Path

import country_converter  # generation-time only
import pandas as pd
import pycountry  # generation-time only

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "discourse" / "data" / "tables" / "countries.csv"
COLUMNS = ["iso3", "name", "short_name", "region", "subregion", "un_member_from", "un_member_to", "notes"]

# The speaker codes of the UN General Debate Corpus (UNGDC 1946-2024): all must be present.
CORPUS_CODES = """
AFG AGO ALB AND ARE ARG ARM ATG AUS AUT AZE BDI BEL BEN BFA BGD BGR BHR BHS BIH BLR BLZ BOL
BRA BRB BRN BTN BWA CAF CAN CHE CHL CHN CIV CMR COD COG COL COM CPV CRI CSK CUB CYP CZE DDR
DEU DJI DMA DNK DOM DZA ECU EGY ERI ESP EST ETH EU FIN FJI FRA FSM GAB GBR GEO GHA GIN GMB
GNB GNQ GRC GRD GTM GUY HND HRV HTI HUN IDN IND IRL IRN IRQ ISL ISR ITA JAM JOR JPN KAZ KEN
KGZ KHM KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAR MCO MDA MDG MDV MEX
MHL MKD MLI MLT MMR MNE MNG MOZ MRT MUS MWI MYS NAM NER NGA NIC NLD NOR NPL NRU NZL OMN PAK
PAN PER PHL PLW PNG POL PRK PRT PRY PSE QAT ROU RUS RWA SAU SDN SEN SGP SLB SLE SLV SMR SOM
SRB SSD STP SUR SVK SVN SWE SWZ SYC SYR TCD TGO THA TJK TKM TLS TON TTO TUN TUR TUV TZA UGA
UKR URY USA UZB VAT VCT VEN VNM VUT WSM YEM YMD YUG ZAF ZMB ZWE
""".split()

# --- hand corrections ------------------------------------------------------------------

# UN short names (UNTERM / M49, as of 2024) where they differ from the ISO 3166-1 name.
UN_NAME = {
    "BOL": "Bolivia (Plurinational State of)",
    "COD": "Democratic Republic of the Congo",
    "FSM": "Micronesia (Federated States of)",
    "GBR": "United Kingdom of Great Britain and Northern Ireland",
    "HKG": "China, Hong Kong Special Administrative Region",
    "IRN": "Iran (Islamic Republic of)",
    "KOR": "Republic of Korea",
    "MAC": "China, Macao Special Administrative Region",
    "MAF": "Saint Martin (French Part)",
    "MDA": "Republic of Moldova",
    "NLD": "Netherlands (Kingdom of the)",
    "PRK": "Democratic People's Republic of Korea",
    "PSE": "State of Palestine",
    "SHN": "Saint Helena",
    "SJM": "Svalbard and Jan Mayen Islands",
    "TZA": "United Republic of Tanzania",
    "USA": "United States of America",
    "VAT": "Holy See",
    "VEN": "Venezuela (Bolivarian Republic of)",
    "VGB": "British Virgin Islands",
    "VIR": "United States Virgin Islands",
    "WLF": "Wallis and Futuna Islands",
    # TWN: not listed in M49; the ISO 3166-1 name ("Taiwan, Province of China") is kept.
}

# Everyday English names, where pycountry's common_name / ISO name is not one.
SHORT_NAME = {
    "BES": "Caribbean Netherlands",
    "BRN": "Brunei",
    "CCK": "Cocos (Keeling) Islands",
    "COD": "DR Congo",
    "COG": "Republic of the Congo",
    "CPV": "Cape Verde",
    "CZE": "Czechia",
    "FLK": "Falkland Islands",
    "FSM": "Micronesia",
    "GBR": "United Kingdom",
    "HKG": "Hong Kong",
    "MAC": "Macao",
    "MAF": "Saint Martin",
    "NLD": "Netherlands",
    "PSE": "Palestine",
    "RUS": "Russia",
    "SHN": "Saint Helena",
    "SXM": "Sint Maarten",
    "TLS": "East Timor",
    "UMI": "US Minor Outlying Islands",
    "USA": "United States",
    "VAT": "Vatican",
    "VGB": "British Virgin Islands",
    "VIR": "US Virgin Islands",
}

INTERMEDIATE_TO_SUBREGION = {
    "Eastern Africa": "Sub-Saharan Africa",
    "Middle Africa": "Sub-Saharan Africa",
    "Southern Africa": "Sub-Saharan Africa",
    "Western Africa": "Sub-Saharan Africa",
    "Caribbean": "Latin America and the Caribbean",
    "Central America": "Latin America and the Caribbean",
    "South America": "Latin America and the Caribbean",
    "Channel Islands": "Northern Europe",
}

SUBREGION_TO_REGION = {
    "Northern Africa": "Africa",
    "Sub-Saharan Africa": "Africa",
    "Latin America and the Caribbean": "Americas",
    "Northern America": "Americas",
    "Central Asia": "Asia",
    "Eastern Asia": "Asia",
    "South-eastern Asia": "Asia",
    "Southern Asia": "Asia",
    "Western Asia": "Asia",
    "Eastern Europe": "Europe",
    "Northern Europe": "Europe",
    "Southern Europe": "Europe",
    "Western Europe": "Europe",
    "Australia and New Zealand": "Oceania",
    "Melanesia": "Oceania",
    "Micronesia": "Oceania",
    "Polynesia": "Oceania",
}

# (region, subregion) set by hand.
REGION_OVERRIDES = {
    "ATA": ("", ""),  # M49 places Antarctica under "World" only
    "TWN": ("Asia", "Eastern Asia"),  # not in M49; placed with its neighbours
    "NRU": ("Oceania", "Micronesia"),  # country_converter 1.3.2 says Polynesia; M49 says Micronesia
}

# Expected M49 placements for the codes the project cares most about (asserted below).
M49_CHECK = {
    "SYR": "Western Asia", "LBN": "Western Asia", "JOR": "Western Asia", "IRQ": "Western Asia",
    "ISR": "Western Asia", "PSE": "Western Asia", "SAU": "Western Asia", "QAT": "Western Asia",
    "ARE": "Western Asia", "KWT": "Western Asia", "BHR": "Western Asia", "OMN": "Western Asia",
    "YEM": "Western Asia", "TUR": "Western Asia", "CYP": "Western Asia", "GEO": "Western Asia",
    "ARM": "Western Asia", "AZE": "Western Asia", "IRN": "Southern Asia", "EGY": "Northern Africa",
    "LBY": "Northern Africa", "SDN": "Northern Africa", "RUS": "Eastern Europe",
    "UKR": "Eastern Europe", "CHN": "Eastern Asia", "GBR": "Northern Europe",
    "FRA": "Western Europe", "DEU": "Western Europe", "USA": "Northern America",
    "MEX": "Latin America and the Caribbean", "KAZ": "Central Asia", "AFG": "Southern Asia",
    "NRU": "Micronesia", "KIR": "Micronesia", "TUV": "Polynesia", "FJI": "Melanesia",
}

# Admission years checked by hand against the UN "Member States" list (un.org/en/about-us/
# member-states); the source column must agree with these for the codes listed.
UN_MEMBER_CHECK = {
    "SYR": 1945, "RUS": 1945, "UKR": 1945, "BLR": 1945, "TUR": 1945, "SAU": 1945, "EGY": 1945,
    "IRN": 1945, "USA": 1945, "LBN": 1945, "IRQ": 1945, "CHN": 1945, "GBR": 1945, "FRA": 1945,
    "ISR": 1949, "JOR": 1955, "QAT": 1971, "ARE": 1971, "BHR": 1971, "OMN": 1971, "KWT": 1963,
    "YEM": 1947, "DEU": 1973, "LBY": 1955, "SRB": 2000, "MNE": 2006, "CZE": 1993, "SVK": 1993,
    "SSD": 2011, "CHE": 2002, "TLS": 2002, "PRK": 1991, "KOR": 1991, "IDN": 1950, "TZA": 1961,
    "MYS": 1957, "NAM": 1990, "ERI": 1993, "MKD": 1993,
}

# Rows not in ISO 3166-1: ISO 3166-3 historic codes and the EU.
EXTRA_ROWS = [
    dict(iso3="CSK", name="Czechoslovakia", short_name="Czechoslovakia", region="Europe",
         subregion="Eastern Europe", un_member_from=1945, un_member_to=1992),
    dict(iso3="DDR", name="German Democratic Republic", short_name="East Germany", region="Europe",
         subregion="Western Europe", un_member_from=1973, un_member_to=1990),
    dict(iso3="YMD", name="Democratic Yemen", short_name="South Yemen", region="Asia",
         subregion="Western Asia", un_member_from=1967, un_member_to=1990),
    dict(iso3="YUG", name="Yugoslavia", short_name="Yugoslavia", region="Europe",
         subregion="Southern Europe", un_member_from=1945, un_member_to=1992),
    dict(iso3="EU", name="European Union", short_name="EU", region="Europe", subregion="",
         un_member_from="", un_member_to=""),
]

NOTES = {
    # historic and special codes
    "CSK": "historic (ISO 3166-3); original UN member 1945; dissolved 31 Dec 1992; successors CZE and SVK (admitted 1993); region as its successors",
    "DDR": "historic (ISO 3166-3); East Germany; admitted 1973; joined the Federal Republic of Germany 3 Oct 1990; region as its successor DEU (M49 Western Europe)",
    "YMD": "historic (ISO 3166-3); People's Democratic Republic of Yemen (South Yemen); admitted 1967; united with North Yemen as YEM 22 May 1990",
    "YUG": "historic (ISO 3166-3); Socialist Federal Republic of Yugoslavia, original member 1945, dissolved 1992 (GA res. 47/1); corpus YUG speeches 2001-2005 are the Federal Republic of Yugoslavia / Serbia and Montenegro (admitted 2000; membership continued by SRB)",
    "EU": "supranational; not an ISO 3166 code; UN General Assembly observer with enhanced participation rights (GA res. 65/276, 2011); not a member",
    "PSE": "non-member observer state (GA res. 67/19, 2012); not a UN member",
    "VAT": "non-member observer state; not a UN member",
    # corpus codes that stand for a predecessor state in some years
    "RUS": "corpus speeches under RUS before 1992 are the USSR's (original member 1945); the Russian Federation continued the USSR's membership in Dec 1991",
    "UKR": "corpus speeches under UKR before 1992 are the Ukrainian SSR's (original member 1945)",
    "BLR": "corpus speeches under BLR before 1992 are the Byelorussian SSR's (original member 1945)",
    "DEU": "corpus speeches under DEU before 1990 are the Federal Republic of Germany's (West Germany, admitted 1973); unified Germany from 3 Oct 1990 (see DDR)",
    "YEM": "corpus speeches under YEM before 1990 are the Yemen Arab Republic's (North Yemen, admitted 1947); Republic of Yemen from 22 May 1990 (see YMD)",
    "CHN": "China's seat was held by the Republic of China (Taiwan) until GA res. 2758 (25 Oct 1971): corpus CHN speeches up to 1971 are the Republic of China's",
    "EGY": "Egypt and Syria formed the United Arab Republic 1958-1961: corpus EGY speeches 1958-1961 are the UAR's; Egypt kept the name United Arab Republic until 1971",
    "SYR": "part of the United Arab Republic 1958-1961 (no SYR speeches then; see EGY); resumed separate membership 13 Oct 1961",
    "SRB": "admitted 1 Nov 2000 as the Federal Republic of Yugoslavia (Serbia and Montenegro from 2003); Serbia continued the membership in 2006; corpus speeches 2001-2005 are filed under YUG",
    "MNE": "admitted 2006 after separating from Serbia and Montenegro",
    "CZE": "successor of Czechoslovakia (CSK); admitted 1993",
    "SVK": "successor of Czechoslovakia (CSK); admitted 1993",
    "TZA": "admitted 1961 as Tanganyika; united with Zanzibar (admitted 1963) in 1964",
    "MYS": "admitted 1957 as the Federation of Malaya",
    "IDN": "withdrew from the UN in 1965 and resumed participation in 1966",
    "ZAF": "excluded from General Assembly participation 1974-1994",
    "MMR": "Burma until 1989",
    "COD": "Zaire 1971-1997",
    "BEN": "Dahomey until 1975",
    "BFA": "Upper Volta until 1984",
    "LKA": "Ceylon until 1972",
    "SWZ": "Swaziland until 2018",
    "MKD": "admitted 1993 as 'the former Yugoslav Republic of Macedonia'; North Macedonia since 2019",
    "TUR": "UN name changed from Turkey to Türkiye in 2022",
    "TWN": "not listed in UN M49; ISO 3166-1 name; region set by hand",
    "ATA": "UN M49 assigns Antarctica to no region",
}


# --- build -----------------------------------------------------------------------------

def _cc_data() -> pd.DataFrame:
    # Read the bundled TSV directly: CountryConverter() itself fails under pandas 3
    # (the ISO2 "NA" of Namibia is parsed as missing), and we need only the columns.
    path = os.path.join(os.path.dirname(country_converter.__file__), "country_data.tsv")
    data = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False, encoding="utf-8")
    return data.set_index("ISO3")


def build() -> list[dict]:
    cc = _cc_data()
    rows = []
    for c in pycountry.countries:
        code = c.alpha_3
        if code not in cc.index:
            raise SystemExit(f"{code}: not in country_converter data")
        src = cc.loc[code]
        name = UN_NAME.get(code, c.name)
        short = SHORT_NAME.get(code, getattr(c, "common_name", None) or c.name)
        if code in REGION_OVERRIDES:
            region, sub = REGION_OVERRIDES[code]
        else:
            sub = INTERMEDIATE_TO_SUBREGION.get(src["UNregion"], src["UNregion"])
            region = SUBREGION_TO_REGION[sub]
        member = src["UNmember"]
        rows.append(dict(iso3=code, name=name, short_name=short, region=region, subregion=sub,
                         un_member_from=int(member) if member else "", un_member_to="",
                         notes=NOTES.get(code, "")))
    iso = {r["iso3"] for r in rows}
    for extra in EXTRA_ROWS:
        assert extra["iso3"] not in iso, extra["iso3"]
        rows.append({**extra, "notes": NOTES.get(extra["iso3"], "")})
    rows.sort(key=lambda r: r["iso3"])
    _check(rows)
    return rows


def _check(rows: list[dict]) -> None:
    by = {r["iso3"]: r for r in rows}
    assert len(by) == len(rows), "duplicate iso3"
    missing = [c for c in CORPUS_CODES if c not in by]
    assert not missing, missing
    for c in CORPUS_CODES:
        assert by[c]["name"] and by[c]["region"], c
    for c, sub in M49_CHECK.items():
        assert by[c]["subregion"] == sub, (c, by[c]["subregion"], sub)
    for c, year in UN_MEMBER_CHECK.items():
        assert by[c]["un_member_from"] == year, (c, by[c]["un_member_from"], year)
    members = [r for r in rows if r["un_member_from"] != "" and r["un_member_to"] == ""]
    assert len(members) == 193, len(members)
    # every name / short name must resolve to one code only
    seen: dict[str, str] = {}
    for r in rows:
        for key in {r["iso3"].casefold(), r["name"].casefold(), r["short_name"].casefold()}:
            assert seen.setdefault(key, r["iso3"]) == r["iso3"], (key, seen[key], r["iso3"])


def render(rows: list[dict]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare with the shipped CSV, write nothing")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    text = render(build())
    if args.check:
        same = args.out.exists() and args.out.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{args.out} differs from a fresh build")
        return 0 if same else 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(text.encode("utf-8"))
    print(f"wrote {args.out} ({text.count(chr(10)) - 1} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
