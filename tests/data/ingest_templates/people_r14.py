"""The people of the fourteenth round (the blind round, BLIND_ROUND = 14: committed before anyone
looked at how the extractor reads it, measured once, by the lead, on the final code): ten more
countries no earlier round used, with names, places, employers, titles, schools and mail domains of
their own, none shared with people.py, people_new.py, people_r3.py … people_r13.py or any other
corpus or test (generate.py checks).

Each locale: (language, first names, surnames, [(city, region)], legal forms, mail TLD, country
name as printed, True: each person gets one given name). Cuban, Angolan and Monegasque names keep
their accents (á, é, ã, ç, è), Turkmen ones their letters (ş, ň, ý, ä, ö, ü); Nigerien, Emirati,
Sierra Leonean, Belizean, Tongan and Burmese names are in the Latin letters their owners use on a
résumé. The Nigerien résumés are in French, the Cuban ones in Spanish.
"""

from __future__ import annotations

from people import Pool

LOCALES: dict[str, tuple] = {
    "NE": (
        "fr",
        ["Issoufou", "Mariama", "Abdourahamane", "Hadiza", "Moussa", "Zeinabou", "Boubacar", "Ramatou"],
        ["Mahamadou Sani", "Garba Idé", "Hamani", "Ousmane Dan Dobi", "Soumana", "Bako Kountché"],
        [("Maradi", "Maradi"), ("Zinder", "Zinder"), ("Tahoua", "Tahoua"), ("Agadez", "Agadez")],
        ["SARL", "SA", ""],
        "ne",
        "Niger",
        True,
    ),
    "CU": (
        "es",
        ["Yoandry", "Yanelis", "Osniel", "Dayamí", "Yasmany", "Arletis", "Lázaro", "Yudith"],
        ["Hechavarría Poll", "Cisneros Baró", "Quintana Ruz", "Despaigne", "Llanes Frómeta", "Echemendía"],
        [
            ("Camagüey", "Camagüey"),
            ("Holguín", "Holguín"),
            ("Cienfuegos", "Cienfuegos"),
            ("Santa Clara", "Villa Clara"),
        ],
        ["S.A.", "S.R.L.", ""],
        "cu",
        "Cuba",
        True,
    ),
    "AE": (
        "en",
        ["Humaid", "Shamma", "Saeed", "Mahra", "Obaid", "Alyazia", "Rashed", "Moza"],
        ["Al Ketbi", "Al Nuaimi", "Bin Huwaidan", "Al Shamsi", "Al Mazrouei", "Lootah"],
        [
            ("Al Ain", "Abu Dhabi"),
            ("Sharjah", "Sharjah"),
            ("Ras Al Khaimah", "Ras Al Khaimah"),
            ("Fujairah", "Fujairah"),
        ],
        ["LLC", "FZE", "PJSC", ""],
        "ae",
        "United Arab Emirates",
        True,
    ),
    "SL": (
        "en",
        ["Alimamy", "Isatu", "Foday", "Kadiatu", "Sahr", "Mabinty", "Ibrahim Tejan", "Fatmata"],
        ["Kargbo", "Sesay-Koroma", "Bangura", "Jalloh Conteh", "Kamara-Taylor", "Fofanah"],
        [
            ("Bo", "Southern Province"),
            ("Kenema", "Eastern Province"),
            ("Makeni", "Northern Province"),
            ("Koidu", "Kono District"),
        ],
        ["Ltd", "(SL) Limited", ""],
        "sl",
        "Sierra Leone",
        True,
    ),
    "BZ": (
        "en",
        ["Delvin", "Shanice", "Marlon", "Kareen", "Orlando", "Shakera", "Estevan", "Nadira"],
        ["Usher-Flowers", "Castillo Ayuso", "Gentle", "Tillett", "Martinez-Pott", "Westby"],
        [
            ("Belmopan", "Cayo District"),
            ("San Ignacio", "Cayo District"),
            ("Orange Walk Town", "Orange Walk District"),
            ("Dangriga", "Stann Creek District"),
        ],
        ["Ltd.", "Limited", ""],
        "bz",
        "Belize",
        True,
    ),
    "TO": (
        "en",
        ["Sione", "Mele", "Tevita", "Lupe", "Viliami", "Salote Pilolevu", "Semisi", "Ofa"],
        ["Fonua", "Tuipulotu", "Havili", "Vaipulu", "Kaufusi", "Lātū"],
        [("Nukuʻalofa", "Tongatapu"), ("Neiafu", "Vavaʻu"), ("Pangai", "Haʻapai"), ("ʻOhonua", "ʻEua")],
        ["Ltd", "Limited", ""],
        "to",
        "Tonga",
        True,
    ),
    "MC": (
        "en",
        ["Ludovic", "Hélène", "Thibault", "Cécile", "Grégoire", "Maëlle", "Aurélien", "Solène"],
        ["Médecin", "Boisson", "Crovetto", "Giraldi-Pastor", "Notari", "Lorenzi"],
        [
            ("Monaco", "Monte-Carlo"),
            ("Monaco", "La Condamine"),
            ("Monaco", "Fontvieille"),
            ("Monaco", "Moneghetti"),
        ],
        ["SAM", "SARL", ""],
        "mc",
        "Monaco",
        True,
    ),
    "AO": (
        "en",
        ["Adérito", "Lucrécia", "Nelito", "Eunice", "Ginga", "Esperança", "Manuel João", "Wilma"],
        ["Kiala", "Sebastião Neto", "Bumba", "Dos Santos Muatxissengue", "Cassoma", "Vunge"],
        [("Huambo", "Huambo"), ("Lubango", "Huíla"), ("Benguela", "Benguela"), ("Malanje", "Malanje")],
        ["Lda", "SA", ""],
        "co.ao",
        "Angola",
        True,
    ),
    "TM": (
        "en",
        ["Merdan", "Aýna", "Serdar", "Jeren", "Döwlet", "Maýsa", "Şatlyk", "Gülälek"],
        ["Annaýew", "Berdiýewa", "Garaýew", "Öwezowa", "Nurmuhammedow", "Şirmedowa"],
        [
            ("Mary", "Mary Province"),
            ("Türkmenabat", "Lebap Province"),
            ("Daşoguz", "Daşoguz Province"),
            ("Balkanabat", "Balkan Province"),
        ],
        ["HJ", "", ""],
        "tm",
        "Turkmenistan",
        True,
    ),
    "MM": (
        "en",
        ["Thiha", "Ei Mon", "Zaw Lin", "Nandar", "Kyaw Zin", "Thinzar", "Htet Aung", "Su Myat"],
        ["Hlaing", "Oo", "Tun", "Phyo", "Win Naing", "Khaing"],
        [
            ("Mandalay", "Mandalay Region"),
            ("Mawlamyine", "Mon State"),
            ("Taunggyi", "Shan State"),
            ("Pathein", "Ayeyarwady Region"),
        ],
        ["Co., Ltd.", "Company Limited", ""],
        "com.mm",
        "Myanmar",
        True,
    ),
}

ROOTS = [
    "Acaciavale",
    "Baobrine",
    "Cinderwharf",
    "Dunlinvale",
    "Emberquill",
    "Frondmere",
    "Gannetshaw",
    "Hoopoeridge",
    "Indigoreach",
    "Juniperlyn",
    "Kittiwake Crest",
    "Loquatmoor",
    "Mangrovia",
    "Nettlehaven",
    "Oreganda",
    "Palmerstoke",
    "Quillwater Bay",
    "Ravensallow",
    "Saffronet",
    "Tamarisque",
    "Upmarrow",
    "Verbenhall",
    "Whimbrelton",
    "Yellowfinch",
    "Zephyrlane",
]
SECTORS = {
    "en": [
        "Solar Systems",
        "Cold Chain",
        "Port Services",
        "Mining Contractors",
        "Cement Works",
        "Airport Handling",
        "Seafood Exports",
        "Insurance Brokers",
        "Logistics Hub",
        "Clinical Labs",
    ],
    "fr": ["Uranium Services", "Transports Sahéliens", "Ingénierie", "Microcrédit", "Télécom"],
    "es": ["Azucarera", "Biotecnología", "Turismo", "Tabacalera", "Energía Renovable"],
}
TITLES = {
    "en": [
        "Supply Chain Analyst",
        "Frontend Developer",
        "Treasury Officer",
        "Platform Engineer",
        "Compliance Officer",
        "Hydrologist",
        "Product Designer",
        "Data Engineer",
        "Fleet Manager",
        "Systems Administrator",
        "iOS Developer",
        "Mining Engineer",
        "HR Business Partner",
        "Penetration Tester",
        "Programme Officer",
        "Quality Assurance Manager",
    ],
    "fr": [
        "Chef de projet informatique",
        "Ingénieure des mines",
        "Contrôleur de gestion",
        "Responsable des achats",
        "Chargé de communication",
    ],
    "es": [
        "Especialista en ciberseguridad",
        "Ingeniera química",
        "Gestor comercial",
        "Desarrolladora web",
        "Jefe de mantenimiento",
    ],
}
MAIL_DOMAINS = ["herondrop", "mailwren", "kestrelbox", "postcurlew", "sendplover", "loonletter", "ternmail"]
SCHOOLS = [
    "Sahel Polytechnic Institute",
    "Universidad de las Antillas Mayores",
    "Gulf Coast University of Technology",
    "Freetown Bay College",
    "Caribbean Mainland University",
    "South Pacific Institute of Commerce",
    "Riviera School of Management",
    "Irrawaddy Technological University",
]
DEGREES = [
    "BSc Information Systems",
    "MSc Mining Engineering",
    "BCom Finance",
    "MA Development Studies",
    "BEng Civil Engineering",
    "MSc Statistics",
    "BSc Environmental Science",
    "MBA Supply Chain",
]

ROUND14 = Pool(LOCALES, ROOTS, SECTORS, TITLES, MAIL_DOMAINS, SCHOOLS, DEGREES, prefix="m")
