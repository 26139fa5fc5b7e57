"""The people of the eighth round ("unseen": committed before anyone looked at how the extractor
reads it, measured once at the end): ten more countries no earlier round used, with names, places,
employers, titles, schools and mail domains of their own, none shared with people.py,
people_new.py, people_r3.py … people_r7.py or any other corpus or test (generate.py checks).

Each locale: (language, first names, surnames, [(city, region)], legal forms, mail TLD, country
name as printed, True: each person gets one given name). Armenian, Ethiopian, Korean and
Mauritian names are written in the Latin letters their owners use on an English résumé; Bosnian
keeps its č, ć, š, ž, Azerbaijani its ə, ş, ğ, ı, ü (fold() turns ə into e for addresses),
Faroese its ð, ø, á, ó, Senegalese French and Honduran Spanish their accents. The Senegalese
résumés are in French (French months, « aujourd'hui »), the Honduran ones in Spanish.
"""

from __future__ import annotations

from people import Pool

LOCALES: dict[str, tuple] = {
    "AM": (
        "en",
        ["Anush", "Tigran", "Lilit", "Aram", "Siranush", "Gevorg", "Mane", "Narek"],
        ["Hakobyan", "Ghazaryan", "Avetisyan", "Mkrtchyan", "Harutyunyan", "Zakaryan"],
        [
            ("Gyumri", "Shirak Province"),
            ("Vanadzor", "Lori Province"),
            ("Vagharshapat", "Armavir Province"),
            ("Abovyan", "Kotayk Province"),
        ],
        ["CJSC", "LLC", ""],
        "am",
        "Armenia",
        True,
    ),
    "BA": (
        "en",
        ["Amra", "Edin", "Lejla", "Haris", "Selma", "Adnan", "Ajla", "Kenan"],
        ["Hadžić", "Begović", "Mehmedović", "Čaušević", "Kovačević", "Šehić"],
        [
            ("Tuzla", "Tuzla Canton"),
            ("Mostar", "Herzegovina-Neretva Canton"),
            ("Zenica", "Zenica-Doboj Canton"),
            ("Bihać", "Una-Sana Canton"),
        ],
        ["d.o.o.", "d.d.", ""],
        "ba",
        "Bosnia and Herzegovina",
        True,
    ),
    "ET": (
        "en",
        ["Meron", "Dawit", "Hiwot", "Yonas", "Selamawit", "Kaleab", "Tsion", "Biniyam"],
        ["Tesfaye", "Gebremedhin", "Alemu", "Woldemariam", "Bekele", "Asfaw"],
        [
            ("Adama", "Oromia Region"),
            ("Hawassa", "Sidama Region"),
            ("Bahir Dar", "Amhara Region"),
            ("Dire Dawa", "Dire Dawa"),
        ],
        ["PLC", "Share Company", ""],
        "et",
        "Ethiopia",
        True,
    ),
    "SN": (
        "fr",
        ["Awa", "Mamadou", "Fatou", "Cheikh", "Aïssatou", "Ousmane", "Ndèye", "Babacar"],
        ["Ndiaye", "Sarr", "Faye", "Mbaye", "Diallo Sow", "Guèye"],
        [
            ("Thiès", "Région de Thiès"),
            ("Saint-Louis", "Région de Saint-Louis"),
            ("Ziguinchor", "Région de Ziguinchor"),
            ("Kaolack", "Région de Kaolack"),
        ],
        ["SARL", "SA", "SUARL"],
        "sn",
        "Sénégal",
        True,
    ),
    "KR": (
        "en",
        ["Seo-yeon", "Ji-hoon", "Min-ji", "Hyun-woo", "Ha-eun", "Dong-hyun", "Soo-ah", "Jae-won"],
        ["Kim", "Park", "Choi", "Jeong", "Kang", "Yoon"],
        [("Daejeon", "Daejeon"), ("Suwon", "Gyeonggi-do"), ("Ulsan", "Ulsan"), ("Jeonju", "Jeollabuk-do")],
        ["Co., Ltd.", "Corp.", ""],
        "co.kr",
        "South Korea",
        True,
    ),
    "HN": (
        "es",
        ["Dayana", "Elvin", "Kenia", "Osman", "Yolany", "Erick", "Scarleth", "Nelson"],
        ["Zelaya Ordóñez", "Maradiaga", "Funes", "Mejía Paz", "Cálix", "Rosales Bonilla"],
        [
            ("San Pedro Sula", "Cortés"),
            ("La Ceiba", "Atlántida"),
            ("Choluteca", "Choluteca"),
            ("Comayagua", "Comayagua"),
        ],
        ["S. de R.L.", "S.A. de C.V.", ""],
        "hn",
        "Honduras",
        True,
    ),
    "MU": (
        "en",
        ["Kavish", "Priya", "Jean-Noël", "Anjalee", "Yashvin", "Marie-Claire", "Rakesh", "Sheetal"],
        ["Beeharry", "Appadoo", "Lallmohamed", "Seeruttun", "Bhunjun", "Ramdenee"],
        [
            ("Curepipe", "Plaines Wilhems"),
            ("Quatre Bornes", "Plaines Wilhems"),
            ("Mahébourg", "Grand Port"),
            ("Goodlands", "Rivière du Rempart"),
        ],
        ["Ltd", "Co. Ltd", ""],
        "mu",
        "Mauritius",
        True,
    ),
    "FO": (
        "en",
        ["Rókur", "Sunniva", "Bárður", "Jóhanna", "Hallur", "Ragnhild", "Sjúrður", "Elin"],
        ["Joensen", "Højgaard", "Djurhuus", "Mikkelsen á Rógvu", "Poulsen Dam", "Justinussen"],
        [("Tórshavn", "Streymoy"), ("Klaksvík", "Borðoy"), ("Runavík", "Eysturoy"), ("Tvøroyri", "Suðuroy")],
        ["P/F", "Sp/f", ""],
        "fo",
        "Faroe Islands",
        True,
    ),
    "AZ": (
        "en",
        ["Aysel", "Rəşad", "Günay", "Tural", "Nərmin", "Orxan", "Ləman", "Elşən"],
        ["Hüseynli", "Qasımlı", "Abbaslı", "Cəfərli", "Nəsirli", "Rzalı"],
        [
            ("Gəncə", "Ganja-Dashkasan"),
            ("Sumqayıt", "Absheron-Khizi"),
            ("Lənkəran", "Lankaran-Astara"),
            ("Şəki", "Shaki-Zagatala"),
        ],
        ["MMC", "ASC", ""],
        "az",
        "Azerbaijan",
        True,
    ),
    "TT": (
        "en",
        ["Keisha", "Darren", "Anisa", "Ravindra", "Shenelle", "Kerwin", "Giselle", "Nigel"],
        ["Ramdass", "Baptiste-Cox", "Maharaj", "Hosein", "Jodhan", "Lezama"],
        [
            ("Chaguanas", "Chaguanas Borough"),
            ("Arima", "Arima Borough"),
            ("San Fernando", "South Trinidad"),
            ("Scarborough", "Tobago"),
        ],
        ["Limited", "Ltd.", ""],
        "co.tt",
        "Trinidad and Tobago",
        True,
    ),
}

ROOTS = [
    "Aldertide",
    "Basaltwing",
    "Cobaltmere",
    "Duneharrow",
    "Elmspindle",
    "Flintcove",
    "Gorsemoor",
    "Heronsable",
    "Inkbarrow",
    "Juniperlode",
    "Lichenford",
    "Marrowlight",
    "Nettlecairn",
    "Oakenshard",
    "Pebbleford",
    "Quillmarsh",
    "Rushlantern",
    "Saltbriar",
    "Tidewhistle",
    "Umbravale",
    "Vellumcrest",
    "Willowquay",
    "Yarrowdeep",
    "Zephyrcombe",
    "Amberquill",
    "Copperlynx",
    "Mosswhin",
]
SECTORS = {
    "en": [
        "Renewables",
        "Cold Chain",
        "Payments",
        "Port Services",
        "Insurtech",
        "Biologics",
        "Geodata",
        "Hospitality Group",
        "Cables",
        "Learning",
    ],
    "es": ["Maquilas", "Agroindustrias", "Comercializadora", "Soluciones Digitales", "Transportes"],
    "fr": ["Industries", "Négoce", "Télécoms", "Ingénierie", "Distribution"],
}
TITLES = {
    "en": [
        "Supply Chain Planner",
        "Site Reliability Engineer",
        "Payroll Specialist",
        "Clinical Research Associate",
        "Product Designer",
        "Treasury Analyst",
        "Field Service Engineer",
        "Data Platform Engineer",
        "Learning and Development Manager",
        "Compliance Officer",
        "iOS Developer",
        "Structural Engineer",
        "Revenue Operations Manager",
        "Security Engineer",
        "Quantity Surveyor",
        "Technical Writer",
    ],
    "es": [
        "Analista de planillas",
        "Ingeniera industrial",
        "Jefe de producción",
        "Desarrollador móvil",
        "Coordinadora de exportaciones",
    ],
    "fr": [
        "Chargée de recouvrement",
        "Ingénieur réseaux",
        "Responsable qualité",
        "Développeuse full-stack",
        "Contrôleur de gestion",
    ],
}
MAIL_DOMAINS = ["wrenbox", "pigeonly", "mailheron", "sendkite", "letterfox", "postlark", "quillbay"]
SCHOOLS = [
    "Caspian University of Technology",
    "Indian Ocean Business School",
    "Universidad Tecnológica del Caribe Central",
    "North Atlantic College of Engineering",
    "Highland Institute of Public Health",
    "Balkan University of Applied Sciences",
]
DEGREES = [
    "BSc Software Engineering",
    "MSc Supply Chain Management",
    "BA Economics",
    "MEng Structural Engineering",
    "BSc Nursing",
    "MSc Finance",
    "BDes Interaction Design",
    "MPH Epidemiology",
]

ROUND8 = Pool(LOCALES, ROOTS, SECTORS, TITLES, MAIL_DOMAINS, SCHOOLS, DEGREES, prefix="q")
