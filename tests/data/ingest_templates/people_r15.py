"""The people of the fifteenth round (the blind round, BLIND_ROUND = 15: committed before anyone
looked at how the extractor reads it, measured once, by the lead, on the final code): ten more
countries no earlier round used, with names, places, employers, titles, schools and mail domains of
their own, none shared with people.py, people_new.py, people_r3.py … people_r14.py or any other
corpus or test (generate.py checks).

Each locale: (language, first names, surnames, [(city, region)], legal forms, mail TLD, country
name as printed, True: each person gets one given name). Sammarinese names keep their accents
(Nicolò), Timorese ones theirs (João, Natércia, Gusmão, Araújo), ni-Vanuatu French names theirs
(Anaïs, Léonore), Greenlandic ones their Danish letters (Høegh, Jørgen); Gambian, Swazi, Bahamian,
Hong Kong, Saudi and Saint Lucian names are in the Latin letters their owners use on a résumé.
The Sammarinese résumés are in Italian, the Timorese ones in Portuguese (no round since the first
two had Italian or Portuguese pages in a country of their own; no round had Swahili, but every
country where a résumé would be written in it is taken).
"""

from __future__ import annotations

from people import Pool

LOCALES: dict[str, tuple] = {
    "SM": (
        "it",
        ["Nicolò", "Federica", "Mattia", "Lucrezia", "Gianmarco", "Rossella", "Tommaso", "Noemi"],
        ["Gasperoni", "Zonzini", "Mularoni", "Lonfernini", "Podeschi", "Bevitori"],
        [
            ("Borgo Maggiore", "Borgo Maggiore"),
            ("Dogana", "Serravalle"),
            ("Domagnano", "Domagnano"),
            ("Fiorentino", "Fiorentino"),
        ],
        ["S.r.l.", "S.p.A.", ""],
        "sm",
        "San Marino",
        True,
    ),
    "TL": (
        "pt",
        ["João", "Filomena", "Agostinho", "Natércia", "Ermenegildo", "Zulmira", "Nélio", "Joanina"],
        [
            "da Costa Ximenes",
            "Soares Belo",
            "Guterres",
            "dos Reis Araújo",
            "Gusmão Sarmento",
            "Pereira Amaral",
        ],
        [("Díli", "Díli"), ("Baucau", "Baucau"), ("Maliana", "Bobonaro"), ("Lospalos", "Lautém")],
        ["Lda.", "Unipessoal, Lda.", ""],
        "tl",
        "Timor-Leste",
        True,
    ),
    "GM": (
        "en",
        ["Ebrima", "Haddy", "Ousainou", "Ndey", "Alieu", "Binta", "Modou", "Awa"],
        ["Ceesay", "Touray", "Njie-Saidy", "Sanneh", "Bojang", "Jobarteh"],
        [
            ("Serekunda", "Kanifing"),
            ("Brikama", "West Coast Region"),
            ("Bakau", "Kanifing"),
            ("Farafenni", "North Bank Region"),
        ],
        ["Ltd", "Company Limited", ""],
        "gm",
        "The Gambia",
        True,
    ),
    "SZ": (
        "en",
        ["Sibusiso", "Nomcebo", "Mfanuzile", "Thembeka", "Lwazi", "Nothando", "Sifiso", "Ncobile"],
        ["Mkhabela", "Simelane", "Magagula", "Shongwe", "Vilakati", "Matsebula"],
        [
            ("Mbabane", "Hhohho"),
            ("Manzini", "Manzini Region"),
            ("Nhlangano", "Shiselweni"),
            ("Siteki", "Lubombo"),
        ],
        ["(Pty) Ltd", "Limited", ""],
        "co.sz",
        "Eswatini",
        True,
    ),
    "BS": (
        "en",
        ["Shavonne", "Deangelo", "Latrae", "Kendra", "Rashad", "Chantell", "Dwayne", "Lakeisha"],
        ["Rolle", "Cartwright", "Ferguson-Pinder", "Knowles", "Bethel", "Strachan"],
        [
            ("Nassau", "New Providence"),
            ("Freeport", "Grand Bahama"),
            ("Marsh Harbour", "Abaco"),
            ("George Town", "Exuma"),
        ],
        ["Ltd.", "Limited", ""],
        "bs",
        "The Bahamas",
        True,
    ),
    "VU": (
        "en",
        ["Jotham", "Anaïs", "Kalo", "Léonore", "Morking", "Rosalie", "Tari", "Pélagie"],
        ["Napuat", "Tabimasmas", "Kalsakau", "Molisa", "Tosul", "Bulekone"],
        [("Port Vila", "Shefa"), ("Luganville", "Sanma"), ("Isangel", "Tafea"), ("Lakatoro", "Malampa")],
        ["Ltd", "Limited", ""],
        "vu",
        "Vanuatu",
        True,
    ),
    "HK": (
        "en",
        ["Tsz Hin", "Hoi Ching", "Kelvin", "Wing Yan", "Desmond", "Cherry", "Chun Kit", "Mandy"],
        ["Tsang", "Kwok", "Fung", "Yip", "Siu", "Mak"],
        [
            ("Sha Tin", "New Territories"),
            ("Tsuen Wan", "New Territories"),
            ("Kowloon Bay", "Kowloon"),
            ("Wan Chai", "Hong Kong Island"),
        ],
        ["Limited", "Co., Ltd.", ""],
        "com.hk",
        "Hong Kong",
        True,
    ),
    "SA": (
        "en",
        ["Abdulaziz", "Nouf", "Turki", "Reem", "Bandar", "Lama", "Faisal", "Haifa"],
        ["Al-Otaibi", "Al-Qahtani", "Al-Harbi", "Al-Ghamdi", "Al-Zahrani", "Al-Dosari"],
        [
            ("Dammam", "Eastern Province"),
            ("Jeddah", "Makkah Province"),
            ("Abha", "Asir Province"),
            ("Tabuk", "Tabuk Province"),
        ],
        ["Co.", "LLC", ""],
        "com.sa",
        "Saudi Arabia",
        True,
    ),
    "GL": (
        "en",
        ["Kaali", "Nivi", "Malik", "Aviaaja", "Inunnguaq", "Pipaluk", "Ivalu", "Jørgen"],
        ["Høegh", "Chemnitz", "Rosing", "Thorleifsen", "Kreutzmann", "Berthelsen"],
        [
            ("Nuuk", "Sermersooq"),
            ("Sisimiut", "Qeqqata"),
            ("Ilulissat", "Avannaata"),
            ("Qaqortoq", "Kujalleq"),
        ],
        ["A/S", "ApS", ""],
        "gl",
        "Greenland",
        True,
    ),
    "LC": (
        "en",
        ["Kervin", "Shanelle", "Ambrose", "Merlene", "Jules", "Tricia", "Cuthbert", "Deanna"],
        ["St. Rose", "Charlemagne", "Alcindor", "Jn Baptiste", "Descartes", "Mathurin"],
        [
            ("Castries", "Castries District"),
            ("Gros Islet", "Gros Islet District"),
            ("Vieux Fort", "Vieux Fort District"),
            ("Soufrière", "Soufrière District"),
        ],
        ["Ltd.", "Inc.", ""],
        "lc",
        "Saint Lucia",
        True,
    ),
}

ROOTS = [
    "Alderquay",
    "Bramblecove",
    "Corallis",
    "Driftmoor",
    "Estuvia",
    "Fennelgate",
    "Grebemoor",
    "Heronmead",
    "Islevane",
    "Jacarandel",
    "Kelpford",
    "Lanternby",
    "Moonsail",
    "Nautilane",
    "Opalcrest",
    "Pebblewick",
    "Quayside Vale",
    "Reedmarrow",
    "Seastack",
    "Tidegrove",
    "Umberfall",
    "Vetiverra",
    "Whelkstone",
    "Xanthis",
    "Ylangora",
]
SECTORS = {
    "en": [
        "Offshore Services",
        "Aquaculture",
        "Data Centres",
        "Reinsurance",
        "Telecoms",
        "Water Utilities",
        "Pharma Distribution",
        "Shipping Agency",
        "Payments",
        "Tourism Group",
    ],
    "it": ["Servizi Bancari", "Ceramiche", "Informatica", "Costruzioni", "Meccanica di Precisione"],
    "pt": ["Petróleo e Gás", "Telecomunicações", "Construções", "Café", "Microfinanças"],
}
TITLES = {
    "en": [
        "Cloud Architect",
        "Business Analyst",
        "Risk Analyst",
        "Machine Learning Engineer",
        "Procurement Officer",
        "Site Engineer",
        "Marine Biologist",
        "Network Engineer",
        "Customer Success Manager",
        "Finance Manager",
        "Android Developer",
        "Environmental Officer",
        "Operations Coordinator",
        "Internal Auditor",
        "DevOps Engineer",
        "Project Coordinator",
    ],
    "it": [
        "Sviluppatore backend",
        "Responsabile amministrativa",
        "Ingegnere gestionale",
        "Analista di business",
        "Addetta alle risorse umane",
    ],
    "pt": [
        "Técnico de informática",
        "Gestora de projetos",
        "Contabilista",
        "Engenheiro civil",
        "Analista de dados",
    ],
}
MAIL_DOMAINS = [
    "mailpetrel",
    "albatrosspost",
    "shearwaterbox",
    "frigatemail",
    "skuapost",
    "prionmail",
    "fulmarbox",
]
SCHOOLS = [
    "Istituto Superiore del Monte Titano",
    "Instituto Politécnico de Lorosa'e",
    "Senegambia Institute of Management",
    "Lowveld University of Technology",
    "Lucayan College of Commerce",
    "Melanesian Polytechnic Institute",
    "Pearl River Delta Institute of Business",
    "Arctic Institute of Applied Science",
]
DEGREES = [
    "BSc Software Engineering",
    "MSc Finance",
    "BA Business Administration",
    "MEng Electrical Engineering",
    "BSc Marine Science",
    "MSc Information Security",
    "BBA Accounting",
    "MA International Relations",
]

ROUND15 = Pool(LOCALES, ROOTS, SECTORS, TITLES, MAIL_DOMAINS, SCHOOLS, DEGREES, prefix="l")
