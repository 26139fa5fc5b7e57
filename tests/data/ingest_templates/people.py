"""Made-up people for the template corpus: names, employers and places drawn fresh here, in a dozen
countries and languages, none taken from the other corpora or the unit tests (generate.py checks).

Deterministic: the same seed gives the same people. Phone numbers are drawn at random and kept
only when `phonenumbers` says they are valid for the country; they are then written the way that
country writes them (national or international format, at random).
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, field

import phonenumbers

# country: (language, first names, surnames, [(city, region)], legal forms, mail TLD)
LOCALES: dict[str, tuple] = {
    "PL": (
        "pl",
        ["Zofia", "Bożena", "Jadwiga", "Ignacy", "Wiesław", "Łucja", "Mirosław", "Halina"],
        ["Wrześniewska", "Kołodziejczyk", "Pietrzykowski", "Źdebło", "Grabarczyk", "Mądrawska"],
        [
            ("Kraków", "Małopolskie"),
            ("Łódź", "Łódzkie"),
            ("Bydgoszcz", "Kujawsko-Pomorskie"),
            ("Rzeszów", "Podkarpackie"),
        ],
        ["sp. z o.o.", "S.A.", ""],
        "pl",
    ),
    "FR": (
        "fr",
        ["Solène", "Baptiste", "Maëlys", "Gaëtan", "Léonie", "Anatole", "Céleste", "Évariste"],
        ["Bellegarde", "Fauconnier", "Desrosiers", "Lefébure", "Chastagner", "Vautrin"],
        [
            ("Besançon", "Bourgogne-Franche-Comté"),
            ("Orléans", "Centre-Val de Loire"),
            ("Clermont-Ferrand", "Auvergne-Rhône-Alpes"),
            ("Angers", "Pays de la Loire"),
        ],
        ["SARL", "SAS", ""],
        "fr",
    ),
    "DE": (
        "de",
        ["Henrike", "Jördis", "Malte", "Wiebke", "Ottokar", "Rüdiger", "Lioba", "Jannes"],
        ["Brückner", "Oberdörfer", "Kesselring", "Straßburger", "Wendehals", "Gräfenstein"],
        [
            ("Düsseldorf", "Nordrhein-Westfalen"),
            ("Würzburg", "Bayern"),
            ("Göttingen", "Niedersachsen"),
            ("Lüneburg", "Niedersachsen"),
        ],
        ["GmbH", "AG", "GmbH & Co. KG"],
        "de",
    ),
    "ES": (
        "es",
        ["Inmaculada", "Íñigo", "Begoña", "Fermín", "Araceli", "Nicanor", "Maite", "Rocío"],
        ["Echeverría", "Valdelomar", "Zubiaurre", "Castañeda", "Olmedilla", "Peñalver"],
        [
            ("Córdoba", "Andalucía"),
            ("Logroño", "La Rioja"),
            ("Cáceres", "Extremadura"),
            ("San Sebastián", "País Vasco"),
        ],
        ["S.L.", "S.A.", ""],
        "es",
    ),
    "BR": (
        "pt",
        ["Conceição", "Joaquim", "Iracema", "Thiago", "Lucélia", "Adriano", "Glória", "Ubiratan"],
        ["Albuquerque", "Figueiredo", "Magalhães", "Assunção", "Vasconcelos", "Brandão"],
        [("Florianópolis", "SC"), ("Belém", "PA"), ("São Luís", "MA"), ("Ribeirão Preto", "SP")],
        ["Ltda.", "S.A.", ""],
        "br",
    ),
    "IT": (
        "it",
        ["Ludovica", "Tancredi", "Benedetta", "Ottavio", "Ginevra", "Ruggero", "Ilaria", "Fiorenzo"],
        ["Campanella", "Scarpellini", "Bonaccorsi", "Tagliaferri", "Morandini", "Zanichelli"],
        [
            ("Perugia", "Umbria"),
            ("Trieste", "Friuli-Venezia Giulia"),
            ("Lecce", "Puglia"),
            ("Forlì", "Emilia-Romagna"),
        ],
        ["S.r.l.", "S.p.A.", ""],
        "it",
    ),
    "NL": (
        "nl",
        ["Femke", "Joris", "Sjoukje", "Maarten", "Liesbeth", "Teun", "Annelies", "Wouter"],
        ["van Dorsselaer", "Hoogendijk", "de Wildt", "Kruijsen", "Verbruggen", "ter Horst"],
        [
            ("Zwolle", "Overijssel"),
            ("Leeuwarden", "Friesland"),
            ("Enschede", "Overijssel"),
            ("Delft", "Zuid-Holland"),
        ],
        ["B.V.", "N.V.", ""],
        "nl",
    ),
    "SE": (
        "sv",
        ["Ylva", "Torbjörn", "Märta", "Åsa", "Gunnar", "Linnéa", "Östen", "Ebba"],
        ["Sjöberg", "Lindqvist", "Ågren", "Hällström", "Björkman", "Nyqvist"],
        [
            ("Göteborg", "Västra Götaland"),
            ("Umeå", "Västerbotten"),
            ("Linköping", "Östergötland"),
            ("Västerås", "Västmanland"),
        ],
        ["AB", ""],
        "se",
    ),
    "CZ": (
        "cs",
        ["Radka", "Bohumil", "Kateřina", "Vojtěch", "Zdeňka", "Přemysl", "Libuše", "Jiří"],
        ["Dvořáková", "Šťastný", "Kučerová", "Procházka", "Hrubešová", "Řezníček"],
        [
            ("Plzeň", "Plzeňský kraj"),
            ("Olomouc", "Olomoucký kraj"),
            ("Hradec Králové", "Královéhradecký kraj"),
            ("Ostrava", "Moravskoslezský kraj"),
        ],
        ["s.r.o.", "a.s.", ""],
        "cz",
    ),
    "TR": (
        "tr",
        ["Gülşen", "Oğuz", "Şebnem", "Çağrı", "İpek", "Tuğrul", "Ayşegül", "Doğan"],
        ["Karabağlı", "Öztürkmen", "Yıldırımcı", "Çelikkol", "Eskişehirli", "Güngördü"],
        [("İzmir", "Ege"), ("Eskişehir", "İç Anadolu"), ("Bursa", "Marmara"), ("Antalya", "Akdeniz")],
        ["A.Ş.", "Ltd. Şti.", ""],
        "com.tr",
    ),
    "US": (
        "en",
        ["Marisol", "Dashiell", "Temperance", "Lowell", "Yesenia", "Harlan", "Corinne", "Tobiah"],
        ["Okonkwo-Reyes", "Vanderslice", "Bramhall", "Castellanos", "Whitcombe", "Delacroix-Hunt"],
        [("Spokane", "WA"), ("Chattanooga", "TN"), ("Albuquerque", "NM"), ("Fort Collins", "CO")],
        ["Inc.", "LLC", ""],
        "com",
    ),
    "GB": (
        "en",
        ["Imogen", "Rhodri", "Philippa", "Ewan", "Saoirse", "Crispin", "Niamh", "Alistair"],
        ["Featherstonehaugh", "Llewellyn", "Ashworth", "MacAulay", "Pennington", "Thistlewood"],
        [
            ("Shrewsbury", "Shropshire"),
            ("Aberystwyth", "Ceredigion"),
            ("Inverness", "Highland"),
            ("Norwich", "Norfolk"),
        ],
        ["Ltd", "plc", ""],
        "co.uk",
    ),
    "IN": (
        "en",
        [
            "Vaishnavi",
            "Harshvardhan",
            "Meenakshi",
            "Siddharth",
            "Ananya",
            "Raghunandan",
            "Ishita",
            "Devendra",
        ],
        ["Venkataraman", "Bhattacharjee", "Kulkarni", "Raghavendran", "Chatterjee", "Deshpande"],
        [
            ("Thiruvananthapuram", "Kerala"),
            ("Visakhapatnam", "Andhra Pradesh"),
            ("Coimbatore", "Tamil Nadu"),
            ("Indore", "Madhya Pradesh"),
        ],
        ["Pvt. Ltd.", "Ltd.", ""],
        "in",
    ),
    "ZA": (
        "en",
        ["Nomvula", "Thabiso", "Lindiwe", "Sipho", "Zanele", "Mpho", "Ayanda", "Kagiso"],
        ["Mahlangu", "Dlamini-Botha", "Nkwinika", "Sebothoma", "Mabuza", "Ramaphakela"],
        [
            ("Gqeberha", "Eastern Cape"),
            ("Polokwane", "Limpopo"),
            ("Bloemfontein", "Free State"),
            ("Stellenbosch", "Western Cape"),
        ],
        ["(Pty) Ltd", ""],
        "co.za",
    ),
    "MX": (
        "es",
        ["Xóchitl", "Citlali", "Eréndira", "Cuauhtémoc", "Itzel", "Nezahualcóyotl", "Yareli", "Tonatiuh"],
        ["Ramírez Tlatelpa", "Huitrón", "Covarrubias", "Zamudio", "Ixtlahuac", "Bañuelos"],
        [("Querétaro", "Qro."), ("Mérida", "Yucatán"), ("Morelia", "Michoacán"), ("Puebla", "Pue.")],
        ["S.A. de C.V.", ""],
        "mx",
    ),
    "NO": (
        "nb",
        ["Solveig", "Håkon", "Ingrid", "Øystein", "Sigrun", "Bjørnar", "Tuva", "Eirik"],
        ["Haugland", "Skjærvø", "Brekkestø", "Aasheim", "Fjeldstad", "Løvås"],
        [("Tromsø", "Troms"), ("Ålesund", "Møre og Romsdal"), ("Bodø", "Nordland"), ("Drammen", "Buskerud")],
        ["AS", "ASA", ""],
        "no",
    ),
}

ROOTS = [
    "Brenmoor",
    "Quillmark",
    "Veltrano",
    "Larkspur",
    "Oakhollow",
    "Ferrowind",
    "Silverpine",
    "Cobaltis",
    "Marlowe",
    "Tidewell",
    "Ambergate",
    "Velloraq",
    "Kestrelon",
    "Halcyra",
    "Quantaline",
    "Sundara",
    "Vireo",
    "Basaltia",
    "Corvina",
    "Meridiana",
    "Ostrava Lane",
    "Zephyrin",
    "Granitex",
    "Lumivale",
    "Orchidea",
    "Stellaris",
    "Fjordvik",
    "Palomar",
    "Riverstead",
    "Hollowmere",
    "Ironbark",
    "Caldera",
]
SECTORS = {
    "en": [
        "Analytics",
        "Freight",
        "Health",
        "Robotics",
        "Foods",
        "Energy",
        "Software",
        "Logistics",
        "Labs",
        "Media",
    ],
    "pl": ["Logistyka", "Systemy", "Energia", "Analityka", "Budownictwo"],
    "fr": ["Conseil", "Énergie", "Logiciels", "Transports", "Santé"],
    "de": ["Maschinenbau", "Logistik", "Software", "Energietechnik", "Medizintechnik"],
    "es": ["Consultores", "Energía", "Logística", "Alimentos", "Tecnologías"],
    "pt": ["Engenharia", "Logística", "Tecnologia", "Alimentos", "Saúde"],
    "it": ["Ingegneria", "Logistica", "Software", "Alimentari", "Energia"],
    "nl": ["Techniek", "Logistiek", "Software", "Zorg", "Energie"],
    "sv": ["Teknik", "Logistik", "Energi", "Data", "Bygg"],
    "cs": ["Strojírny", "Logistika", "Software", "Energie", "Stavby"],
    "tr": ["Mühendislik", "Lojistik", "Yazılım", "Enerji", "Gıda"],
    "nb": ["Havbruk", "Logistikk", "Energi", "Teknologi", "Bygg"],
}
TITLES = {
    "en": [
        "Senior Data Engineer",
        "Product Designer",
        "Clinical Pharmacist",
        "Logistics Coordinator",
        "Mechanical Design Engineer",
        "UX Researcher",
        "Site Reliability Engineer",
        "Financial Analyst",
        "Marketing Manager",
        "Quality Assurance Lead",
        "Backend Developer",
        "Operations Manager",
        "Research Scientist",
        "Account Executive",
        "HR Business Partner",
        "Supply Chain Analyst",
    ],
    "pl": ["Inżynier danych", "Księgowa", "Kierownik projektu", "Programista Java", "Analityk biznesowy"],
    "fr": [
        "Ingénieure logiciel",
        "Chef de projet digital",
        "Responsable logistique",
        "Développeur full-stack",
        "Chargée de communication",
    ],
    "de": [
        "Softwareentwicklerin",
        "Projektleiter",
        "Vertriebsingenieur",
        "Teamleiterin Buchhaltung",
        "Entwicklungsingenieur",
    ],
    "es": [
        "Ingeniera de datos",
        "Jefe de proyecto",
        "Analista financiero",
        "Desarrolladora web",
        "Responsable de compras",
    ],
    "pt": [
        "Engenheira de software",
        "Analista de sistemas",
        "Gerente de projetos",
        "Coordenador de logística",
        "Desenvolvedor backend",
    ],
    "it": [
        "Ingegnere meccanico",
        "Sviluppatrice software",
        "Responsabile acquisti",
        "Analista dati",
        "Project manager",
    ],
    "nl": ["Software-ontwikkelaar", "Projectleider", "Verpleegkundige", "Data-analist", "Accountmanager"],
    "sv": ["Systemutvecklare", "Projektledare", "Controller", "Produktägare", "Nätverkstekniker"],
    "cs": ["Vývojář software", "Projektová manažerka", "Účetní", "Analytik dat", "Konstruktér"],
    "tr": ["Yazılım Mühendisi", "Proje Yöneticisi", "Satış Uzmanı", "Veri Analisti", "Muhasebe Uzmanı"],
    "nb": ["Systemutvikler", "Prosjektleder", "Sykepleier", "Dataanalytiker", "Regnskapsfører"],
}
MAIL_DOMAINS = ["postkolibri", "mailbrook", "inboxly", "letterhaven", "quillpost", "kontaktwerk", "briefbox"]
SCHOOLS = [
    "University of the Northern Coast",
    "Lakeland Polytechnic",
    "Institute of Applied Sciences Rivermouth",
    "Hochschule Talbrücke",
    "Université de la Vallée",
    "Universidad del Altiplano",
    "Politecnico di Valverde",
]
DEGREES = [
    "BSc Computer Science",
    "MSc Industrial Engineering",
    "BA Economics",
    "MBA Business Administration",
    "BEng Mechanical Engineering",
    "MSc Data Science",
    "BSc Nursing",
    "MA Communication",
]
SKILLS = [
    "Python",
    "SQL",
    "Excel",
    "SAP",
    "Figma",
    "Kubernetes",
    "Tableau",
    "AutoCAD",
    "Scrum",
    "Java",
    "Power BI",
    "Negotiation",
    "Salesforce",
    "Terraform",
    "React",
    "Lean Six Sigma",
]
HIGHLIGHTS = [
    "Cut month-end close from nine days to four",
    "Led a team of six across two sites",
    "Rolled out a new ordering process to 40 stores",
    "Reduced cloud spend by 28% in one year",
    "Introduced weekly releases and automated regression tests",
    "Negotiated supplier contracts worth 3.2 million",
    "Mentored four junior colleagues",
    "Built the reporting used by the executive team",
]


@dataclass
class Job:
    company: str
    title: str
    start: tuple[int, int]
    end: tuple[int, int] | None  # None: ongoing
    city: str
    highlights: list[str]


@dataclass
class Person:
    pid: str
    country: str
    language: str
    first: str
    last: str
    email: str
    phone_display: str
    phone_e164: str
    city: str
    region: str
    street: str
    postcode: str
    label: str
    jobs: list[Job]
    degree: str
    school: str
    school_years: tuple[int, int]
    skills: list[str]
    links: dict[str, str] = field(default_factory=dict)
    summary: str = ""
    country_name: str = ""  # printed by some families ("Tampere, Finland"); "" where none does

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def current(self) -> Job:
        return self.jobs[0]


def fold(text: str) -> str:
    text = text.replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("Ø", "O").replace("ß", "ss")
    text = text.replace("ı", "i").replace("æ", "ae").replace("đ", "d").replace("Đ", "D")
    text = text.replace("þ", "th").replace("Þ", "Th").replace("ð", "d").replace("Ð", "D")
    text = text.replace("ə", "e").replace("Ə", "E")  # Azerbaijani schwa (round 8): no decomposition
    text = text.replace("ʻ", "")  # the Samoan ʻokina (round 13): a letter no mail address or handle holds
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _phone(rng: random.Random, country: str) -> tuple[str, str]:
    region = country
    example = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
    national = str(example.national_number)
    for _ in range(5000):
        digits = national[:2] + "".join(rng.choice("0123456789") for _ in range(len(national) - 2))
        num = phonenumbers.parse("+" + str(example.country_code) + digits)
        if phonenumbers.is_valid_number(num) and phonenumbers.region_code_for_number(num) == region:
            fmt = rng.choice(
                [phonenumbers.PhoneNumberFormat.INTERNATIONAL, phonenumbers.PhoneNumberFormat.NATIONAL]
            )
            if country not in {"US", "GB"} and rng.random() < 0.6:
                fmt = phonenumbers.PhoneNumberFormat.INTERNATIONAL
            return phonenumbers.format_number(num, fmt), phonenumbers.format_number(
                num, phonenumbers.PhoneNumberFormat.E164
            )
    raise RuntimeError(country)


@dataclass(frozen=True)
class Pool:
    """The tables one generation of people is drawn from. Each later round of unseen families
    gets a pool of its own (people_new.py), so no name, place or employer carries over."""

    locales: dict[str, tuple]
    roots: list[str]
    sectors: dict[str, list[str]]
    titles: dict[str, list[str]]
    mail_domains: list[str]
    schools: list[str]
    degrees: list[str]
    prefix: str = "t"


def _company(rng: random.Random, lang: str, legal: list[str], used: set[str], pool: Pool) -> str:
    while True:
        root = rng.choice(pool.roots)
        shape = rng.random()
        sector = rng.choice(pool.sectors.get(lang, pool.sectors["en"]))
        if shape < 0.25:
            name = root  # a bare coined name, as many employers are
        elif shape < 0.5 and lang != "en":
            name = f"{root} {rng.choice(pool.sectors['en'])}"
        else:
            name = f"{root} {sector}"
        form = rng.choice(legal)
        if form and rng.random() < 0.6:
            # A form ending in a space goes first (Indonesia's "PT Name"); no earlier pool has one.
            name = f"{form}{name}" if form.endswith(" ") else f"{name} {form}"
        if name not in used:
            used.add(name)
            return name


def make_people(n: int, seed: int = 14, pool: Pool | None = None) -> list[Person]:
    pool = pool or TUNED
    rng = random.Random(seed)
    countries = list(pool.locales)
    people: list[Person] = []
    used_names: set[str] = set()
    used_companies: set[str] = set()
    for i in range(n):
        country = countries[i % len(countries)]
        lang, firsts, lasts, cities, legal, tld = pool.locales[country][:6]
        while True:
            first, last = rng.choice(firsts), rng.choice(lasts)
            # A locale whose "first names" are a family and middle name (flag at index 7) gets no
            # second one; the draw is made all the same, so earlier pools give the same people.
            if rng.random() < 0.2 and not (len(pool.locales[country]) > 7 and pool.locales[country][7]):
                first = f"{first} {rng.choice([f for f in firsts if f != first])}"
            if f"{first} {last}" not in used_names:
                used_names.add(f"{first} {last}")
                break
        city, region = rng.choice(cities)
        f, l_ = fold(first.split()[0]).lower(), fold(last).lower().replace(" ", "")
        local = rng.choice(
            [
                f"{f}.{l_}",
                f"{f[0]}{l_}",
                f"{f}{l_}",
                f"{f}_{l_}",
                f"{l_}.{f}",
                f"{f}-{l_}{rng.randint(2, 99)}",
            ]
        )
        domain = rng.choice(pool.mail_domains) + "." + rng.choice([tld, tld, "com", "net", "email"])
        phone_display, phone_e164 = _phone(rng, country)
        year = 2025
        jobs: list[Job] = []
        n_jobs = rng.randint(2, 4)
        end: tuple[int, int] | None = (
            None if rng.random() < 0.85 else (year - rng.randint(0, 1), rng.randint(1, 12))
        )
        titles = pool.titles[lang] if lang in pool.titles else pool.titles["en"]
        picks = rng.sample(titles, min(len(titles), n_jobs))
        picks += rng.sample([t for t in pool.titles["en"] if t not in picks], n_jobs)
        for k in range(n_jobs):
            length = rng.randint(14, 60)
            stop = end or (year, 6)
            start_m = stop[0] * 12 + stop[1] - 1 - length
            start = (start_m // 12, start_m % 12 + 1)
            jobs.append(
                Job(
                    company=_company(rng, lang, legal, used_companies, pool),
                    title=picks[k] if rng.random() < 0.75 else picks[-1 - k],
                    start=start,
                    end=end if k else end,
                    city=rng.choice(cities)[0],
                    highlights=rng.sample(HIGHLIGHTS, rng.randint(2, 3)),
                )
            )
            prev_m = start_m - rng.randint(1, 4)
            end = (prev_m // 12, prev_m % 12 + 1)
        for k in range(1, len(jobs)):
            jobs[k].end = jobs[k].end or (jobs[k].start[0] + 1, jobs[k].start[1])
        school_end = jobs[-1].start[0] - rng.randint(0, 1)
        handle = fold(f"{first.split()[0][0]}{last}").lower().replace(" ", "")
        links = {"linkedin": f"https://www.linkedin.com/in/{handle}-{rng.randint(10, 999)}"}
        if rng.random() < 0.5:
            links["github"] = f"https://github.com/{handle}{rng.randint(1, 99)}"
        if rng.random() < 0.3:
            links["site"] = f"https://{handle}.{rng.choice(['dev', 'me', 'io'])}"
        people.append(
            Person(
                pid=f"{pool.prefix}{i:03d}",
                country=country,
                language=lang,
                first=first,
                last=last,
                email=f"{local}@{domain}",
                phone_display=phone_display,
                phone_e164=phone_e164,
                city=city,
                region=region,
                street=f"{rng.choice(['Rua', 'Via', 'ul.', 'Calle', '', ''])} {rng.choice(pool.roots).split()[0]} {rng.randint(2, 180)}".strip(),
                postcode=str(rng.randint(10000, 99999)),
                label=jobs[0].title,
                jobs=jobs,
                degree=rng.choice(pool.degrees),
                school=rng.choice(pool.schools),
                school_years=(school_end - rng.randint(3, 5), school_end),
                skills=rng.sample(SKILLS, rng.randint(5, 8)),
                links=links,
                summary=f"{jobs[0].title} with {rng.randint(4, 15)} years of experience in {rng.choice(['logistics', 'healthcare', 'fintech', 'manufacturing', 'retail', 'public services'])}. "
                "Known for calm delivery, clear writing and teams that stay.",
                country_name=pool.locales[country][6] if len(pool.locales[country]) > 6 else "",
            )
        )
    return people


TUNED = Pool(LOCALES, ROOTS, SECTORS, TITLES, MAIL_DOMAINS, SCHOOLS, DEGREES)
