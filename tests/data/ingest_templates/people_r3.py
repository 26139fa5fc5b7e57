"""The people of the third round ("dev": the extractor is tuned on it): ten countries no earlier
round used, with names, places, employers, titles, schools and mail domains of their own, none
shared with people.py, people_new.py, people_r4.py or any other corpus or test (generate.py checks).

Each locale: (language, first names, surnames, [(city, region)], legal forms, mail TLD, country
name as printed[, True where the "first names" are a family and middle name, as in Vietnamese, so
that no second one is added]). Where surnames change with gender (Slovak), the locale's people are
all of one gender, so that no "Ľudmila Hrušovský" is made.
"""

from __future__ import annotations

from people import Pool

LOCALES: dict[str, tuple] = {
    "GR": (
        "el",
        [
            "Eleftheria",
            "Stavros",
            "Chrysoula",
            "Panagiotis",
            "Despoina",
            "Evangelos",
            "Kalliopi",
            "Thrasyvoulos",
        ],
        ["Papadimitriou", "Christodoulou", "Oikonomou", "Athanasiou", "Konstantinou", "Anagnostou"],
        [
            ("Thessaloniki", "Central Macedonia"),
            ("Patras", "Western Greece"),
            ("Heraklion", "Crete"),
            ("Larissa", "Thessaly"),
        ],
        ["S.A.", "I.K.E.", ""],
        "gr",
        "Greece",
    ),
    "CL": (
        "es",
        ["Catalina", "Vicente", "Antonella", "Matías", "Josefa", "Cristóbal", "Trinidad", "Agustín"],
        ["Riquelme", "Undurraga", "Fuenzalida", "Valdivieso", "Ñancupil", "Errázuriz Toro"],
        [
            ("Valparaíso", "Región de Valparaíso"),
            ("Concepción", "Región del Biobío"),
            ("Temuco", "Región de La Araucanía"),
            ("Antofagasta", "Región de Antofagasta"),
        ],
        ["SpA", "Ltda.", "S.A."],
        "cl",
        "Chile",
    ),
    "NG": (
        "en",
        ["Chiamaka", "Oluwaseun", "Ngozi", "Babatunde", "Adaeze", "Ikechukwu", "Funmilayo", "Emeka"],
        ["Adebayo-Okafor", "Nwachukwu", "Ogunleye", "Eze-Ibekwe", "Adeyemi", "Okonjo"],
        [
            ("Ibadan", "Oyo State"),
            ("Enugu", "Enugu State"),
            ("Kano", "Kano State"),
            ("Port Harcourt", "Rivers State"),
        ],
        ["Ltd", "Plc", ""],
        "com.ng",
        "Nigeria",
    ),
    "NZ": (
        "en",
        ["Aroha", "Nikau", "Maia", "Tamati", "Ngaio", "Rawiri", "Kahurangi", "Fletcher"],
        ["Te Whata", "Pōtae", "Kereama", "Blackadder", "Tuhiwai", "Rangihuna"],
        [("Dunedin", "Otago"), ("Hamilton", "Waikato"), ("Nelson", "Nelson"), ("Napier", "Hawke's Bay")],
        ["Limited", "Ltd", ""],
        "co.nz",
        "New Zealand",
    ),
    "BE": (
        "nl",
        ["Lotte", "Wout", "Ine", "Pieter-Jan", "Griet", "Jens", "Elke", "Stijn"],
        ["Vanhoutte", "De Clercq", "Verstraeten", "Goossens", "Van den Bossche", "Claeys"],
        [
            ("Gent", "Oost-Vlaanderen"),
            ("Leuven", "Vlaams-Brabant"),
            ("Brugge", "West-Vlaanderen"),
            ("Hasselt", "Limburg"),
        ],
        ["BV", "NV", "CommV"],
        "be",
        "Belgium",
    ),
    "SK": (
        "sk",
        ["Ľudmila", "Zuzana", "Dagmar", "Jarmila", "Miroslava", "Terézia", "Soňa", "Blažena"],
        ["Hrušovská", "Kováčová", "Ďurišová", "Mikulášová", "Šimončičová", "Lúčanová"],
        [
            ("Košice", "Košický kraj"),
            ("Žilina", "Žilinský kraj"),
            ("Prešov", "Prešovský kraj"),
            ("Nitra", "Nitriansky kraj"),
        ],
        ["s. r. o.", "a. s.", ""],
        "sk",
        "Slovakia",
    ),
    "HR": (
        "hr",
        ["Mirjana", "Krešimir", "Snježana", "Zvonimir", "Gordana", "Tomislav", "Vesna", "Dražen"],
        ["Kovačević", "Babić-Horvat", "Jurišić", "Pavletić", "Šarić", "Grgurević"],
        [
            ("Split", "Splitsko-dalmatinska"),
            ("Rijeka", "Primorsko-goranska"),
            ("Osijek", "Osječko-baranjska"),
            ("Zadar", "Zadarska"),
        ],
        ["d.o.o.", "d.d.", ""],
        "hr",
        "Croatia",
    ),
    "VN": (
        "vi",
        ["Nguyễn Thị", "Trần Văn", "Lê Thị", "Phạm Quốc", "Võ Thị", "Đặng Minh", "Bùi Thị", "Huỳnh Đức"],
        ["Thu Hương", "Bích Phương", "Đăng Khoa", "Ngọc Trâm", "Tiến Dũng", "Yến Nhi"],
        [
            ("Đà Nẵng", "Đà Nẵng"),
            ("Huế", "Thừa Thiên Huế"),
            ("Cần Thơ", "Cần Thơ"),
            ("Hải Phòng", "Hải Phòng"),
        ],
        ["Co., Ltd.", "JSC", ""],
        "vn",
        "Vietnam",
        True,  # the family name and middle name come first: no second "first" name is drawn
    ),
    "PH": (
        "en",
        ["Maricel", "Jericho", "Lorelie", "Rommel", "Kristine Joy", "Jomar", "Rowena", "Dindo"],
        ["Dimaculangan", "Macaraeg", "Pangilinan", "Villanueva-Sison", "Bautista", "Manalastas"],
        [
            ("Cebu City", "Cebu"),
            ("Davao City", "Davao del Sur"),
            ("Iloilo City", "Iloilo"),
            ("Baguio", "Benguet"),
        ],
        ["Inc.", "Corporation", ""],
        "com.ph",
        "Philippines",
    ),
    "EE": (
        "et",
        ["Kadri", "Tõnis", "Liisi", "Margus", "Ülle", "Rein", "Piret", "Jüri"],
        ["Tamm-Kask", "Saar", "Põldma", "Lepik", "Ilves", "Kõiv"],
        [("Tartu", "Tartumaa"), ("Pärnu", "Pärnumaa"), ("Narva", "Ida-Virumaa"), ("Viljandi", "Viljandimaa")],
        ["OÜ", "AS", ""],
        "ee",
        "Estonia",
    ),
}

ROOTS = [
    "Aldermoor",
    "Brightcairn",
    "Carrowmere",
    "Deverill",
    "Elmstead",
    "Foxglen",
    "Gallivant",
    "Hartwick",
    "Isolde",
    "Jadeport",
    "Kingsreach",
    "Loxley",
    "Mariposa",
    "Norrbridge",
    "Olivar",
    "Pinemoor",
    "Quenby",
    "Redfern",
    "Stonevale",
    "Thornbury",
    "Ulverton",
    "Valemont",
    "Wexcombe",
    "Yellowtail",
    "Zircona",
    "Ashgrove",
    "Bramblewick",
    "Cresthaven",
    "Dunmore",
    "Everhollow",
    "Fernwick",
    "Gildmere",
]
SECTORS = {
    "en": [
        "Agritech",
        "Pharma",
        "Maritime",
        "Consulting",
        "Payments",
        "Packaging",
        "Semiconductors",
        "Interiors",
        "Telecom",
        "Mining",
    ],
    "es": ["Minería", "Servicios", "Inmobiliaria", "Salud", "Ingeniería"],
    "nl": ["Bouw", "Consult", "Voeding", "Transport", "Informatica"],
    "sk": ["Strojárne", "Služby", "Informatika", "Stavby", "Doprava"],
    "hr": ["Inženjering", "Usluge", "Informatika", "Gradnja", "Turizam"],
    "et": ["Tarkvara", "Ehitus", "Logistika", "Energia", "Puidutööstus"],
}
TITLES = {
    "en": [
        "Machine Learning Engineer",
        "Regulatory Affairs Specialist",
        "Dental Hygienist",
        "Network Engineer",
        "Inventory Planner",
        "Content Strategist",
        "DevOps Engineer",
        "Tax Accountant",
        "Partnerships Manager",
        "Firmware Engineer",
        "Geotechnical Engineer",
        "Compliance Officer",
        "Merchandising Manager",
        "Penetration Tester",
        "Mobile Developer",
        "Biostatistician",
    ],
    "es": [
        "Ingeniero de minas",
        "Analista contable",
        "Jefa de ventas",
        "Desarrolladora móvil",
        "Encargado de bodega",
    ],
    "nl": ["Boekhouder", "Teamcoördinator", "Netwerkbeheerder", "Productontwerper", "Aankoper"],
    "sk": ["Programátor", "Vedúca projektu", "Účtovníčka", "Obchodný zástupca", "Technológ výroby"],
    "hr": ["Programer", "Voditeljica projekta", "Računovođa", "Prodajni predstavnik", "Inženjer strojarstva"],
    "et": ["Tarkvaraarendaja", "Projektijuht", "Raamatupidaja", "Müügijuht", "Andmeanalüütik"],
}
MAIL_DOMAINS = ["postmeadow", "mailquay", "inkharbour", "notefield", "sendlark", "posthollow", "letterfjell"]
SCHOOLS = [
    "Southern Cross Institute of Technology",
    "University of the Eastern Highlands",
    "Kingsbridge Polytechnic",
    "Universidad del Litoral Austral",
    "Baltic School of Engineering",
    "Mekong Valley University",
]
DEGREES = [
    "BSc Information Systems",
    "MSc Operations Research",
    "BCom Finance",
    "MEng Electrical Engineering",
    "BSc Biomedical Science",
    "MA International Relations",
    "BDes Industrial Design",
    "MSc Applied Statistics",
]

ROUND3 = Pool(LOCALES, ROOTS, SECTORS, TITLES, MAIL_DOMAINS, SCHOOLS, DEGREES, prefix="v")
