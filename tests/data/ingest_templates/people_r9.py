"""The people of the ninth round ("unseen": committed before anyone looked at how the extractor
reads it, measured once at the end): ten more countries no earlier round used, with names, places,
employers, titles, schools and mail domains of their own, none shared with people.py,
people_new.py, people_r3.py … people_r8.py or any other corpus or test (generate.py checks).

Each locale: (language, first names, surnames, [(city, region)], legal forms, mail TLD, country
name as printed, True: each person gets one given name). Taiwanese, Kazakh, Cambodian, Uzbek,
Qatari and Malagasy names are written in the Latin letters their owners use on an English résumé
(Taiwan's hyphenated given names, Qatar's "Al-" family names, Madagascar's long surnames);
Liechtenstein keeps its umlauts, Mozambican Portuguese its accents and cedillas. The Liechtenstein
résumés are in German (German months, « heute »), the Mozambican ones in Portuguese (« atual »).
"""

from __future__ import annotations

from people import Pool

LOCALES: dict[str, tuple] = {
    "TW": (
        "en",
        ["Hsiao-wen", "Chih-hao", "Yu-ting", "Chun-yi", "Pei-shan", "Wei-lun", "Shu-fen", "Kuan-ting"],
        ["Lin", "Tsai", "Hsu", "Cheng", "Huang", "Chiang"],
        [
            ("Hsinchu", "Hsinchu County"),
            ("Tainan", "Tainan City"),
            ("Taichung", "Taichung City"),
            ("Hualien", "Hualien County"),
        ],
        ["Co., Ltd.", "Inc.", ""],
        "com.tw",
        "Taiwan",
        True,
    ),
    "KZ": (
        "en",
        ["Aigerim", "Nurlan", "Dinara", "Yerlan", "Zhanar", "Askar", "Aruzhan", "Daulet"],
        ["Seitkali", "Abenov", "Zhumabek", "Tokhtarov", "Kassymova", "Utebayeva"],
        [
            ("Karaganda", "Karaganda Region"),
            ("Shymkent", "Shymkent"),
            ("Pavlodar", "Pavlodar Region"),
            ("Aktobe", "Aktobe Region"),
        ],
        ["LLP", "JSC", ""],
        "kz",
        "Kazakhstan",
        True,
    ),
    "MZ": (
        "pt",
        ["Celso", "Ancha", "Edson", "Graça", "Nélio", "Zulmira", "Hélder", "Anabela"],
        ["Macuácua", "Conceição Mussá", "Nhantumbo", "Sitoe", "Cossa", "Mondlane Tembe"],
        [("Beira", "Sofala"), ("Nampula", "Nampula"), ("Quelimane", "Zambézia"), ("Tete", "Tete")],
        ["Lda", "SA", ""],
        "co.mz",
        "Moçambique",
        True,
    ),
    "LI": (
        "de",
        ["Jürgen", "Annelies", "Matthias", "Sabine", "Lukas", "Verena", "Florin", "Nadja"],
        ["Büchel", "Frommelt", "Wohlwend", "Nägele", "Marxer", "Schädler"],
        [("Schaan", "Oberland"), ("Balzers", "Oberland"), ("Eschen", "Unterland"), ("Triesen", "Oberland")],
        ["AG", "Anstalt", ""],
        "li",
        "Liechtenstein",
        True,
    ),
    "QA": (
        "en",
        ["Noora", "Hamad", "Maryam", "Khalifa", "Hessa", "Jassim", "Aisha", "Nasser"],
        ["Al-Kuwari", "Al-Marri", "Al-Sulaiti", "Al-Emadi", "Al-Mohannadi", "Al-Naimi"],
        [
            ("Al Wakrah", "Al Wakrah"),
            ("Al Khor", "Al Khor"),
            ("Umm Salal", "Umm Salal"),
            ("Al Rayyan", "Al Rayyan"),
        ],
        ["W.L.L.", "Q.P.S.C.", ""],
        "qa",
        "Qatar",
        True,
    ),
    "FJ": (
        "en",
        ["Losana", "Semi", "Mereani", "Ratu Jone", "Adi Litia", "Anish", "Shalini", "Viliame"],
        ["Naivalu", "Tuimavana", "Waqanivalu", "Prasad Chand", "Koroi", "Delairewa"],
        [
            ("Lautoka", "Western Division"),
            ("Labasa", "Northern Division"),
            ("Nausori", "Central Division"),
            ("Savusavu", "Northern Division"),
        ],
        ["Pte Limited", "Limited", ""],
        "com.fj",
        "Fiji",
        True,
    ),
    "KH": (
        "en",
        ["Sokha", "Dara", "Sreymom", "Vannak", "Chanthou", "Piseth", "Bopha", "Rithy"],
        ["Chea", "Sok", "Pich", "Heng", "Mao", "Ouk"],
        [
            ("Siem Reap", "Siem Reap Province"),
            ("Battambang", "Battambang Province"),
            ("Kampot", "Kampot Province"),
            ("Kampong Cham", "Kampong Cham Province"),
        ],
        ["Co., Ltd.", "Plc.", ""],
        "com.kh",
        "Cambodia",
        True,
    ),
    "MG": (
        "en",
        ["Hery", "Voahangy", "Tojo", "Fanja", "Andry", "Lalaina", "Mamy", "Hanitra"],
        ["Rakotondrabe", "Andrianarisoa", "Razafindrakoto", "Randriamanantena", "Rasoanaivo", "Ravelojaona"],
        [
            ("Antsirabe", "Vakinankaratra"),
            ("Toamasina", "Atsinanana"),
            ("Mahajanga", "Boeny"),
            ("Fianarantsoa", "Haute Matsiatra"),
        ],
        ["SARL", "SA", ""],
        "mg",
        "Madagascar",
        True,
    ),
    "BW": (
        "en",
        ["Kagiso", "Boitumelo", "Tebogo", "Onalenna", "Kabelo", "Masego", "Thato", "Lesedi"],
        ["Molefhe", "Sebele", "Kgosietsile", "Modise", "Ramotswa", "Tshekiso"],
        [
            ("Francistown", "North-East District"),
            ("Maun", "North-West District"),
            ("Serowe", "Central District"),
            ("Lobatse", "South-East District"),
        ],
        ["(Pty) Ltd", "Proprietary Limited", ""],
        "co.bw",
        "Botswana",
        True,
    ),
    "UZ": (
        "en",
        ["Dilnoza", "Sherzod", "Malika", "Jasur", "Nodira", "Bekzod", "Gulnora", "Otabek"],
        ["Yusupova", "Rakhimov", "Tashkentova", "Ergashev", "Saidova", "Kholmatov"],
        [
            ("Samarkand", "Samarkand Region"),
            ("Bukhara", "Bukhara Region"),
            ("Namangan", "Namangan Region"),
            ("Fergana", "Fergana Region"),
        ],
        ["LLC", "JSC", ""],
        "uz",
        "Uzbekistan",
        True,
    ),
}

ROOTS = [
    "Brackenwold",
    "Cindervale",
    "Dovetrail",
    "Emberquay",
    "Fernspire",
    "Glimmerholt",
    "Hazelrune",
    "Ivorybrook",
    "Kestrelgate",
    "Larchwhisper",
    "Mistlecombe",
    "Nimbusfold",
    "Orchidmere",
    "Plumewater",
    "Quartzhollow",
    "Reedmantle",
    "Sablethorn",
    "Thistlewake",
    "Ulmenbridge",
    "Verdigrove",
    "Wickerstone",
    "Yarrowfell",
    "Zinnialight",
    "Aspenloft",
    "Bramblecurl",
    "Cinnabar Row",
    "Driftmallow",
]
SECTORS = {
    "en": [
        "Microgrids",
        "Agritech",
        "Freight Forwarding",
        "Diagnostics",
        "Fleet Telematics",
        "Reinsurance",
        "Semiconductors",
        "Water Utilities",
        "EdTech",
        "Textiles",
    ],
    "de": ["Treuhand", "Präzisionstechnik", "Vermögensverwaltung", "Dentaltechnik", "Logistik"],
    "pt": ["Agronegócios", "Telecomunicações", "Construções", "Serviços Financeiros", "Logística"],
}
TITLES = {
    "en": [
        "Procurement Analyst",
        "Firmware Engineer",
        "Customer Success Manager",
        "Hydrologist",
        "Process Engineer",
        "Credit Risk Analyst",
        "UX Researcher",
        "Machine Learning Engineer",
        "Operations Coordinator",
        "Internal Auditor",
        "Android Developer",
        "Environmental Consultant",
        "Talent Acquisition Partner",
        "Network Architect",
        "Biomedical Technician",
        "Grants Manager",
    ],
    "de": [
        "Treuhänderin",
        "Entwicklungsingenieur",
        "Leiterin Finanzbuchhaltung",
        "Softwareentwickler",
        "Projektleiterin Digitalisierung",
    ],
    "pt": [
        "Engenheira de redes",
        "Analista financeiro",
        "Gestora de projectos",
        "Técnico de manutenção",
        "Contabilista sénior",
    ],
}
MAIL_DOMAINS = ["owlcourier", "inkfinch", "mailwren", "parcelbee", "notehare", "dispatchly", "sparrowmail"]
SCHOOLS = [
    "Steppe Institute of Engineering",
    "Pacific Islands Polytechnic",
    "Rhine Valley University of Applied Sciences",
    "Universidade Politécnica do Índico",
    "Mekong Institute of Business",
    "Kalahari College of Technology",
]
DEGREES = [
    "BEng Electrical Engineering",
    "MSc Data Science",
    "BCom Accounting",
    "MBA",
    "BSc Environmental Science",
    "MSc Public Policy",
    "BA International Relations",
    "BSc Computer Science",
]

ROUND9 = Pool(LOCALES, ROOTS, SECTORS, TITLES, MAIL_DOMAINS, SCHOOLS, DEGREES, prefix="r")
