#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Build cases.tsv, the labelled repair cases: damaged input -> expected.

Words come from the hunspell en_GB stems (a different source from the
SCOWL lists the engine resolves with), hand-picked standards vocabulary,
UK place names and surnames, and standards-like sentences. Each case is
one line: category TAB input TAB expected, with \\n, \\t, \\\\ and \\uXXXX
escapes. Deterministic: run it again and the file is the same.

Usage: make_cases.py [HUNSPELL_DIC] > cases.tsv
"""
import random
import re
import sys

FFFD = "\ufffd"
LIG = re.compile("ffi|ffl|ff|fi|fl|FFI|FFL|FF|FI|FL")

VOCABULARY = """
officer officers official officially office offices offer offered offering offers
staff staffing staffed first firstly finance financial financially find finding findings
fine final finally field fields fieldwork file files filing fill filled filling film
fit fitness fitted fitting five fix fixed flag flagged flat flexible flexibility flexibly
floor flow flows flowchart fluent fluently fly flight fleet fluid flood flooding
effect effective effectively effectiveness efficient efficiency efficiently efficacy
affect affected affecting afford affordable affiliated affiliation affirm
different difference differences differently differentiate differ differing difficult
difficulty difficulties diffuse benefit benefits benefited beneficial profile profiles
profit profitable profession proficient proficiency qualification qualifications
qualified qualify qualifying certificate certification certified confidential
confidentiality confident confidence confirm confirmation confirmed conflict conflicts
conflicting configuration configure configured define defined definition definitions
deficit deficient deficiency identify identified identification identifies identity
influence influences influenced influential inflation reflect reflected reflecting
reflection reflective reflects specific specifically specification specifications
specified specify significant significantly signify satisfied satisfy satisfactory
scientific fulfil fulfilled fulfilling fulfilment sufficient sufficiently suffice
insufficient stiff stuff suffix traffic trafficking chief briefing brief classified
classification modified modification notified notification justified justification
verified verification simplified amplified clarified diversified ratified unified
offshore offline offset offence offences offender offenders offensive offended
firefighter firefighters firearm firearms fireworks firewall fiscal fibre fibres
flammable flange flask flavour flawed flaws flyer leaflet leaflets workflow workflows
overflow inflow outflow reflex conflicting baffle shuffle scaffold scaffolding
scaffolder scaffolders affluent effluent afflicted waffle raffle sniff cliff cliffs
sheriff tariff tariffs plaintiff plaintiffs bailiff bailiffs handcuffs cuffs
""".split()

PLACES_AND_NAMES = """
Sheffield Cardiff Griffiths Griffith Stafford Staffordshire Chesterfield Huddersfield
Macclesfield Mansfield Wakefield Lichfield Fife Clifton Clifford Radcliffe Sutcliffe
Duffy Jefferson Jeffries Moffat Tiffany Griffin Clifftop Muffin Haverfordwest Ffestiniog
Fleetwood Flintshire Fletcher Flanagan Flynn Finch Fiona Finlay Fitzgerald Fisher
Stiffkey Chafford Biffa Clyffe Llanfair Telford Mayfield Springfield Hatfield Enfield
Sheffield's Cardiff's Griffiths's
""".split()

SENTENCES = [
    "The safeguarding officer will reflect on their practice and identify areas for improvement.",
    "Staff must maintain confidentiality and follow the organisation's policies.",
    "The apprentice will be the first point of contact for different stakeholders.",
    "Officers ensure that the individual's wishes, feelings and cultural influences are considered.",
    "Demonstrate how statutory responsibilities are fulfilled within the workplace.",
    "A British Sign Language qualification is an alternative to the English qualification.",
    "The employer will offer support to staff during the end-point assessment.",
    "Identify and apply the correct procedures for handling confidential information.",
    "Use effective communication to influence colleagues in different teams.",
    "Provide financial information to managers in a timely and efficient manner.",
    "The technician configures, monitors and maintains firewall settings.",
    "Work safely with flammable substances and report any conflicts of interest.",
    "Evaluate the effectiveness of workflows and suggest modifications.",
    "Certified professionals must hold a recognised qualification in the field.",
    "Apply scientific principles to analyse traffic flow and flood risk.",
    "Liaise with the fire and rescue service, the police and the local authority.",
    "Confirm that the specification has been fulfilled before sign-off.",
    "Reflective practice helps officers to develop professional curiosity.",
    "Ensure sufficient staffing levels are maintained on every shift.",
    "The duty holder must notify the regulator of any significant modification.",
    "Offer advice on benefits, entitlements and financial difficulties.",
    "Maintain accurate records of offences, offenders and outcomes.",
    "Scaffolders erect and dismantle scaffolding safely at height.",
    "The chief officer signs off the final briefing for each shift.",
    "Classify and file documents according to the records management policy.",
    "Flexible working arrangements can improve staff wellbeing.",
    "Verify the identity of visitors before they enter the site.",
    "Collaborate with officers from the fire service in Sheffield and Cardiff.",
    "Justify decisions with reference to the relevant legislation and guidance.",
    "Clarify the scope of the role with the line manager at the first review.",
    "Simplify complex information for service users with different needs.",
    "Differentiate between urgent and routine referrals.",
    "Benefit from off-the-job training for at least six hours a week.",
    "Use diagnostic software to find faults in fibre networks.",
    "Carry out first aid and fire safety checks in line with policy.",
    "Deal with conflict calmly and de-escalate difficult situations.",
    "Profile customers and identify their financial goals.",
    "Ensure the floor plan reflects the fire evacuation routes.",
    "Complete the certificate of conformity and file the paperwork.",
    "The offshore team works in shifts of fourteen days.",
    "Apprentices will gain a Level 3 qualification in traffic management.",
    "Inspect the flue and flange fittings for faults and leaks.",
    "The ST1030 standard was confirmed by the trailblazer group.",
    "Dr Griffiths chairs the panel; Professor Clifford is the external assessor.",
    "Stafford Borough Council and Lichfield District Council are employers.",
    "The sheriff officer serves official documents on behalf of the court.",
    "Assess the efficiency of the fleet and report fuel usage.",
    "Find, fix and prevent faults before they affect customers.",
    "Identify and reflect on the influence of bias in decision making.",
    "The officer's report was filed with the firearms licensing team.",
    "Staff's rights are set out in the staff handbook.",
    "Follow the safeguarding officers' guidance on information sharing.",
    "Affirm that the qualifications listed are sufficient for the role.",
    "Promote a positive safety culture and influence others to follow it.",
    "Consider the traffic flow, the floor loading and the fire exits.",
    "Understand how different office software supports efficient workflows.",
    "Record the findings and the actions identified in the final report.",
    "Keep the first-aid kit fully stocked and the fire extinguishers serviced.",
    "Use self-reflection to identify strengths and areas for development.",
    "Demonstrate proficiency in the configuration of network infrastructure.",
]

COMPOUNDS = [
    "well-defined", "self-reflection", "off-site", "first-aid", "fire-fighting",
    "cross-office", "high-flying", "fast-flowing", "self-sufficient", "staff-led",
    "in-field", "off-the-job", "face-to-face", "multi-officer", "non-financial",
    "half-finished", "free-flowing", "old-fashioned", "hard-fought", "well-qualified",
    "co-financed", "self-confident", "post-qualification", "pre-filled", "re-file",
    "cost-effective", "time-efficient", "fit-for-purpose", "long-fibre", "safe-staffing",
]

MOJIBAKE_WORDS = [
    "café", "naïve", "résumé", "Zoë", "façade", "São Paulo", "Kraków", "Łódź", "Ångström",
    "Göteborg", "Müller", "Straße", "Dvořák", "Škoda", "Ærø", "Björk", "Françoise", "José",
    "Seán", "Máire", "Siân", "Llŷr", "Gwynedd’s", "Ciarán", "Zürich", "crème brûlée",
    "piñata", "jalapeño", "coöperate", "Renée", "Chloë", "Noël", "déjà vu", "über",
    "£250", "€30", "10°C", "½ day", "±5%", "©2024", "Skills England™", "x²", "µm",
    "don’t", "it’s", "“quoted”", "‘single’", "2019–2020", "yes — no", "wait…",
    "• item", "A → B", "Привет", "Ελληνικά", "日本語", "🙂", "“Level 3”", "employer’s",
]

MOJIBAKE_SENTENCES = [
    "The apprentice’s employer will provide “off-the-job” training.",
    "Duration: 18–24 months – typical entry requirements apply.",
    "Funding band: £9,000 per apprentice — approved for delivery.",
    "The café’s manager, José, speaks Français and Español.",
    "Occupational standard ‘Safeguarding support officer’ – Level 3.",
    "Temperatures between 5°C and 40°C; tolerance ±0.5 mm.",
    "Contact Siân Griffiths at the Cardiff office for details…",
    "Apprentices in Zürich and Kraków follow the same model.",
    "Résumé and cover letter required • interview on site.",
    "The end-point assessment organisation (EPAO) confirms the grade – pass or distinction.",
    "It’s the learner’s responsibility to keep records up to date.",
    "“Safeguarding is everyone’s business,” said the chief officer.",
    "Prices from €1,200 — including VAT at 20%.",
    "© Crown copyright 2024 – all rights reserved.",
    "Naïve assumptions can lead to poor decisions.",
]

CLEAN = [
    "JOÃO SILVA", "SÃO TOMÉ", "Siân Phillips", "Rydw i’n falch i’ch gweld chi", "â’ch",
    "Mae’n braf â’ch cwrdd", "Seán Ó Súilleabháin", "Müller-Lüdenscheidt", "Ångström",
    "crème brûlée", "naïve café", "Привет, мир", "Καλημέρα κόσμε", "日本語のテキスト", "مرحبا",
    "שלום", "printf(\"%s\\n\", name);", "if (x >= 0 && y != 1) { return -1; }",
    "https://www.example.org/standards/st1030-v1-0?level=3&route=legal",
    "user@example.co.uk", "C:\\Program Files\\ost", "x = a[i] + b[j] * 2;",
    "£9,000", "€30", "10°C", "½", "1–2", "a — b", "“quoted”", "it’s", "→", "©", "™",
    "Level 3", "ST1030", "K1 K2 S1 B1", "Duty 1", "Version 1.0", "0.5 mm", "50%",
    "Coördinate", "Zoë’s", "Ça va", "À la carte", "ÉCOLE", "ÖSTERREICH", "ÑANDÚ",
    "Â", "Ã", "â", "Ã la", "ÃO", "Ãa", "Øresund", "Ærø", "Œuvre", "œuvre",
    "Straße", "Fiat Punto", "flat fee", "fifty-fifty", "off-the-shelf",
    "self-sufficient", "staff", "officer", "Sheffield", "Cardiff", "Griffiths",
    "The quick brown fox jumps over the lazy dog.", "   leading spaces", "trailing spaces   ",
    "tab\tseparated\tcells", "", "-", "—", "...", "‘’“”", "•", "§ 4.2", "¶", "¿Qué?", "¡Hola!",
    "Ĳsselmeer", "Dvořák", "Łódź", "Škoda", "Kraków", "İstanbul", "ğüşıöç", "Ðóra",
    "Đorđević", "Ţara", "Æthelred", "Þór", "ÐAY", "façade", "Ñu", "Ōsaka", "Māori",
    "Ä", "ä", "Ö’s", "CAFÉ”", "É»", "È’", "Ü–Ä", "Ç’", "É—",
]

UNRESOLVED = [
    ("3" + FFFD + "4", "3" + FFFD + "4"),
    ("ST1030" + FFFD, "ST1030" + FFFD),
    ("page 12 " + FFFD + " 13", "page 12 " + FFFD + " 13"),
    ("caf" + FFFD + " au lait", None),
    ("don" + FFFD + "t", None),
    ("it" + FFFD + "s", None),
    (FFFD + " bullet point", None),
    ("Jos" + FFFD + " Mourinho", None),
    ("na" + FFFD + "ve", None),
    ("M" + FFFD + "ller", None),
    ("2019 " + FFFD + " 2020", None),
    ("A" + FFFD + "B", None),
    (FFFD + FFFD + FFFD, None),
    ("K1" + FFFD + "K2", None),
    ("se" + FFFD + "or", None),
    ("Fran" + FFFD + "ois", None),
]

JOINS = [
    ("recog-", "nise the signs", "recognise the signs"),
    ("high-", "quality work", "high-quality work"),
    ("safe-", "guarding adults", "safeguarding adults"),
    ("the organ-", "isation's policy", "the organisation's policy"),
    ("a well-", "being service", "a well-being service"),
    ("self-", "assessment", "self-assessment"),
    ("multi-", "agency working", "multi-agency working"),
    ("respon-", "sibilities", "responsibilities"),
    ("appren-", "ticeship", "apprenticeship"),
    ("end-", "point assessment", "end-point assessment"),
    ("long-", "term", "long-term"),
    ("communi-", "cation", "communication"),
    ("Anglo-", "Saxon", "Anglo-Saxon"),
    ("pro-", "fessional", "professional"),
    ("co-", "operate", "co-operate"),
    ("infor-", "mation", "information"),
    ("decision-", "making", "decision-making"),
    ("safe-", "ty", "safety"),
    ("non-", "verbal", "non-verbal"),
    ("know-", "ledge", "knowledge"),
    ("data", "protection", "data protection"),
    ("Level 3 -", "Advanced", "Level 3 - Advanced"),
    ("under-", "standing", "understanding"),
    ("day-to-", "day", "day-to-day"),
    ("   indented", "   continued", "indented continued"),
    ("recog\u00ad", "nise", "recognise"),
    ("cross-", "border", "cross-border"),
    ("state-of-the-", "art", "state-of-the-art"),
    ("main-", "tain", "maintain"),
    ("follow-", "up actions", "follow-up actions"),
]


def sloppy_cp1252(data: bytes) -> str:
    out = []
    for b in data:
        try:
            out.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(b))
    return "".join(out)


def mangle(text, rng):
    kind = rng.choice(["cp1252", "cp1252", "cp1252", "latin-1", "twice"])
    data = text.encode("utf-8")
    if kind == "latin-1":
        return data.decode("latin-1")
    once = sloppy_cp1252(data)
    return once if kind == "cp1252" else sloppy_cp1252(once.encode("utf-8"))


def damage(word):
    return LIG.sub(FFFD, word)


def escape(s):
    out = []
    for ch in s:
        if ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or 0x80 <= ord(ch) < 0xA0 or ch in "\u00ad\u00a0":
            out.append("\\u%04X" % ord(ch))
        else:
            out.append(ch)
    return "".join(out)


def hunspell_words(path):
    lower, proper = [], []
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            w = re.split(r"[/\t ]", line.strip(), maxsplit=1)[0]
            if not re.fullmatch(r"[A-Za-z]{4,}", w) or not LIG.search(w):
                continue
            (proper if w[0].isupper() and w[1:].islower() else lower if w.islower() else []).append(w)
    return lower, proper


def main():
    dic = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/hunspell/en_GB.dic"
    rng = random.Random(3)
    lower, proper = hunspell_words(dic)
    cases = []

    def add(cat, inp, exp):
        cases.append((cat, inp, exp))

    for w in rng.sample(lower, 450):
        add("ligature", damage(w), w)
    for w in rng.sample(proper, 60):
        add("ligature", damage(w), w)
    for w in VOCABULARY:
        add("ligature", damage(w), w)
    for w in PLACES_AND_NAMES:
        add("ligature", damage(w), w)
    for w in rng.sample(VOCABULARY, 60):
        add("ligature", damage(w.capitalize()), w.capitalize())
    for w in rng.sample(VOCABULARY, 60):
        add("ligature", damage(w.upper()), w.upper())
    for w in COMPOUNDS:
        add("ligature", damage(w), w)
    for s in SENTENCES:
        add("ligature", damage(s), s)
    two = [w for w in lower + VOCABULARY if len(LIG.findall(w)) >= 2]
    for w in rng.sample(two, min(40, len(two))):
        add("ligature", damage(w), w)
    # Evidence: a name the lists lack, seen intact in the same text.
    for name in ["Rafferty", "Cliffordson", "Grifford", "Flanders-Hope", "Tiffington"]:
        text = "%s chaired the panel; the minutes were signed by %s." % (damage(name), name)
        add("ligature", text, text.replace(damage(name), name))

    for w in MOJIBAKE_WORDS:
        add("mojibake", mangle(w, rng), w)
        add("mojibake", "the " + mangle(w, rng) + " case", "the " + w + " case")
    for s in MOJIBAKE_SENTENCES:
        for _ in range(4):
            add("mojibake", mangle(s, rng), s)
    for w in rng.sample(MOJIBAKE_WORDS, 40):
        s = "Contact %s for details." % w
        add("mojibake", s.replace(w, mangle(w, rng)), s)

    for s in CLEAN + SENTENCES + MOJIBAKE_SENTENCES + MOJIBAKE_WORDS:
        add("clean", s, s)

    for inp, exp in UNRESOLVED:
        add("unresolved", inp, exp if exp is not None else inp)

    for w in ["ofﬁcer", "ﬂow", "stiﬀ", "eﬃcient", "baﬄe", "ﬁrst-aid", "OFFICE ﬁle"]:
        add("unicode_ligature", w, w.replace("ﬁ", "fi").replace("ﬂ", "fl").replace("ﬀ", "ff")
            .replace("ﬃ", "ffi").replace("ﬄ", "ffl"))
    for w in ["recog\u00adnise", "infor\u00admation", "\u00adstart", "a\u00adb\u00adc",
              "the organ\u00adisation\u2019s policy"]:
        add("soft_hyphen", w, w.replace("\u00ad", ""))
    # At the end of a line a soft hyphen marks where a word was broken: it
    # shows as a hyphen, which ost_repairer_join() then takes out.
    add("soft_hyphen", "to recog\u00ad", "to recog-")
    for a, b, exp in JOINS:
        add("join", a + "\n" + b, exp)

    print("# Repair cases: category<TAB>input<TAB>expected (escapes: \\n \\t \\\\ \\uXXXX).")
    print("# Generated by make_cases.py; reviewed and committed.")
    for cat, inp, exp in cases:
        print("%s\t%s\t%s" % (cat, escape(inp), escape(exp)))


main()
