"""The people of the thirteenth round (the blind round, BLIND_ROUND = 13: committed before anyone
looked at how the extractor reads it, measured once, by the lead, on the final code): ten more
countries no earlier round used, with names, places, employers, titles, schools and mail domains of
their own, none shared with people.py, people_new.py, people_r3.py … people_r12.py or any other
corpus or test (generate.py checks).

Each locale: (language, first names, surnames, [(city, region)], legal forms, mail TLD, country
name as printed, True: each person gets one given name). Cape Verdean, Andorran (Catalan) and
Equatoguinean names keep their accents (ã, ç, ò, í, ñ), Japanese ones the Hepburn macrons (ō, ū),
Samoan ones the macron and the ʻokina as their owners write them; Liberian, Barbadian, Surinamese,
Kuwaiti and Gabonese names are in the Latin letters their owners use on a résumé. The Gabonese
résumés are in French (« aujourd'hui »), the Equatoguinean ones in Spanish (« actualidad »).
"""

from __future__ import annotations

from people import Pool

LOCALES: dict[str, tuple] = {
    "CV": (
        "en",
        ["Joãozinho", "Conceição", "Adilson", "Lucinda", "Jailson", "Zenaida", "Ivanildo", "Edmilsa"],
        ["Tavares Semedo", "Lopes Furtado", "Monteiro", "Varela Gomes", "Brito Spencer", "Rodrigues Lima"],
        [
            ("Mindelo", "São Vicente"),
            ("Assomada", "Santa Catarina"),
            ("Espargos", "Sal"),
            ("São Filipe", "Fogo"),
        ],
        ["Lda", "SA", ""],
        "cv",
        "Cape Verde",
        True,
    ),
    "LR": (
        "en",
        ["Momolu", "Korto", "Saye", "Musu", "Varney", "Kebeh", "Jallah", "Yassah"],
        ["Dukuly", "Kollie", "Wleh", "Sumo Tarpeh", "Gbowee", "Kpadeh"],
        [
            ("Gbarnga", "Bong County"),
            ("Buchanan", "Grand Bassa County"),
            ("Harper", "Maryland County"),
            ("Voinjama", "Lofa County"),
        ],
        ["Inc.", "Corporation", ""],
        "com.lr",
        "Liberia",
        True,
    ),
    "BB": (
        "en",
        ["Shontelle", "Kemar", "Rihanne", "Delroy", "Tamika", "Rommel", "Ayanna", "Hallam"],
        ["Griffith", "Cumberbatch", "Bascombe", "Straughn", "Holder-Maynard", "Inniss"],
        [
            ("Speightstown", "Saint Peter"),
            ("Holetown", "Saint James"),
            ("Oistins", "Christ Church"),
            ("Bathsheba", "Saint Joseph"),
        ],
        ["Inc.", "Ltd.", ""],
        "bb",
        "Barbados",
        True,
    ),
    "SR": (
        "en",
        ["Rishi", "Shanti", "Jurgen", "Ingrid", "Marciano", "Soenita", "Ravish", "Chantal"],
        ["Ramdin", "Sardjoe", "Kromowidjojo", "Pinas", "Wongsodikromo", "Tjon A Joe"],
        [
            ("Nieuw Nickerie", "Nickerie"),
            ("Lelydorp", "Wanica"),
            ("Moengo", "Marowijne"),
            ("Albina", "Marowijne"),
        ],
        ["N.V.", "B.V.", ""],
        "sr",
        "Suriname",
        True,
    ),
    "KW": (
        "en",
        ["Abdulaziz", "Dana", "Fahad", "Lulwa", "Mishari", "Haya", "Talal", "Ghadeer"],
        ["Al Mutairi", "Al Ajmi", "Behbehani", "Al Kharafi", "Al Roumi", "Marafie"],
        [
            ("Jahra", "Al Jahra Governorate"),
            ("Salmiya", "Hawalli Governorate"),
            ("Fahaheel", "Al Ahmadi Governorate"),
            ("Mubarak Al-Kabeer", "Mubarak Al-Kabeer Governorate"),
        ],
        ["K.S.C.C.", "W.L.L.", ""],
        "com.kw",
        "Kuwait",
        True,
    ),
    "JP": (
        "en",
        ["Shūhei", "Yōko", "Daisuke", "Kyōka", "Ryōta", "Misaki", "Kōsuke", "Haruna"],
        ["Ōtsuka", "Inoue", "Kōno", "Matsudaira", "Hashimoto", "Yūki"],
        [("Kanazawa", "Ishikawa"), ("Matsuyama", "Ehime"), ("Sendai", "Miyagi"), ("Kumamoto", "Kumamoto")],
        ["K.K.", "Co., Ltd.", ""],
        "jp",
        "Japan",
        True,
    ),
    "WS": (
        "en",
        ["Sefo", "Leilani", "Tavita", "Malia", "Iosefa", "Losana", "Fetū", "Salote"],
        ["Faʻamausili", "Leota", "Tuilagi", "Sāʻena", "Aumua", "Taliaoa"],
        [
            ("Apia", "Tuamasaga"),
            ("Salelologa", "Fa'asaleleaga"),
            ("Faleolo", "A'ana"),
            ("Leulumoega", "A'ana"),
        ],
        ["Ltd", "Limited", ""],
        "ws",
        "Samoa",
        True,
    ),
    "AD": (
        "en",
        ["Meritxell", "Jordi", "Núria", "Quim", "Montserrat", "Pol", "Roser", "Xavier"],
        ["Puigcercós", "Cerqueda", "Font i Marsà", "Casal", "Riberaygua", "Ticó"],
        [
            ("Escaldes-Engordany", "Escaldes-Engordany"),
            ("Encamp", "Encamp"),
            ("Sant Julià de Lòria", "Sant Julià de Lòria"),
            ("La Massana", "La Massana"),
        ],
        ["SL", "SA", ""],
        "ad",
        "Andorra",
        True,
    ),
    "GA": (
        "fr",
        ["Ghislain", "Prisca", "Landry", "Annick", "Yannick", "Rolande", "Brice", "Nadège-Flore"],
        ["Mba Obame", "Ondo Nzé", "Moussavou", "Boussougou", "Nguema Ella", "Mabika"],
        [
            ("Port-Gentil", "Ogooué-Maritime"),
            ("Franceville", "Haut-Ogooué"),
            ("Oyem", "Woleu-Ntem"),
            ("Lambaréné", "Moyen-Ogooué"),
        ],
        ["SARL", "SA", ""],
        "ga",
        "Gabon",
        True,
    ),
    "GQ": (
        "es",
        ["Teodoro", "Remedios", "Crispín", "Milagrosa", "Eusebio", "Purificación", "Anacleto", "Begoña"],
        ["Obiang Mangue", "Nsue Ondó", "Esono Ela", "Mbá Nchama", "Bolopa", "Ebuka Riloha"],
        [("Bata", "Litoral"), ("Ebebiyín", "Kié-Ntem"), ("Mongomo", "Wele-Nzas"), ("Luba", "Bioko Sur")],
        ["S.A.", "S.L.", ""],
        "gq",
        "Guinea Ecuatorial",
        True,
    ),
}

ROOTS = [
    "Anvilreed",
    "Brackenquoin",
    "Corvidane",
    "Dovetarn",
    "Egretholm",
    "Fennelgrove",
    "Gorsecliffe",
    "Harebellow",
    "Ibiswick",
    "Jacklehurst",
    "Kestrelmoor Point",
    "Lanternquay",
    "Moonwrack",
    "Nightjarrow",
    "Oxbowlyn",
    "Pipitdene",
    "Quartzbrook Hollow",
    "Rookspindle",
    "Sandpiperling",
    "Thistlegarth",
    "Umbrellis",
    "Vetchfield",
    "Wagtailry",
    "Yarrowmist",
    "Zinniabourne",
]
SECTORS = {
    "en": [
        "Offshore Drilling",
        "Microfinance",
        "Agritech",
        "Shipping Agency",
        "Water Utilities",
        "Broadcasting",
        "Hydropower",
        "Hospitality Group",
        "Freight Forwarding",
        "Pharmaceuticals",
    ],
    "fr": ["Forêts et Bois", "Pétrole Services", "Manganèse", "Assurances", "Numérique"],
    "es": ["Hidrocarburos", "Construcciones", "Pesquera", "Telecomunicaciones", "Auditores"],
}
TITLES = {
    "en": [
        "Procurement Specialist",
        "Backend Engineer",
        "Credit Risk Analyst",
        "Site Reliability Engineer",
        "Internal Auditor",
        "Agronomist",
        "UX Researcher",
        "Machine Learning Engineer",
        "Customs Broker",
        "Network Engineer",
        "Android Developer",
        "Geologist",
        "Talent Acquisition Lead",
        "Security Analyst",
        "Project Coordinator",
        "Environmental Health and Safety Officer",
    ],
    "fr": [
        "Comptable principale",
        "Ingénieur forage",
        "Responsable logistique",
        "Analyste financier",
        "Chargée de projets",
    ],
    "es": [
        "Ingeniero de yacimientos",
        "Auditora interna",
        "Administrador de sistemas",
        "Jefa de compras",
        "Técnico de seguridad industrial",
    ],
}
MAIL_DOMAINS = ["pelicanpost", "mailbuoy", "toucanbox", "sendlark", "inkfinch", "orcamail", "lettergull"]
SCHOOLS = [
    "Atlantic Islands University",
    "West Coast Polytechnic of Monrovia Bay",
    "Lesser Antilles College",
    "Gulf Sands University",
    "Kanto Institute of Engineering",
    "Pacific Islands Technical College",
    "Université de l'Estuaire",
    "Universidad del Golfo de Guinea",
]
DEGREES = [
    "BSc Computer Science",
    "MSc Petroleum Engineering",
    "BBA Accounting",
    "MA Public Policy",
    "BEng Mechanical Engineering",
    "MSc Data Science",
    "BSc Agricultural Science",
    "MBA Operations",
]

ROUND13 = Pool(LOCALES, ROOTS, SECTORS, TITLES, MAIL_DOMAINS, SCHOOLS, DEGREES, prefix="n")
