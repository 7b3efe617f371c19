"""Generate discourse/data/gazetteer/{actors,aliases}.csv: the script the shipped gazetteer was made with (run from anywhere: python tools/make_gazetteer.py)."""
import csv, io
from pathlib import Path
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "discourse/data/gazetteer"
countries = pd.read_csv(ROOT / "discourse/data/tables/countries.csv", dtype=str, keep_default_na=False)

actors = []   # actor_id,type,name,iso3,state,period,notes
aliases = []  # actor_id,alias,kind,case_sensitive

def A(actor_id, type_, name, iso3="", state="", period="", notes=""):
    actors.append(dict(actor_id=actor_id, type=type_, name=name, iso3=iso3, state=state,
                       period=period, notes=notes))

def L(actor_id, kind, *forms, cs=1):
    for f in forms:
        aliases.append(dict(actor_id=actor_id, alias=f, kind=kind, case_sensitive=cs))

# ---- states: every row of countries.csv -------------------------------------------------
STATE_NOTES = {
    "RUS": "UN corpus files the USSR's speeches (before 1992) under RUS; 'Soviet Union' maps here",
    "TUR": "UN name Türkiye since 2022; 'Turkey' is matched case-sensitively (the bird is lower case)",
    "GEO": "'Georgia' is also a US state: matched case-sensitively, not disambiguated",
    "JOR": "'Jordan' as a personal name or the river is rare in this genre; 'Jordan River' and 'River Jordan' are blocked",
    "TCD": "'Chad' as a first name is rare in this genre; matched case-sensitively",
    "USA": "'Washington' also names a US state and a person; counted as the US government (metonym)",
    "EU": "also an organisation; typed as a bloc",
    "PSE": "'Jerusalem' is not an alias of any state (status disputed); 'West Bank' and 'Gaza' are places, blocked",
}
for r in countries.itertuples(index=False):
    if r.iso3 == "EU":
        continue
    A(r.iso3, "state", r.short_name, iso3=r.iso3, notes=STATE_NOTES.get(r.iso3, r.notes))
    forms = []
    if "(" not in r.name and "," not in r.name:
        forms.append(r.name)
    if "(" not in r.short_name and r.short_name not in forms:
        forms.append(r.short_name)
    if "(" in r.name:  # "Iran (Islamic Republic of)" -> "Islamic Republic of Iran"
        base, rest = r.name.split(" (", 1)
        rest = rest.rstrip(")")
        if rest.endswith(" of"):
            forms.append(f"{rest} {base}")
    L(r.iso3, "name", *forms)

# extra names / short forms
EXTRA_NAMES = {
    "USA": ["the United States", "US", "U.S.", "USA", "U.S.A.", "America", "United States of America"],
    "GBR": ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom"],
    "RUS": ["Soviet Union", "USSR", "U.S.S.R.", "Union of Soviet Socialist Republics", "Russian Federation"],
    "TUR": ["Turkey", "Turkiye", "Republic of Türkiye", "Republic of Turkey"],
    "SYR": ["Syrian Arab Republic", "Syrian Arab Republic"],
    "IRN": ["Islamic Republic of Iran", "Persia"],
    "KOR": ["Republic of Korea"],
    "PRK": ["Democratic People's Republic of Korea", "DPRK"],
    "CHN": ["People's Republic of China", "PRC"],
    "EGY": ["Arab Republic of Egypt"],
    "LBY": ["Libyan Arab Jamahiriya"],
    "SAU": ["Kingdom of Saudi Arabia", "KSA"],
    "ARE": ["UAE", "U.A.E.", "the Emirates"],
    "PSE": ["State of Palestine", "Palestinian Authority", "PLO", "Palestine Liberation Organization"],
    "COD": ["Democratic Republic of the Congo", "DRC", "Zaire"],
    "CIV": ["Côte d'Ivoire", "Cote d'Ivoire", "Ivory Coast"],
    "MMR": ["Burma"],
    "CZE": ["Czech Republic", "Czechia"],
    "MKD": ["Macedonia"],
    "SWZ": ["Swaziland"],
    "TLS": ["East Timor", "Timor-Leste"],
    "DDR": ["East Germany", "German Democratic Republic"],
    "DEU": ["West Germany", "Federal Republic of Germany"],
    "VAT": ["Holy See", "Vatican"],
    "NLD": ["Netherlands", "Holland"],
    "VNM": ["Viet Nam", "Vietnam"],
    "CPV": ["Cape Verde", "Cabo Verde"],
    "BOL": ["Bolivia"], "VEN": ["Venezuela"], "FSM": ["Micronesia"], "TZA": ["Tanzania"],
    "MDA": ["Moldova"], "LAO": ["Laos"], "BRN": ["Brunei"],
}
for k, v in EXTRA_NAMES.items():
    L(k, "short", *v)

CAPITALS = {
    "SYR": ["Damascus"], "RUS": ["Moscow", "the Kremlin", "Kremlin"], "UKR": ["Kyiv", "Kiev"],
    "TUR": ["Ankara"], "IRN": ["Tehran", "Teheran"], "IRQ": ["Baghdad"], "ISR": ["Tel Aviv"],
    "LBN": ["Beirut"], "JOR": ["Amman"], "SAU": ["Riyadh"], "ARE": ["Abu Dhabi"], "QAT": ["Doha"],
    "BHR": ["Manama"], "OMN": ["Muscat"], "YEM": ["Sanaa", "Sana'a"], "EGY": ["Cairo"],
    "TUN": ["Tunis"], "DZA": ["Algiers"], "MAR": ["Rabat"], "SDN": ["Khartoum"], "CYP": ["Nicosia"],
    "USA": ["Washington", "the White House", "White House"], "GBR": ["London", "Downing Street"],
    "FRA": ["Paris", "the Elysée", "Élysée"], "CHN": ["Beijing", "Peking"], "DEU": ["Berlin", "Bonn"],
    "ITA": ["Rome"], "ESP": ["Madrid"], "GRC": ["Athens"], "JPN": ["Tokyo"],
    "IND": ["New Delhi"], "PAK": ["Islamabad"], "AFG": ["Kabul"], "AZE": ["Baku"],
    "ARM": ["Yerevan"], "GEO": ["Tbilisi"], "KAZ": ["Astana", "Nur-Sultan"], "BLR": ["Minsk"],
    "POL": ["Warsaw"], "CAN": ["Ottawa"], "BRA": ["Brasília", "Brasilia"], "CUB": ["Havana"],
    "VEN": ["Caracas"], "KOR": ["Seoul"], "PRK": ["Pyongyang"], "ZAF": ["Pretoria"],
    "ETH": ["Addis Ababa"], "LBY": ["Tripoli"], "KWT": ["Kuwait City"],
}
for k, v in CAPITALS.items():
    L(k, "capital", *v)

DEMONYMS = {
    "SYR": ["Syrian", "Syrians"], "RUS": ["Russian", "Russians", "Soviet"], "UKR": ["Ukrainian", "Ukrainians"],
    "TUR": ["Turkish", "Turks"], "IRN": ["Iranian", "Iranians"], "IRQ": ["Iraqi", "Iraqis"],
    "ISR": ["Israeli", "Israelis"], "PSE": ["Palestinian", "Palestinians"], "LBN": ["Lebanese"],
    "JOR": ["Jordanian", "Jordanians"], "SAU": ["Saudi", "Saudis"], "ARE": ["Emirati", "Emiratis"],
    "QAT": ["Qatari", "Qataris"], "KWT": ["Kuwaiti", "Kuwaitis"], "BHR": ["Bahraini"], "OMN": ["Omani"],
    "YEM": ["Yemeni", "Yemenis"], "EGY": ["Egyptian", "Egyptians"], "LBY": ["Libyan", "Libyans"],
    "TUN": ["Tunisian"], "DZA": ["Algerian"], "MAR": ["Moroccan"], "SDN": ["Sudanese"],
    "CYP": ["Cypriot"], "USA": ["American", "Americans"], "GBR": ["British"], "FRA": ["French"],
    "CHN": ["Chinese"], "DEU": ["German", "Germans"], "ITA": ["Italian"], "ESP": ["Spanish"],
    "GRC": ["Greek"], "JPN": ["Japanese"], "IND": ["Indian"], "PAK": ["Pakistani"],
    "AFG": ["Afghan"], "AZE": ["Azerbaijani"], "ARM": ["Armenian"], "GEO": ["Georgian"],
    "KAZ": ["Kazakh"], "BLR": ["Belarusian"], "POL": ["Polish"], "NLD": ["Dutch"],
    "BEL": ["Belgian"], "SWE": ["Swedish"], "NOR": ["Norwegian"], "CHE": ["Swiss"],
    "AUT": ["Austrian"], "CAN": ["Canadian"], "BRA": ["Brazilian"], "ARG": ["Argentine", "Argentinian"],
    "MEX": ["Mexican"], "VEN": ["Venezuelan"], "CUB": ["Cuban"], "KOR": ["South Korean"],
    "PRK": ["North Korean"], "ZAF": ["South African"], "NGA": ["Nigerian"], "ETH": ["Ethiopian"],
    "SOM": ["Somali"], "IDN": ["Indonesian"], "MYS": ["Malaysian"], "VNM": ["Vietnamese"],
    "MRT": ["Mauritanian"], "SSD": ["South Sudanese"], "SRB": ["Serbian"], "CUB ": [],
}
# The other UN member states' demonyms (2026-12-03, issue #11's eighth round: "Portuguese
# colonialism" named no actor). Started from the `demonym` field of the countryinfo package
# (1.0.1, MIT; read once, not a dependency), corrected by hand to the adjective used in UN
# prose (Tajik not Tadzhik, Icelandic not Icelander, Kyrgyz, Uzbek, Basotho ...), with the
# plural of the forms that take one. Left out as ambiguous: Congolese (two states),
# Dominican (two), Guinean (three Guineas), Central African (the region), Samoan (two),
# Macedonian (a Greek region too), Chinese/French/Indian of territories.
MORE_DEMONYMS = {
    "AGO": ["Angolan", "Angolans"], "ALB": ["Albanian", "Albanians"], "AND": ["Andorran"],
    "ATG": ["Antiguan"], "AUS": ["Australian", "Australians"], "BDI": ["Burundian", "Burundians"],
    "BEN": ["Beninese"], "BFA": ["Burkinabe"], "BGD": ["Bangladeshi", "Bangladeshis"],
    "BGR": ["Bulgarian", "Bulgarians"], "BHS": ["Bahamian"], "BIH": ["Bosnian", "Bosnians"],
    "BLZ": ["Belizean"], "BOL": ["Bolivian", "Bolivians"], "BRB": ["Barbadian"],
    "BRN": ["Bruneian"], "BTN": ["Bhutanese"], "BWA": ["Botswanan", "Batswana"],
    "CHL": ["Chilean", "Chileans"], "CIV": ["Ivorian", "Ivorians"],
    "CMR": ["Cameroonian", "Cameroonians"], "COL": ["Colombian", "Colombians"],
    "COM": ["Comorian"], "CPV": ["Cape Verdean"], "CRI": ["Costa Rican"], "CZE": ["Czech"],
    "DNK": ["Danish"], "ECU": ["Ecuadorian", "Ecuadorean"], "ERI": ["Eritrean", "Eritreans"],
    "EST": ["Estonian", "Estonians"], "FIN": ["Finnish"], "FJI": ["Fijian"],
    "FSM": ["Micronesian"], "GAB": ["Gabonese"], "GHA": ["Ghanaian", "Ghanaians"],
    "GMB": ["Gambian"], "GRD": ["Grenadian"], "GTM": ["Guatemalan", "Guatemalans"],
    "GUY": ["Guyanese"], "HND": ["Honduran", "Hondurans"], "HRV": ["Croatian", "Croatians"],
    "HTI": ["Haitian", "Haitians"], "HUN": ["Hungarian", "Hungarians"], "IRL": ["Irish"],
    "ISL": ["Icelandic"], "JAM": ["Jamaican", "Jamaicans"], "KEN": ["Kenyan", "Kenyans"],
    "KGZ": ["Kyrgyz"], "KHM": ["Cambodian", "Cambodians"], "LAO": ["Laotian"],
    "LBR": ["Liberian", "Liberians"], "LKA": ["Sri Lankan", "Sri Lankans"],
    "LSO": ["Basotho"], "LTU": ["Lithuanian", "Lithuanians"], "LUX": ["Luxembourgish"],
    "LVA": ["Latvian", "Latvians"], "MCO": ["Monegasque"], "MDA": ["Moldovan", "Moldovans"],
    "MDG": ["Malagasy"], "MDV": ["Maldivian"], "MHL": ["Marshallese"], "MLI": ["Malian"],
    "MLT": ["Maltese"], "MMR": ["Burmese"], "MNE": ["Montenegrin"],
    "MNG": ["Mongolian", "Mongolians"], "MOZ": ["Mozambican", "Mozambicans"],
    "MUS": ["Mauritian", "Mauritians"], "MWI": ["Malawian", "Malawians"],
    "NAM": ["Namibian", "Namibians"], "NER": ["Nigerien"], "NIC": ["Nicaraguan", "Nicaraguans"],
    "NPL": ["Nepalese", "Nepali"], "NRU": ["Nauruan"], "NZL": ["New Zealander", "New Zealanders"],
    "PAN": ["Panamanian"], "PER": ["Peruvian", "Peruvians"], "PHL": ["Filipino", "Filipinos",
    "Philippine"], "PLW": ["Palauan"], "PNG": ["Papua New Guinean"], "PRT": ["Portuguese"],
    "PRY": ["Paraguayan"], "ROU": ["Romanian", "Romanians"], "RWA": ["Rwandan", "Rwandans"],
    "SEN": ["Senegalese"], "SGP": ["Singaporean", "Singaporeans"], "SLB": ["Solomon Islander"],
    "SLE": ["Sierra Leonean", "Sierra Leoneans"], "SLV": ["Salvadoran", "Salvadorans"],
    "SMR": ["Sammarinese"], "SUR": ["Surinamese"], "SVK": ["Slovak", "Slovaks"],
    "SVN": ["Slovenian", "Slovene"], "SWZ": ["Swazi"], "SYC": ["Seychellois"],
    "TCD": ["Chadian", "Chadians"], "TGO": ["Togolese"], "THA": ["Thai"], "TJK": ["Tajik"],
    "TKM": ["Turkmen"], "TLS": ["East Timorese", "Timorese"], "TON": ["Tongan"],
    "TTO": ["Trinidadian"], "TUV": ["Tuvaluan"], "TZA": ["Tanzanian", "Tanzanians"],
    "UGA": ["Ugandan", "Ugandans"], "URY": ["Uruguayan"], "UZB": ["Uzbek"],
    "VUT": ["Ni-Vanuatu"], "ZMB": ["Zambian", "Zambians"], "ZWE": ["Zimbabwean", "Zimbabweans"],
}
for k, v in DEMONYMS.items():
    if v:
        L(k.strip(), "demonym", *v)
for k, v in MORE_DEMONYMS.items():
    assert k not in DEMONYMS, k
    L(k, "demonym", *v)

# ---- leaders --------------------------------------------------------------------------------
LEADERS = [
    ("sharaa", "Ahmad al-Sharaa", "SYR", "2024-12-", "President of Syria (de facto leader from Dec 2024); earlier nom de guerre Abu Mohammad al-Jolani",
     ["Ahmad Al-Sharaa", "Ahmed al-Sharaa", "Ahmad al-Shara", "Al-Sharaa", "al-Sharaa", "Sharaa", "Ahmad Al Sharaa", "Al Sharaa", "Abu Mohammad al-Jolani", "Abu Mohammed al-Julani", "al-Jolani", "al-Julani", "Jolani", "Julani"]),
    ("shaibani", "Asaad al-Shaibani", "SYR", "2024-12-", "Foreign Minister of Syria",
     ["Asaad al-Shaibani", "Asaad Al-Shaibani", "al-Shaibani", "Shaibani"]),
    ("bashar_assad", "Bashar al-Assad", "SYR", "2000-2024", "President of Syria 2000-2024; a bare 'Assad' is counted here (Hafez is named with his first name in this genre)",
     ["Bashar al-Assad", "Bashar Al-Assad", "Bashar Assad", "Bashar al-Asad", "Bashar Al Assad", "Assad", "al-Assad", "Al-Assad", "al-Asad", "Asad"]),
    ("hafez_assad", "Hafez al-Assad", "SYR", "1971-2000", "President of Syria 1971-2000",
     ["Hafez al-Assad", "Hafez Al-Assad", "Hafez Assad", "Hafiz al-Assad", "Hafiz al-Asad", "Hafez al-Asad", "Hafez"]),
    ("muallem", "Walid al-Muallem", "SYR", "2006-2020", "Foreign Minister of Syria",
     ["Walid al-Muallem", "Walid Al-Moualem", "Walid Muallem", "al-Muallem", "Al-Moualem", "Muallem", "Moualem"]),
    ("putin", "Vladimir Putin", "RUS", "1999-", "President (or Prime Minister) of Russia",
     ["Vladimir Putin", "Vladimir Vladimirovich Putin", "Putin"]),
    ("lavrov", "Sergey Lavrov", "RUS", "2004-", "Foreign Minister of Russia", ["Sergey Lavrov", "Sergei Lavrov", "Lavrov"]),
    ("zelensky", "Volodymyr Zelensky", "UKR", "2019-", "President of Ukraine",
     ["Volodymyr Zelensky", "Volodymyr Zelenskyy", "Zelensky", "Zelenskyy", "Zelenskiy"]),
    ("sybiha", "Andrii Sybiha", "UKR", "2024-", "Foreign Minister of Ukraine", ["Andrii Sybiha", "Andriy Sybiha", "Sybiha"]),
    ("erdogan", "Recep Tayyip Erdoğan", "TUR", "2003-", "Prime Minister then President of Türkiye",
     ["Recep Tayyip Erdoğan", "Recep Tayyip Erdogan", "Erdoğan", "Erdogan"]),
    ("trump", "Donald Trump", "USA", "2017-2021;2025-", "President of the United States", ["Donald Trump", "Donald J. Trump", "Trump"]),
    ("biden", "Joe Biden", "USA", "2021-2025", "President of the United States", ["Joe Biden", "Joseph Biden", "Biden"]),
    ("obama", "Barack Obama", "USA", "2009-2017", "President of the United States", ["Barack Obama", "Obama"]),
    ("bush", "George W. Bush", "USA", "2001-2009", "President of the United States ('Bush' alone may be his father, 1989-1993)", ["George W. Bush", "George Bush", "Bush"]),
    ("mbs", "Mohammed bin Salman", "SAU", "2017-", "Crown Prince (2017-) and Prime Minister of Saudi Arabia",
     ["Mohammed bin Salman", "Mohammad bin Salman", "Muhammad bin Salman", "MBS"]),
    ("king_salman", "King Salman", "SAU", "2015-", "King of Saudi Arabia", ["King Salman", "Salman bin Abdulaziz"]),
    ("sisi", "Abdel Fattah el-Sisi", "EGY", "2014-", "President of Egypt", ["Abdel Fattah el-Sisi", "Abdel Fattah al-Sisi", "el-Sisi", "al-Sisi", "Sisi"]),
    ("khamenei", "Ali Khamenei", "IRN", "1989-", "Supreme Leader of Iran", ["Ali Khamenei", "Ayatollah Khamenei", "Khamenei"]),
    ("pezeshkian", "Masoud Pezeshkian", "IRN", "2024-", "President of Iran", ["Masoud Pezeshkian", "Pezeshkian"]),
    ("netanyahu", "Benjamin Netanyahu", "ISR", "1996-1999;2009-2021;2022-", "Prime Minister of Israel", ["Benjamin Netanyahu", "Netanyahu"]),
    ("xi", "Xi Jinping", "CHN", "2013-", "President of China", ["Xi Jinping", "Xi"]),
    ("macron", "Emmanuel Macron", "FRA", "2017-", "President of France", ["Emmanuel Macron", "Macron"]),
    ("guterres", "António Guterres", "", "2017-", "UN Secretary-General (an organisation's leader: state left empty)", ["António Guterres", "Antonio Guterres", "Guterres"]),
]
for aid, name, state, period, notes, forms in LEADERS:
    A(aid, "leader", name, state=state, period=period, notes=notes)
    L(aid, "name", *forms)

# ---- blocs and organisations ---------------------------------------------------------------
A("EU", "bloc", "European Union", iso3="EU", notes="the UN corpus code EU; 'Brussels' is counted as the EU, not Belgium")
L("EU", "name", "European Union", "EU", "E.U.", "Brussels")
L("EU", "name", "European Community", "European Communities", "EEC")
ORGS = [
    ("un", "organisation", "United Nations", ["United Nations", "UN", "U.N.", "the Organization", "United Nations Organization"], 1, "'the Organization' (capital O) is UN usage for the UN itself"),
    ("security_council", "organisation", "UN Security Council", ["Security Council", "UNSC", "UN Security Council", "United Nations Security Council"], 1, ""),
    ("general_assembly", "organisation", "UN General Assembly", ["General Assembly", "UN General Assembly", "United Nations General Assembly"], 1, ""),
    ("arab_league", "organisation", "Arab League", ["Arab League", "League of Arab States", "the League"], 1, "'the League' (capital L) counted as the Arab League"),
    ("nato", "bloc", "NATO", ["NATO", "North Atlantic Treaty Organization", "North Atlantic Alliance", "Atlantic Alliance"], 1, ""),
    ("gcc", "organisation", "Gulf Cooperation Council", ["Gulf Cooperation Council", "GCC", "Cooperation Council for the Arab States of the Gulf"], 1, ""),
    ("oic", "organisation", "Organisation of Islamic Cooperation", ["Organisation of Islamic Cooperation", "Organization of Islamic Cooperation", "Organization of the Islamic Conference", "Organisation of the Islamic Conference", "OIC"], 1, ""),
    ("african_union", "organisation", "African Union", ["African Union", "Organization of African Unity", "OAU"], 1, "the OAU (1963-2002) is counted as its successor"),
    ("asean", "organisation", "ASEAN", ["ASEAN", "Association of Southeast Asian Nations", "Association of South-East Asian Nations"], 1, ""),
    ("brics", "bloc", "BRICS", ["BRICS"], 1, ""),
    ("sco", "organisation", "Shanghai Cooperation Organisation", ["Shanghai Cooperation Organization", "Shanghai Cooperation Organisation", "SCO"], 1, ""),
    ("nam", "bloc", "Non-Aligned Movement", ["Non-Aligned Movement", "Movement of Non-Aligned Countries", "non-aligned countries", "Non-Aligned Countries"], 1, ""),
    ("g77", "bloc", "Group of 77", ["Group of 77", "G-77", "G77"], 1, ""),
    ("g20", "bloc", "G20", ["G20", "G-20", "Group of Twenty"], 1, ""),
    ("g7", "bloc", "G7", ["G7", "G-7", "G8", "G-8", "Group of Seven", "Group of Eight"], 1, "the G8 (1997-2014) is counted with the G7"),
    ("warsaw_pact", "bloc", "Warsaw Pact", ["Warsaw Pact", "Warsaw Treaty Organization",
                                            "Warsaw Treaty"], 1, ""),
    ("iaea", "organisation", "IAEA", ["IAEA", "International Atomic Energy Agency"], 1, ""),
    ("opcw", "organisation", "OPCW", ["OPCW", "Organisation for the Prohibition of Chemical Weapons", "Organization for the Prohibition of Chemical Weapons"], 1, ""),
    ("icc", "organisation", "International Criminal Court", ["International Criminal Court", "ICC"], 1, ""),
    ("arab_states", "bloc", "the Arab states", ["Arab states", "Arab countries", "Arab world", "Arab nations", "Arab nation", "Arab brothers", "Arab partners"], 0,
     "the bare adjective 'Arab' (case-sensitive) counts too: 'Arab partnerships'; longer names win ('Arab League', 'United Arab Emirates', 'Syrian Arab Republic', 'Gulf Arab states')"),
    ("gulf_states", "bloc", "the Gulf states", ["Gulf states", "Gulf Arab states", "Arab Gulf states", "Gulf countries", "Gulf monarchies", "Arab Gulf countries", "Gulf Arab countries"], 0, ""),
    ("the_west", "bloc", "the West", ["the West", "West", "Western", "Western powers", "Western countries", "Western states", "Western nations", "Western world"], 1,
     "bare 'West'/'Western' are case-sensitive; place names that contain them (West Bank, Western Sahara, West Africa, ...) are blocked or are other actors"),
    ("the_east", "bloc", "the East", ["the East", "East", "Eastern bloc", "Eastern Bloc", "socialist countries"], 1,
     "Cold War usage ('East and West'); Middle East, Far East, East Asia, ... are blocked"),
    ("international_community", "bloc", "the international community", ["international community"], 0, ""),
    ("great_powers", "bloc", "the great powers", ["great powers", "major powers", "superpowers", "global powers", "world powers"], 0, "collective reference to the powers without naming them"),
]
for aid, typ, name, forms, cs, notes in ORGS:
    A(aid, typ, name, notes=notes)
    L(aid, "name", *forms, cs=cs)
L("arab_states", "adjective", "Arab", cs=1)

NONSTATE = [
    ("assad_regime", "the former (Assad) regime", "SYR", "2000-2024", "the Assad government as an actor apart from the Syrian state; a bare 'the regime' is NOT an alias (too ambiguous: 'the Zionist regime', 'the sanctions regime')",
     ["former regime", "previous regime", "Assad regime", "former Syrian regime", "Syrian regime", "Assad government", "ousted regime", "fallen regime", "deposed regime", "Baathist regime", "Ba'athist regime"], 0),
    ("hezbollah", "Hezbollah", "LBN", "", "", ["Hezbollah", "Hizbullah", "Hizbollah", "Hizballah"], 1),
    ("isis", "ISIS (Daesh)", "", "", "", ["ISIS", "ISIL", "Daesh", "Da'esh", "Islamic State", "Islamic State in Iraq and the Levant", "Islamic State of Iraq and the Levant", "Islamic State of Iraq and Syria"], 1),
    ("al_qaeda", "Al-Qaeda", "", "", "", ["Al-Qaeda", "al-Qaeda", "Al-Qaida", "al-Qaida", "Al Qaeda", "Al Qaida"], 1),
    ("hts", "Hay'at Tahrir al-Sham", "SYR", "", "Al-Sharaa's movement; its predecessor Jabhat al-Nusra is counted here", ["Hay'at Tahrir al-Sham", "Hayat Tahrir al-Sham", "HTS", "Jabhat al-Nusra", "Nusra Front", "al-Nusra Front", "Al-Nusra Front", "Jabhat Fateh al-Sham"], 1),
    ("hamas", "Hamas", "PSE", "", "", ["Hamas", "HAMAS"], 1),
    ("pkk", "PKK", "", "", "", ["PKK", "Kurdistan Workers' Party"], 1),
    ("sdf", "Syrian Democratic Forces", "SYR", "", "YPG/PYD counted here", ["Syrian Democratic Forces", "SDF", "YPG", "PYD", "People's Protection Units"], 1),
    ("houthis", "the Houthis", "YEM", "", "", ["Houthis", "Houthi", "Ansar Allah", "Ansarallah"], 1),
    ("muslim_brotherhood", "Muslim Brotherhood", "", "", "", ["Muslim Brotherhood", "Muslim Brothers"], 1),
    ("syrian_opposition", "the Syrian opposition", "SYR", "", "", ["Syrian opposition", "Syrian National Coalition", "Free Syrian Army", "FSA"], 1),
]
for aid, name, state, period, notes, forms, cs in NONSTATE:
    A(aid, "non_state", name, state=state, period=period, notes=notes)
    L(aid, "name", *forms, cs=cs)
L("ISR", "metonym", "Zionist entity", "Zionist regime", "Zionist enemy", "Israeli occupation", "Zionist occupation", cs=0)

# ---- blocked phrases: matched so that the shorter aliases inside them are not ----------------
A("_none", "none", "(not an actor)", notes="phrases that contain an alias but name no actor; matched, then dropped")
L("_none", "block",
  "Middle East", "Middle Eastern", "Far East", "Near East", "East Asia", "East Asian", "East Africa", "East African",
  "East Jerusalem", "South-East", "North-East", "South East", "North East", "Southeast", "Northeast",
  "Eastern Europe", "Eastern European", "Eastern Mediterranean", "Eastern Ghouta", "Eastern Partnership",
  "West Bank", "West Africa", "West African", "West Asia", "West Indies", "Western Asia", "Western Hemisphere",
  "Western Balkans", "Western Europe", "Western European", "Western Pacific", "Western Sahara", "North-West", "South-West",
  "Latin America", "Latin American", "South America", "South American", "North America", "North American",
  "Central America", "Central American", "the Americas", "Americas", "Inter-American",
  "Middle East Monitor", "Jordan River", "River Jordan", "Jordan Valley",
  "Paris Agreement", "Paris Climate Agreement", "Paris Accord", "Paris Principles", "Paris Club",
  "Rome Statute", "Madrid Conference", "Madrid Peace Conference", "Minsk agreements", "Minsk Agreements",
  "Astana process", "Astana format", "Astana talks", "Astana Process", "Astana Format",
  "Doha Round", "Doha Development Agenda", "Doha Development Round", "Addis Ababa Action Agenda",
  "Kuwait City", "Arab Spring", "Arab-Israeli conflict", "Washington Consensus", "Ottawa Convention",
  "Beijing Declaration", "Beijing Platform", "Cairo Declaration",
  "Palestine question", "Turkish Cypriot", "Greek Cypriot",
  # other organisations whose names open with "(the) Organization", the UN's short name in UN
  # prose (sixteenth round: "we also commend the Organization of American States")
  *[f"{the}Organization {rest}" for the in ("the ", "") for rest in (
      "of American States", "of Eastern Caribbean States", "of the Petroleum Exporting Countries",
      "of Petroleum Exporting Countries", "of Arab Petroleum Exporting Countries",
      "for Economic Co-operation and Development", "for Economic Cooperation and Development",
      "for Security and Co-operation in Europe", "for Security and Cooperation in Europe",
      "of the Black Sea Economic Cooperation", "of Central American States")],
  cs=1)
# Kuwait City is both a capital alias and blocked: the capital row wins (listed first); drop the block
aliases[:] = [a for a in aliases if not (a["actor_id"] == "_none" and a["alias"] in {"Kuwait City", "Arab-Israeli conflict", "Palestine question", "Turkish Cypriot", "Greek Cypriot"})]

# dedupe aliases (first occurrence wins: an alias names one actor)
seen = {}
out_aliases = []
for a in aliases:
    key = a["alias"] if a["case_sensitive"] else a["alias"].casefold()
    if key in seen:
        if seen[key] != a["actor_id"]:
            print("CONFLICT", a, seen[key])
        continue
    seen[key] = a["actor_id"]
    out_aliases.append(a)

OUT.mkdir(parents=True, exist_ok=True)
HEADER_A = "# discourse actor gazetteer: actors. Source, licence and rules: README.md in this folder.\n"
HEADER_L = "# discourse actor gazetteer: aliases (one row per surface form). Source, licence and rules: README.md in this folder.\n"
pd.DataFrame(actors).to_csv(OUT / "actors.csv", index=False, lineterminator="\n")
pd.DataFrame(out_aliases).to_csv(OUT / "aliases.csv", index=False, lineterminator="\n")
print(len(actors), "actors", len(out_aliases), "aliases")
