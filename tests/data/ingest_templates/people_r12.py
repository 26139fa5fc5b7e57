"""The people of the twelfth round (the blind round, BLIND_ROUND = 12: committed before anyone
looked at how the extractor reads it, measured once, by the lead, on the final code): ten more
countries no earlier round used, with names, places, employers, titles, schools and mail domains of
their own, none shared with people.py, people_new.py, people_r3.py … people_r11.py or any other
corpus or test (generate.py checks).

Each locale: (language, first names, surnames, [(city, region)], legal forms, mail TLD, country
name as printed, True: each person gets one given name). Namibian, Ugandan, Basotho, Guyanese,
Bahraini, Maldivian and Seychellois names are written in the Latin letters their owners use on an
English résumé; Belarusian names keep the Łacinka letters (ł, ś, ć, ž, č, ŭ), Malian French and
Venezuelan Spanish their accents. The Malian résumés are in French (« aujourd'hui »), the
Venezuelan ones in Spanish (« actualidad »).
"""

from __future__ import annotations

from people import Pool

LOCALES: dict[str, tuple] = {
    "NA": (
        "en",
        ["Ndapewa", "Tuhafeni", "Ndeshi", "Shilongo", "Hileni", "Tangeni", "Martha-Rose", "Penda"],
        ["Amukoto", "Nghipondoka", "Shikongo", "Iipinge", "Haufiku", "Kaulinge"],
        [
            ("Oshakati", "Oshana Region"),
            ("Swakopmund", "Erongo Region"),
            ("Rundu", "Kavango East"),
            ("Keetmanshoop", "ǁKaras Region"),
        ],
        ["(Pty) Ltd", "CC", ""],
        "com.na",
        "Namibia",
        True,
    ),
    "UG": (
        "en",
        ["Kato", "Nakato", "Ssemakula", "Atim", "Mugisha", "Namubiru", "Okello", "Akello"],
        ["Ssebunya", "Nabukenya", "Tumusiime", "Kigozi", "Odongo Ayo", "Byaruhanga"],
        [
            ("Gulu", "Northern Region"),
            ("Mbarara", "Western Region"),
            ("Jinja", "Eastern Region"),
            ("Fort Portal", "Western Region"),
        ],
        ["Limited", "Ltd", ""],
        "co.ug",
        "Uganda",
        True,
    ),
    "BY": (
        "en",
        ["Aliaksandr", "Hanna", "Uładzimir", "Kaciaryna", "Źmicier", "Alesia", "Siarhiej", "Maryja"],
        ["Łabanovič", "Kaściuk", "Šaŭčenka", "Žybul", "Dziemidovič", "Čarnyš"],
        [
            ("Hrodna", "Hrodna Region"),
            ("Viciebsk", "Viciebsk Region"),
            ("Mahilioŭ", "Mahilioŭ Region"),
            ("Pinsk", "Brest Region"),
        ],
        ["LLC", "JSC", ""],
        "by",
        "Belarus",
        True,
    ),
    "ML": (
        "fr",
        ["Aminata", "Seydou", "Fatoumata", "Boubacar", "Kadiatou", "Oumar", "Assétou", "Lassana"],
        ["Sissoko", "Dembélé", "Keïta Sangaré", "Samaké", "Diarra", "Tangara"],
        [
            ("Ségou", "Région de Ségou"),
            ("Sikasso", "Région de Sikasso"),
            ("Mopti", "Région de Mopti"),
            ("Kayes", "Région de Kayes"),
        ],
        ["SARL", "SA", ""],
        "ml",
        "Mali",
        True,
    ),
    "VE": (
        "es",
        ["Yurbis", "Gustavo", "Maigualida", "Nelson Enrique", "Yelitza", "Ramón", "Dayana", "Jesús Alberto"],
        ["Briceño", "Urdaneta", "Colmenares", "Pérez Mújica", "Guanipa", "Añez"],
        [("Maracaibo", "Zulia"), ("Barquisimeto", "Lara"), ("Mérida", "Mérida"), ("Puerto Ordaz", "Bolívar")],
        ["C.A.", "S.A.", ""],
        "com.ve",
        "Venezuela",
        True,
    ),
    "BH": (
        "en",
        ["Hamad", "Noora", "Jassim", "Maryam", "Isa", "Fatema", "Yousif", "Shaikha"],
        ["Al Doseri", "Bucheeri", "Al Mahmeed", "Janahi", "Kanoo Fakhro", "Al Sayegh"],
        [
            ("Muharraq", "Muharraq Governorate"),
            ("Riffa", "Southern Governorate"),
            ("Isa Town", "Southern Governorate"),
            ("Sitra", "Capital Governorate"),
        ],
        ["W.L.L.", "B.S.C.", ""],
        "bh",
        "Bahrain",
        True,
    ),
    "LS": (
        "en",
        ["Lerato", "Thabang", "Palesa", "Mpho", "Limpho", "Teboho", "Nthabiseng", "Rethabile"],
        ["Mokhehle", "Letsie", "Mothibeli", "Ramakatane", "Sekhonyana", "Motsamai"],
        [
            ("Maseru", "Maseru District"),
            ("Teyateyaneng", "Berea District"),
            ("Mafeteng", "Mafeteng District"),
            ("Leribe", "Leribe District"),
        ],
        ["(Pty) Ltd", "Ltd", ""],
        "co.ls",
        "Lesotho",
        True,
    ),
    "GY": (
        "en",
        ["Ravindra", "Shondell", "Deonarine", "Keisha", "Tyrone", "Savitri", "Ewart", "Odessa"],
        ["Persaud", "Fiedtkou", "Ramsaroop", "Bacchus", "Sukhdeo", "Adams-Welcome"],
        [
            ("Linden", "Upper Demerara-Berbice"),
            ("New Amsterdam", "East Berbice-Corentyne"),
            ("Anna Regina", "Pomeroon-Supenaam"),
            ("Bartica", "Cuyuni-Mazaruni"),
        ],
        ["Inc.", "Ltd", ""],
        "gy",
        "Guyana",
        True,
    ),
    "MV": (
        "en",
        [
            "Aishath",
            "Ibrahim Shafeeu",
            "Mariyam",
            "Hassan Zareer",
            "Fathimath",
            "Ahmed Nashid",
            "Aminath",
            "Moosa",
        ],
        ["Rasheed", "Waheed", "Shakeel", "Naseem", "Latheef", "Manik"],
        [
            ("Addu City", "Seenu Atoll"),
            ("Fuvahmulah", "Gnaviyani Atoll"),
            ("Kulhudhuffushi", "Haa Dhaalu Atoll"),
            ("Thinadhoo", "Gaafu Dhaalu Atoll"),
        ],
        ["Pvt Ltd", "Private Limited", ""],
        "mv",
        "Maldives",
        True,
    ),
    "SC": (
        "en",
        ["Jean-Claude", "Marie-Ange", "Wills", "Terry-Ann", "Bernard", "Sybille", "Ronny", "Nadège"],
        ["Hoareau", "Payet", "Labrosse", "Esparon", "Pillay Dufresne", "Confait"],
        [
            ("Victoria", "Mahé"),
            ("Anse Boileau", "Mahé"),
            ("Baie Sainte Anne", "Praslin"),
            ("La Passe", "La Digue"),
        ],
        ["(Pty) Ltd", "Ltd", ""],
        "sc",
        "Seychelles",
        True,
    ),
}

ROOTS = [
    "Amberquay",
    "Bluewattle",
    "Copperwren",
    "Brinequill",
    "Eddystrand",
    "Flintcove",
    "Granitewell",
    "Heronsgate Park",
    "Ospreyvale",
    "Junipercast",
    "Kelpstone",
    "Larchvane",
    "Marrowdune",
    "Nettlebourne",
    "Orchidfall",
    "Plumcrest",
    "Quillstead",
    "Rushmantle",
    "Saltspire",
    "Tamarindel",
    "Cobaltspur",
    "Vesperlake",
    "Whinmoor Reach",
    "Xanthecourt",
    "Gannetholm",
    "Zephyrholt",
]
SECTORS = {
    "en": [
        "Fisheries",
        "Desalination",
        "Mobile Money",
        "Aviation Services",
        "Solar Microgrids",
        "Port Operations",
        "Reinsurance",
        "Cold Chain",
        "Mining Assay",
        "Health Informatics",
    ],
    "fr": ["Coton Négoce", "Télécoms", "Ingénierie", "Distribution", "Conseil Fiscal"],
    "es": ["Petroquímica", "Consultores", "Alimentos", "Logística Andina", "Seguros"],
}
TITLES = {
    "en": [
        "Supply Chain Analyst",
        "Full-Stack Developer",
        "Actuarial Analyst",
        "Cloud Engineer",
        "Compliance Officer",
        "Marine Biologist",
        "Product Designer",
        "Data Engineer",
        "Tax Consultant",
        "Systems Administrator",
        "iOS Developer",
        "Hydrologist",
        "HR Business Partner",
        "Penetration Tester",
        "Quality Assurance Lead",
        "Monitoring and Evaluation Officer",
    ],
    "fr": [
        "Contrôleuse de gestion",
        "Ingénieur réseaux",
        "Chargée de communication",
        "Responsable des achats",
        "Développeur web",
    ],
    "es": [
        "Ingeniera de procesos",
        "Contador público",
        "Analista de datos",
        "Jefe de mantenimiento",
        "Especialista en nómina",
    ],
}
MAIL_DOMAINS = ["kitemail", "heronpost", "quokkabox", "mailferry", "letterkite", "postwhale", "inboxcrane"]
SCHOOLS = [
    "Namib Desert University",
    "Great Lakes Institute of Technology",
    "Niemen State University",
    "Université du Niger Moyen",
    "Universidad del Lago de Maracaibo",
    "Gulf Pearl College",
    "Indian Ocean Polytechnic",
]
DEGREES = [
    "BSc Information Systems",
    "MSc Marine Science",
    "BCom Finance",
    "MA Development Studies",
    "BEng Civil Engineering",
    "MBA Supply Chain",
    "BSc Statistics",
    "MSc Cybersecurity",
]

ROUND12 = Pool(LOCALES, ROOTS, SECTORS, TITLES, MAIL_DOMAINS, SCHOOLS, DEGREES, prefix="o")
