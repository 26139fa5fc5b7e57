"""The people of the eleventh round (the blind round, BLIND_ROUND = 11: committed before anyone
looked at how the extractor reads it, measured once, by the lead, on the final code): ten more
countries no earlier round used, with names, places, employers, titles, schools and mail domains of
their own, none shared with people.py, people_new.py, people_r3.py … people_r10.py or any other
corpus or test (generate.py checks).

Each locale: (language, first names, surnames, [(city, region)], legal forms, mail TLD, country
name as printed, True: each person gets one given name). Zambian, Malawian, Zimbabwean, Bruneian,
Lebanese and Tajik names are written in the Latin letters their owners use on an English résumé;
Moldovan keeps its Romanian commas and breves (ș, ț, ă, â, î), Kosovar its ë and ç, Togolese French
and Salvadoran Spanish their accents. The Togolese résumés are in French (« aujourd'hui »), the
Salvadoran ones in Spanish (« actualidad »).
"""

from __future__ import annotations

from people import Pool

LOCALES: dict[str, tuple] = {
    "ZM": (
        "en",
        ["Mwila", "Chilufya", "Bwalya", "Natasha", "Mutale", "Chanda", "Kabwe", "Thandiwe"],
        ["Mulenga", "Chileshe", "Mwansa", "Kapembwa", "Sichinga", "Musonda"],
        [
            ("Ndola", "Copperbelt Province"),
            ("Kitwe", "Copperbelt Province"),
            ("Livingstone", "Southern Province"),
            ("Chipata", "Eastern Province"),
        ],
        ["Limited", "Ltd", ""],
        "zm",
        "Zambia",
        True,
    ),
    "MD": (
        "en",
        ["Ion", "Doina", "Vasile", "Mariana", "Sergiu", "Ludmila", "Tudor", "Cristina"],
        ["Țurcanu", "Ciobanu", "Rusu", "Bălan", "Munteanu", "Ceban"],
        [
            ("Bălți", "Bălți Municipality"),
            ("Cahul", "Cahul District"),
            ("Orhei", "Orhei District"),
            ("Ungheni", "Ungheni District"),
        ],
        ["SRL", "SA", ""],
        "md",
        "Moldova",
        True,
    ),
    "TJ": (
        "en",
        ["Farrukh", "Madina", "Rustam", "Nigora", "Jamshed", "Zarina", "Behruz", "Sitora"],
        ["Rahimov", "Nazarova", "Saidov", "Karimova", "Davlatov", "Sharipova"],
        [
            ("Khujand", "Sughd Region"),
            ("Kulob", "Khatlon Region"),
            ("Bokhtar", "Khatlon Region"),
            ("Khorugh", "Gorno-Badakhshan"),
        ],
        ["LLC", "OJSC", ""],
        "tj",
        "Tajikistan",
        True,
    ),
    "BN": (
        "en",
        ["Hazirah", "Aziman", "Nurul Ain", "Khairul", "Syazwani", "Hairol", "Amalina", "Rizal"],
        ["Haji Omar", "Abdul Rahman", "Pg Hashim", "Mohd Yusof", "Awang Besar", "Dato Hamid"],
        [("Kuala Belait", "Belait"), ("Seria", "Belait"), ("Tutong", "Tutong"), ("Bangar", "Temburong")],
        ["Sdn Bhd", "Sendirian Berhad", ""],
        "bn",
        "Brunei",
        True,
    ),
    "TG": (
        "fr",
        ["Kossi", "Afi", "Komlan", "Ablavi", "Yao", "Essénam", "Kodjo", "Akouvi"],
        ["Agbodjan", "Kpodar", "Amégan", "Tchalla", "Adjovi", "Sodokpo"],
        [("Sokodé", "Centrale"), ("Kara", "Kara"), ("Kpalimé", "Plateaux"), ("Atakpamé", "Plateaux")],
        ["SARL", "SA", ""],
        "tg",
        "Togo",
        True,
    ),
    "SV": (
        "es",
        ["Óscar", "Marisol", "Nelson", "Yesenia", "Wálter", "Karla", "Efraín", "Rocío"],
        ["Quintanilla", "Alvarenga", "Menjívar", "Portillo", "Ayala Grande", "Cañas"],
        [
            ("Santa Ana", "Santa Ana"),
            ("San Miguel", "San Miguel"),
            ("Sonsonate", "Sonsonate"),
            ("Usulután", "Usulután"),
        ],
        ["S.A. de C.V.", "S. de R.L.", ""],
        "com.sv",
        "El Salvador",
        True,
    ),
    "LB": (
        "en",
        ["Rami", "Maya", "Georges", "Rana", "Ziad", "Nour", "Fadi", "Lara"],
        ["Haddad", "Khoury", "Nassar", "Abi Nader", "Saliba", "Frangieh"],
        [
            ("Tripoli", "North Governorate"),
            ("Sidon", "South Governorate"),
            ("Zahle", "Beqaa"),
            ("Byblos", "Keserwan-Jbeil"),
        ],
        ["SAL", "SARL", ""],
        "com.lb",
        "Lebanon",
        True,
    ),
    "MW": (
        "en",
        ["Chikondi", "Tiwonge", "Kondwani", "Madalitso", "Yamikani", "Thokozani", "Chisomo", "Wezi"],
        ["Banda", "Phiri", "Mhango", "Chirwa", "Kalua", "Nyirenda"],
        [
            ("Blantyre", "Southern Region"),
            ("Mzuzu", "Northern Region"),
            ("Zomba", "Southern Region"),
            ("Mangochi", "Southern Region"),
        ],
        ["Limited", "Ltd", ""],
        "mw",
        "Malawi",
        True,
    ),
    "XK": (
        "en",
        ["Arbër", "Blerta", "Dren", "Mimoza", "Gëzim", "Vjosa", "Ilir", "Drita"],
        ["Krasniqi", "Berisha", "Gashi", "Hoxha", "Rexhepi", "Çitaku"],
        [
            ("Prizren", "District of Prizren"),
            ("Pejë", "District of Peja"),
            ("Gjakovë", "District of Gjakova"),
            ("Ferizaj", "District of Ferizaj"),
        ],
        ["L.L.C.", "Sh.p.k.", ""],
        "net",
        "Kosovo",
        True,
    ),
    "ZW": (
        "en",
        ["Tendai", "Rutendo", "Tatenda", "Nyasha", "Farai", "Chipo", "Tafadzwa", "Rudo"],
        ["Moyo", "Chikomba", "Mutasa", "Ncube", "Makoni", "Dube Sibanda"],
        [
            ("Bulawayo", "Bulawayo Province"),
            ("Mutare", "Manicaland"),
            ("Gweru", "Midlands"),
            ("Masvingo", "Masvingo Province"),
        ],
        ["(Pvt) Ltd", "Limited", ""],
        "co.zw",
        "Zimbabwe",
        True,
    ),
}

ROOTS = [
    "Brackenfall",
    "Cindermoor",
    "Driftholm",
    "Caskadel",
    "Fernwhistle",
    "Glimmerstone",
    "Tinderquay",
    "Ironbloom",
    "Jadeharbor",
    "Kestrelbury",
    "Lumenbrook",
    "Mossgrave",
    "Northquill",
    "Oakenshade",
    "Pebblecourt",
    "Quartzfield",
    "Ravenmoss",
    "Silverbirch Row",
    "Thistlecombe",
    "Underhallow",
    "Velvetridge",
    "Willowmarch",
    "Yarrowfield",
    "Zinniagate",
    "Ashcrown",
    "Gorsewick",
]
SECTORS = {
    "en": [
        "Copper Logistics",
        "Agritech",
        "Microfinance",
        "Water Systems",
        "Telemetry",
        "Tea Estates",
        "Payments",
        "Grid Services",
        "Freight Forwarding",
        "Clinical Research",
    ],
    "fr": ["Transit", "Bâtiment", "Numérique", "Coton Export", "Assurances"],
    "es": ["Textiles", "Asesoría", "Café Exportación", "Microcrédito", "Transporte"],
}
TITLES = {
    "en": [
        "Procurement Officer",
        "Backend Engineer",
        "Credit Risk Analyst",
        "Site Reliability Engineer",
        "Operations Coordinator",
        "Financial Controller",
        "UX Researcher",
        "Machine Learning Engineer",
        "Project Accountant",
        "Network Administrator",
        "Android Developer",
        "Environmental Scientist",
        "Talent Acquisition Specialist",
        "Security Analyst",
        "Biomedical Engineer",
        "Grants Manager",
    ],
    "fr": [
        "Responsable logistique",
        "Analyste financière",
        "Administrateur systèmes",
        "Comptable principale",
        "Chef de chantier",
    ],
    "es": [
        "Gerente de ventas",
        "Analista de sistemas",
        "Coordinadora administrativa",
        "Ingeniero industrial",
        "Auditora interna",
    ],
}
MAIL_DOMAINS = ["swiftmail", "owlpost", "wrenbox", "mailcrane", "lettergull", "postlark", "inboxtern"]
SCHOOLS = [
    "Zambezi Valley University",
    "Dniester State Polytechnic",
    "Pamir Institute of Economics",
    "Borneo Coast College",
    "Université du Golfe de Guinée",
    "Universidad Tecnológica de Cuscatlán",
    "Levant School of Engineering",
]
DEGREES = [
    "BSc Computer Science",
    "MSc Public Health",
    "BCom Accounting",
    "MA International Relations",
    "BEng Electrical Engineering",
    "MBA Operations",
    "BSc Environmental Science",
    "MSc Data Science",
]

ROUND11 = Pool(LOCALES, ROOTS, SECTORS, TITLES, MAIL_DOMAINS, SCHOOLS, DEGREES, prefix="p")
