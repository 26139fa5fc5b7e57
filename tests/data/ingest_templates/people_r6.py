"""The people of the sixth round ("unseen": committed before anyone looked at how the extractor
reads it, measured once at the end): ten more countries no earlier round used, with names, places,
employers, titles, schools and mail domains of their own, none shared with people.py,
people_new.py, people_r3.py, people_r4.py, people_r5.py or any other corpus or test (generate.py
checks).

Each locale: (language, first names, surnames, [(city, region)], legal forms, mail TLD, country
name as printed, True: each person gets one given name). Ukrainian, Egyptian, Thai and Pakistani
names are written in the Latin letters their owners use on an English résumé; Maltese and the
Spanish-speaking locales keep their letters (ħ, ż, ċ, á, ñ).
"""

from __future__ import annotations

from people import Pool

LOCALES: dict[str, tuple] = {
    "UA": (
        "en",
        ["Oksana", "Taras", "Solomiia", "Bohdan", "Yaroslava", "Ostap", "Khrystyna", "Dmytro"],
        ["Kovalchuk", "Tkachenko", "Bondarenko-Savchuk", "Hrytsenko", "Melnyk", "Lysenko"],
        [("Lviv", "Lviv Oblast"), ("Kharkiv", "Kharkiv Oblast"), ("Vinnytsia", "Vinnytsia Oblast"), ("Dnipro", "Dnipropetrovsk Oblast")],
        ["LLC", "PJSC", ""],
        "com.ua",
        "Ukraine",
        True,
    ),
    "EG": (
        "en",
        ["Nourhan", "Mostafa", "Habiba", "Karim", "Yasmin", "Abdelrahman", "Mariam", "Tarek"],
        ["Abdelaziz", "El-Sayed", "Fathy", "Mansour", "Abou Zeid", "Shalaby"],
        [("Alexandria", "Alexandria Governorate"), ("Giza", "Giza Governorate"), ("Mansoura", "Dakahlia Governorate"), ("Port Said", "Port Said Governorate")],
        ["S.A.E.", "LLC", ""],
        "com.eg",
        "Egypt",
        True,
    ),
    "TH": (
        "en",
        ["Kanokwan", "Thanawat", "Pimchanok", "Nattapong", "Siriporn", "Chatchai", "Rattana", "Wichai"],
        ["Srisuk", "Chaiyaporn", "Wongsawat", "Rattanakorn", "Boonmee", "Thongchai"],
        [("Chiang Mai", "Chiang Mai Province"), ("Khon Kaen", "Khon Kaen Province"), ("Hat Yai", "Songkhla Province"), ("Nakhon Ratchasima", "Nakhon Ratchasima Province")],
        ["Co., Ltd.", "Public Company Limited", ""],
        "co.th",
        "Thailand",
        True,
    ),
    "TZ": (
        "en",
        ["Neema", "Baraka", "Rehema", "Juma", "Upendo", "Faraja", "Zawadi", "Emmanuel"],
        ["Mwakyusa", "Kimaro", "Massawe-Lyimo", "Mushi", "Mrema", "Kapinga"],
        [("Arusha", "Arusha Region"), ("Mwanza", "Mwanza Region"), ("Dodoma", "Dodoma Region"), ("Moshi", "Kilimanjaro Region")],
        ["Limited", "Ltd", ""],
        "co.tz",
        "Tanzania",
        True,
    ),
    "PK": (
        "en",
        ["Ayesha", "Usman", "Mahnoor", "Bilal", "Sana", "Hamza Tariq", "Fatima", "Zeeshan"],
        ["Qureshi", "Chaudhry", "Malik-Awan", "Siddiqui", "Butt", "Khattak"],
        [("Lahore", "Punjab"), ("Faisalabad", "Punjab"), ("Peshawar", "Khyber Pakhtunkhwa"), ("Hyderabad", "Sindh")],
        ["(Pvt.) Ltd.", "(Private) Limited", ""],
        "com.pk",
        "Pakistan",
        True,
    ),
    "CY": (
        "en",
        ["Andri", "Christakis", "Eleni", "Panayiotis", "Stella", "Marios", "Despo", "Kyriacos"],
        ["Charalambous", "Georgiades", "Hadjipetrou", "Ioannou-Loizou", "Kyprianou", "Stylianou"],
        [("Limassol", "Limassol District"), ("Larnaca", "Larnaca District"), ("Paphos", "Paphos District"), ("Strovolos", "Nicosia District")],
        ["Ltd", "Limited", ""],
        "com.cy",
        "Cyprus",
        True,
    ),
    "MT": (
        "en",
        ["Ġorġ", "Marija", "Ċensu", "Rebekka", "Żaren", "Josette", "Ħenry", "Maronna"],
        ["Borġ", "Camilleri", "Farrugia-Vella", "Xuereb", "Grech", "Micallef"],
        [("Birkirkara", "Central Region"), ("Mosta", "Northern Region"), ("Żabbar", "South Eastern Region"), ("Qormi", "Southern Region")],
        ["Ltd", "Limited", "p.l.c."],
        "com.mt",
        "Malta",
        True,
    ),
    "DO": (
        "es",
        ["Yokasta", "Wáscar", "Yanelis", "Rafelito", "Anyelina", "Franklin", "Massiel", "Eudis"],
        ["Peña Almonte", "Polanco", "Mejía Tejada", "Santana", "Germosén", "Ureña"],
        [("Santiago de los Caballeros", "Santiago"), ("La Romana", "La Romana"), ("San Pedro de Macorís", "San Pedro de Macorís"), ("Puerto Plata", "Puerto Plata")],
        ["S.R.L.", "S.A.S.", ""],
        "com.do",
        "República Dominicana",
        True,
    ),
    "GT": (
        "es",
        ["Ixchel", "Byron Estuardo", "Lesbia", "Edgar", "Mildred", "Otto", "Heidy", "Kevin"],
        ["Cojulún", "Ajcalón Tzoc", "Monterroso", "Xicará", "Barrios Ordóñez", "Chacach"],
        [("Quetzaltenango", "Quetzaltenango"), ("Antigua Guatemala", "Sacatepéquez"), ("Cobán", "Alta Verapaz"), ("Escuintla", "Escuintla")],
        ["S.A.", "Sociedad Anónima", ""],
        "com.gt",
        "Guatemala",
        True,
    ),
    "PY": (
        "es",
        ["Lorena", "Ñamandú", "Rocío", "Blas", "Fátima", "Cristhian", "Liz", "Osvaldo"],
        ["Benítez Acosta", "Giménez", "Cáceres Duarte", "Villalba", "Ayala", "Riveros"],
        [("Ciudad del Este", "Alto Paraná"), ("Encarnación", "Itapúa"), ("San Lorenzo", "Central"), ("Concepción", "Concepción")],
        ["S.A.", "S.R.L.", "E.A.S."],
        "com.py",
        "Paraguay",
        True,
    ),
}

ROOTS = [
    "Ambertide",
    "Briarcombe",
    "Calderwyn",
    "Dappleford",
    "Eastmoorly",
    "Falconrue",
    "Gannetfield",
    "Heronvale",
    "Inkberry",
    "Juniperhold",
    "Kittiwake Row",
    "Lodestarra",
    "Mistlewood",
    "Nettlecourt",
    "Oakhallow",
    "Pebblemarsh",
    "Quillbrook",
    "Ravensgarth",
    "Saffronbay",
    "Tidewillow",
    "Upperkiln",
    "Vantamere",
    "Willowspur",
    "Yewbarrow",
    "Zinniavale",
    "Saltcairn",
    "Goldfinch Reach",
    "Cobaltine",
]
SECTORS = {
    "en": [
        "Aquaculture",
        "Microfinance",
        "Cold Chain",
        "Diagnostics",
        "Ceramics",
        "Solar Works",
        "Geodata",
        "Insights",
        "Hospitality",
        "Printworks",
    ],
    "es": ["Agroexportadora", "Consultores", "Comercializadora", "Sistemas", "Transportes"],
}
TITLES = {
    "en": [
        "Fleet Coordinator",
        "Regulatory Affairs Specialist",
        "Site Reliability Engineer",
        "Tender Manager",
        "Partner Success Lead",
        "Structural Engineer",
        "Treasury Analyst",
        "Computer Vision Engineer",
        "Hotel Revenue Manager",
        "Occupational Safety Officer",
        "Data Platform Engineer",
        "Compliance Officer",
        "Cloud Support Engineer",
        "Trade Marketing Manager",
        "iOS Developer",
        "Test Automation Engineer",
    ],
    "es": [
        "Analista de crédito",
        "Ingeniera agrónoma",
        "Supervisor de planta",
        "Desarrolladora frontend",
        "Gerente de tienda",
    ],
}
MAIL_DOMAINS = ["pigeonloft", "mailheron", "inkcourier", "postlantern", "wiremoth", "notelark", "sendbramble"]
SCHOOLS = [
    "Eastern Mediterranean Institute of Technology",
    "Indus Valley School of Management",
    "Universidad del Istmo Caribeño",
    "Chao Phraya Institute of Engineering",
    "Lake Zone University College",
    "Carpathian Polytechnic Academy",
]
DEGREES = [
    "BSc Logistics Engineering",
    "MSc Applied Statistics",
    "BBA Accounting",
    "MEng Structural Engineering",
    "BA International Relations",
    "MSc Information Systems",
    "BSc Agronomy",
    "MBA Finance",
]

ROUND6 = Pool(LOCALES, ROOTS, SECTORS, TITLES, MAIL_DOMAINS, SCHOOLS, DEGREES, prefix="y")
