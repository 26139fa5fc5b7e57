"""Synthetic candidates for the ingestion corpus (seeded, so the corpus is reproducible).

Used only by generate_corpus.py; the extractor never sees this module.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

import phonenumbers

# country code -> (first names, last names, locations, email domains, phone patterns)
# A phone pattern is (national|intl, format) where D is a random digit; numbers that
# phonenumbers does not consider valid are re-rolled.
COUNTRIES = {
    "US": {
        "first": [
            "Emily",
            "Marcus",
            "Aaliyah",
            "Connor",
            "Jasmine",
            "Tyler",
            "Brianna",
            "DeShawn",
            "Mei",
            "Ryan",
        ],
        "last": ["Johnson", "O'Neill", "Washington", "Nguyen", "Rodriguez", "McAllister", "Kim", "Patterson"],
        "loc": [
            "Austin, TX",
            "Seattle, WA",
            "Brooklyn, NY",
            "San Francisco, CA",
            "Chicago, IL",
            "Denver, CO",
            "Boston, MA",
        ],
        "mail": ["gmail.com", "outlook.com", "yahoo.com", "proton.me", "icloud.com"],
        "phones": [
            ("nat", "(AXX) XXX-XXXX"),
            ("nat", "AXX-XXX-XXXX"),
            ("nat", "AXX.XXX.XXXX"),
            ("intl", "+1 AXX XXX XXXX"),
            ("intl", "+1 (AXX) XXX-XXXX"),
            ("nat", "1-AXX-XXX-XXXX"),
        ],
        "area": ["415", "212", "646", "312", "512", "206", "617", "303", "720", "404"],
    },
    "GB": {
        "first": ["Oliver", "Siobhán", "Amelia", "Rhys", "Priyanka", "Callum", "Eleanor"],
        "last": ["Whitfield", "O'Connor", "Ahmed", "Llewellyn", "Fairbairn", "Okafor"],
        "loc": ["London, UK", "Manchester, United Kingdom", "Edinburgh, Scotland, UK", "Bristol, England"],
        "mail": ["gmail.com", "btinternet.com", "outlook.co.uk", "hotmail.co.uk"],
        "phones": [
            ("nat", "07XXX XXXXXX"),
            ("intl", "+44 7XXX XXXXXX"),
            ("nat", "020 7XXX XXXX"),
            ("intl", "+44 (0)20 7XXX XXXX"),
            ("intl", "+44 161 XXX XXXX"),
        ],
    },
    "DE": {
        "first": ["Jürgen", "Lena", "Maximilian", "Zoë", "Björn", "Anneliese", "Lukas"],
        "last": ["Müller", "Schröder", "Weiß", "Hoffmann-Krause", "Groß", "Bäcker"],
        "loc": [
            "Berlin, Germany",
            "München, Deutschland",
            "Hamburg, Germany",
            "Köln, Germany",
            "Frankfurt am Main, Germany",
        ],
        "mail": ["gmx.de", "web.de", "posteo.de", "gmail.com", "t-online.de"],
        "phones": [
            ("nat", "0151 XXXXXXXX"),
            ("intl", "+49 151 XXXXXXXX"),
            ("nat", "030 XXXXXXXX"),
            ("intl", "+49 (0)30 XXXXXXX"),
            ("nat", "0176 XXXX XXXX"),
            ("intl", "+49 89 XXXXXXXX"),
        ],
    },
    "FR": {
        "first": ["François", "Émilie", "Théo", "Chloé", "Benoît", "Hélène", "Jérôme"],
        "last": ["Dupont", "Lefèvre", "Girard", "Chevalier", "Rousseau-Bénard", "Moreau"],
        "loc": ["Paris, France", "Lyon, France", "Toulouse, France", "Nantes, France"],
        "mail": ["orange.fr", "free.fr", "gmail.com", "laposte.net"],
        "phones": [
            ("nat", "06 XX XX XX XX"),
            ("intl", "+33 6 XX XX XX XX"),
            ("nat", "01 XX XX XX XX"),
            ("intl", "+33 (0)1 XX XX XX XX"),
            ("nat", "07.XX.XX.XX.XX"),
        ],
    },
    "IN": {
        "first": ["Priya", "Arjun", "Ananya", "Vikram", "Lakshmi", "Rohan", "Sneha"],
        "last": ["Raghunathan", "Sharma", "Iyer", "Banerjee", "Reddy", "Kulkarni"],
        "loc": [
            "Bengaluru, India",
            "Pune, Maharashtra, India",
            "Hyderabad, India",
            "Chennai, Tamil Nadu, India",
        ],
        "mail": ["gmail.com", "yahoo.co.in", "rediffmail.com", "outlook.in"],
        "phones": [
            ("intl", "+91 9XXXX XXXXX"),
            ("intl", "+91-9XXXXXXXXX"),
            ("nat", "09XXXX XXXXX"),
            ("nat", "9XXXX XXXXX"),
            ("intl", "+91 8XXXX XXXXX"),
        ],
    },
    "BR": {
        "first": ["João", "Ana Beatriz", "Thiago", "Luísa", "Gonçalo", "Camila"],
        "last": ["Silva", "Conceição", "Araújo", "Gonçalves", "Magalhães", "Pereira"],
        "loc": [
            "São Paulo, SP, Brazil",
            "Rio de Janeiro, Brasil",
            "Belo Horizonte, MG, Brazil",
            "Curitiba, Brazil",
        ],
        "mail": ["gmail.com", "uol.com.br", "hotmail.com", "bol.com.br"],
        "phones": [
            ("intl", "+55 11 9XXXX-XXXX"),
            ("nat", "(11) 9XXXX-XXXX"),
            ("intl", "+55 (21) 9XXXX-XXXX"),
            ("nat", "(31) 9XXXX-XXXX"),
        ],
    },
    "AU": {
        "first": ["Liam", "Charlotte", "Mia", "Jack", "Harper", "Kai"],
        "last": ["Thompson", "Nguyen", "MacKenzie", "Walker", "Papadopoulos", "Tran"],
        "loc": [
            "Sydney NSW, Australia",
            "Melbourne, VIC, Australia",
            "Brisbane, Australia",
            "Perth WA, Australia",
        ],
        "mail": ["gmail.com", "bigpond.com", "outlook.com.au", "icloud.com"],
        "phones": [
            ("nat", "04XX XXX XXX"),
            ("intl", "+61 4XX XXX XXX"),
            ("nat", "(02) 9XXX XXXX"),
            ("intl", "+61 2 9XXX XXXX"),
            ("intl", "+61 (0)4XX XXX XXX"),
        ],
    },
    "ES": {
        "first": ["Ana María", "Javier", "Lucía", "Íñigo", "Núria"],
        "last": ["Pérez", "García-Márquez", "Fernández", "Muñoz", "Castaño"],
        "loc": ["Madrid, Spain", "Barcelona, España", "Valencia, Spain"],
        "mail": ["gmail.com", "telefonica.es", "hotmail.es"],
        "phones": [("intl", "+34 6XX XXX XXX"), ("nat", "6XX XX XX XX"), ("intl", "+34 91 XXX XX XX")],
    },
    "NL": {
        "first": ["Daan", "Sanne", "Joris", "Fenna"],
        "last": ["de Vries", "van den Berg", "Janssen", "Bakker"],
        "loc": ["Amsterdam, Netherlands", "Utrecht, The Netherlands", "Rotterdam, NL"],
        "mail": ["gmail.com", "ziggo.nl", "kpnmail.nl"],
        "phones": [("intl", "+31 6 XXXXXXXX"), ("nat", "06-XXXXXXXX"), ("intl", "+31 (0)20 XXX XXXX")],
    },
    "PL": {
        "first": ["Łukasz", "Małgorzata", "Paweł", "Agnieszka"],
        "last": ["Kowalski", "Wiśniewska", "Dąbrowski", "Zieliński"],
        "loc": ["Warszawa, Poland", "Kraków, Poland", "Wrocław, Polska"],
        "mail": ["wp.pl", "gmail.com", "onet.pl"],
        "phones": [("intl", "+48 5XX XXX XXX"), ("nat", "6XX XXX XXX"), ("intl", "+48 22 XXX XX XX")],
    },
    "SE": {
        "first": ["Øyvind", "Linnéa", "Åsa", "Erik"],
        "last": ["Lindqvist", "Söderberg", "Åkesson", "Håkansson"],
        "loc": ["Stockholm, Sweden", "Göteborg, Sweden", "Malmö, Sverige"],
        "mail": ["gmail.com", "telia.se", "outlook.com"],
        "phones": [("intl", "+46 70 XXX XX XX"), ("nat", "070-XXX XX XX"), ("intl", "+46 8 XXX XXX XX")],
    },
    "CA": {
        "first": ["Gabrielle", "Nathan", "Amélie", "Harpreet"],
        "last": ["Tremblay", "Gagnon", "Singh", "Côté"],
        "loc": ["Toronto, ON, Canada", "Montréal, QC, Canada", "Vancouver, BC, Canada"],
        "mail": ["gmail.com", "rogers.com", "videotron.ca"],
        "phones": [("nat", "(AXX) XXX-XXXX"), ("intl", "+1 AXX-XXX-XXXX")],
        "area": ["416", "604", "514", "647", "778"],
    },
    "MX": {
        "first": ["Ximena", "Santiago", "Guadalupe"],
        "last": ["Hernández", "Ramírez", "Nuñez"],
        "loc": ["Ciudad de México, Mexico", "Guadalajara, Jalisco, México", "Monterrey, Mexico"],
        "mail": ["gmail.com", "hotmail.com", "prodigy.net.mx"],
        "phones": [
            ("intl", "+52 55 XXXX XXXX"),
            ("intl", "+52 1 33 XXXX XXXX"),
            ("intl", "+52 81 XXXX XXXX"),
        ],
    },
    "IE": {
        "first": ["Aoife", "Cian", "Niamh"],
        "last": ["Ó Briain", "Fitzgerald", "Mac Giolla"],
        "loc": ["Dublin, Ireland", "Cork, Ireland", "Galway, Ireland"],
        "mail": ["gmail.com", "eircom.net", "outlook.ie"],
        "phones": [("intl", "+353 87 XXX XXXX"), ("nat", "086 XXX XXXX"), ("intl", "+353 1 XXX XXXX")],
    },
}

TITLES = [
    "Senior Software Engineer",
    "Staff Backend Engineer",
    "Product Manager",
    "Data Scientist",
    "Senior UX Designer",
    "Engineering Manager",
    "DevOps Engineer",
    "Frontend Developer",
    "Machine Learning Engineer",
    "Technical Recruiter",
    "Account Executive",
    "Marketing Manager",
    "Financial Analyst",
    "QA Automation Engineer",
    "Site Reliability Engineer",
    "Head of Talent Acquisition",
    "Customer Success Manager",
    "Solutions Architect",
    "iOS Developer",
    "Data Engineer",
    "Business Analyst",
    "HR Business Partner",
    "Operations Coordinator",
    "Content Strategist",
    "Full-Stack Developer",
    "Security Analyst",
    "Project Manager",
    "Chief of Staff",
    "Principal Product Designer",
    "Sales Development Representative",
    "Lead Data Analyst",
    "Platform Engineer",
    "Growth Marketing Lead",
    "Registered Nurse",
    "Supply Chain Planner",
    "Android Engineer",
    "VP of Engineering",
    "Talent Sourcer",
    "Research Scientist",
    "Technical Writer",
]
LOCAL_TITLES = {
    "DE": ["Softwareentwicklerin", "Teamleiter Vertrieb", "Projektleiter IT", "Werkstudent Data Science"],
    "FR": [
        "Ingénieure logiciel",
        "Chef de projet digital",
        "Développeur full-stack",
        "Responsable marketing",
    ],
}

COMPANIES = {
    "US": [
        "Globex Corporation",
        "Initech",
        "Hooli",
        "Acme Analytics Inc.",
        "Vandelay Industries",
        "Pied Piper",
        "Northwind Traders",
        "Sterling Cooper LLC",
        "Bluth Company",
    ],
    "GB": [
        "Thames Data Ltd",
        "Albion Payments",
        "Crown & Anchor Media",
        "Pennyworth Consulting plc",
        "Brightwater Health",
    ],
    "DE": [
        "Fabrikam GmbH",
        "Blauwal Logistik GmbH",
        "Nordstern Software AG",
        "Zugspitze Digital",
        "Bäckerei Tech KG",
    ],
    "FR": ["Soleil Conseil SA", "Marianne Digital", "Lumière Labs", "Éclair Paiements SAS", "Bleu Horizon"],
    "IN": ["Indigo Fintech Pvt Ltd", "Ganges Systems", "Saffron Cloud Solutions", "Lotus Infotech Pvt. Ltd."],
    "BR": ["Samba Pagamentos Ltda.", "Ipanema Tech", "Verde Mar Logística", "Cajú Software"],
    "AU": ["Kangaroo Cloud Pty Ltd", "Coral Reef Analytics", "Outback Freight", "Wattle Health Pty Ltd"],
    "ES": ["Iberia Cloud S.L.", "Sol y Mar Tecnología", "Paella Labs"],
    "NL": ["Tulip Mobility B.V.", "Windmolen Data", "Grachten Software"],
    "PL": ["Wisła Software sp. z o.o.", "Bursztyn Tech", "Tatra Systems"],
    "SE": ["Nordlys AB", "Fika Software", "Skärgård Analytics AB"],
    "CA": ["Maple Leaf Robotics", "Northern Lights Media", "Caribou Finance Inc."],
    "MX": ["Azteca Retail S.A. de C.V.", "Nopal Digital", "Quetzal Pagos"],
    "IE": ["Emerald Isle Payments", "Liffey Labs", "Shamrock Cloud Ltd"],
}

SCHOOLS = {
    "US": [
        "University of Texas at Austin",
        "Georgia Institute of Technology",
        "University of Michigan",
        "Cornell University",
        "San Jose State University",
    ],
    "GB": [
        "University of Manchester",
        "Imperial College London",
        "University of Edinburgh",
        "King's College London",
    ],
    "DE": [
        "Technische Universität München",
        "Humboldt-Universität zu Berlin",
        "Universität Hamburg",
        "RWTH Aachen",
    ],
    "FR": ["École Polytechnique", "Université de Lyon", "Sciences Po Paris", "INSA Toulouse"],
    "IN": ["Indian Institute of Technology Bombay", "BITS Pilani", "Anna University", "University of Delhi"],
    "BR": ["Universidade de São Paulo", "Universidade Federal do Rio de Janeiro", "UNICAMP"],
    "AU": ["University of Sydney", "Monash University", "University of Queensland"],
    "ES": ["Universidad Complutense de Madrid", "Universitat Politècnica de Catalunya"],
    "NL": ["Universiteit van Amsterdam", "TU Delft"],
    "PL": ["Politechnika Warszawska", "Uniwersytet Jagielloński"],
    "SE": ["KTH Royal Institute of Technology", "Lunds universitet"],
    "CA": ["University of Toronto", "McGill University", "University of British Columbia"],
    "MX": ["UNAM", "Tecnológico de Monterrey"],
    "IE": ["Trinity College Dublin", "University College Cork"],
}
DEGREES = [
    "B.Sc. Computer Science",
    "BA Economics",
    "MSc Data Science",
    "MBA",
    "Bachelor of Engineering",
    "M.A. Psychology",
    "PhD Physics",
    "B.Tech Information Technology",
    "Master of Business Administration",
    "BSc (Hons) Mathematics",
    "Diplom-Informatiker",
    "Licence en Informatique",
    "Bacharelado em Sistemas de Informação",
    "BS Nursing",
]
SKILLS = [
    "Python",
    "Go",
    "TypeScript",
    "React",
    "Kubernetes",
    "Terraform",
    "PostgreSQL",
    "AWS",
    "GCP",
    "Figma",
    "SQL",
    "Tableau",
    "Salesforce",
    "HubSpot",
    "Java",
    "Kotlin",
    "Swift",
    "Docker",
    "Spark",
    "dbt",
    "Machine Learning",
    "A/B Testing",
    "Stakeholder Management",
    "Agile / Scrum",
    "Excel",
    "Power BI",
    "Node.js",
    "GraphQL",
    "Rust",
    "C++",
    "Jira",
    "Greenhouse",
    "Sourcing",
    "Negotiation",
    "Copywriting",
    "SEO",
]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MONTHS_LONG = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]

NOW = (2026, 11)  # corpus "today"; tests allow for the time passed since


@dataclass
class Job:
    title: str
    company: str
    city: str
    start: tuple[int, int]
    end: tuple[int, int] | None  # None = present
    bullets: list[str]


@dataclass
class Person:
    country: str
    first: str
    last: str
    email: str
    phone_display: str
    phone_e164: str
    location: str
    linkedin: str
    github: str | None
    website: str | None
    jobs: list[Job]
    skills: list[str]
    education: list[tuple[str, str, int]]
    headline: str
    summary: str
    years: float
    links: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"


def _ascii(s: str) -> str:
    table = str.maketrans(
        {"ü": "ue", "ö": "oe", "ä": "ae", "ß": "ss", "ø": "o", "å": "a", "ł": "l", "Ł": "L", "æ": "ae"}
    )
    import unicodedata

    s = s.lower().translate(table)
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def _phone(rng: random.Random, cc: str, spec: dict) -> tuple[str, str]:
    for _ in range(500):
        _kind, fmt = rng.choice(spec["phones"])
        out = []
        for ch in fmt:
            if ch == "X":
                out.append(str(rng.randint(0, 9)))
            elif ch == "A":
                out.append("A")
            else:
                out.append(ch)
        s = "".join(out)
        if "AXX" in s.replace("A", "AXX", 0) or "A" in s:
            area = rng.choice(spec["area"])
            i = s.index("A")
            s = s[:i] + area + s[i + 3 :]
        try:
            num = phonenumbers.parse(s, cc)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(num) and phonenumbers.region_code_for_number(num) == cc:
            return s, phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)
    raise RuntimeError(f"no valid phone for {cc}")


def make_people(n: int, seed: int = 7) -> list[Person]:
    rng = random.Random(seed)
    codes = list(COUNTRIES)
    people: list[Person] = []
    used_names: set[str] = set()
    for i in range(n):
        cc = codes[i % len(codes)] if i < len(codes) * 2 else rng.choice(codes[:8])
        spec = COUNTRIES[cc]
        while True:
            first, last = rng.choice(spec["first"]), rng.choice(spec["last"])
            if f"{first} {last}" not in used_names:
                used_names.add(f"{first} {last}")
                break
        handle = _ascii(f"{first}.{last}").lower().replace(" ", "").replace("'", "")
        style = rng.randrange(4)
        local = [
            handle,
            handle.replace(".", ""),
            _ascii(first[0] + last).lower().replace(" ", "").replace("'", ""),
            handle.replace(".", "_") + str(rng.randint(1, 99)),
        ][style]
        email = f"{local}@{rng.choice(spec['mail'])}"
        phone_display, e164 = _phone(rng, cc, spec)
        location = rng.choice(spec["loc"])
        slug = _ascii(f"{first}-{last}").lower().replace(" ", "-").replace("'", "")
        linkedin = f"linkedin.com/in/{slug}{rng.choice(['', '-' + str(rng.randint(10, 999))])}"
        github = (
            f"github.com/{_ascii(first).lower()[:1]}{_ascii(last).lower().replace(' ', '')}"
            if rng.random() < 0.6
            else None
        )
        website = (
            f"{_ascii(first + last).lower().replace(' ', '').replace(chr(39), '')}.dev"
            if rng.random() < 0.3
            else None
        )
        # jobs, newest first, contiguous
        n_jobs = rng.randint(2, 4)
        end: tuple[int, int] | None = None
        cursor = (NOW[0], NOW[1])
        jobs: list[Job] = []
        titles = list(TITLES)
        if cc in LOCAL_TITLES and rng.random() < 0.5:
            titles = LOCAL_TITLES[cc]
        companies = list(COMPANIES[cc]) + list(COMPANIES["US"][:3])
        rng.shuffle(companies)
        for j in range(n_jobs):
            months = rng.randint(14, 50)
            y, m = cursor
            total = y * 12 + (m - 1) - months
            start = (total // 12, total % 12 + 1)
            title = rng.choice(titles)
            bullets = [
                rng.choice(["Led", "Built", "Shipped", "Owned", "Grew", "Reduced", "Mentored"])
                + " "
                + rng.choice(
                    [
                        "a team of 6 across 3 time zones",
                        "the quarterly planning process",
                        "onboarding time by 40%",
                        "a pipeline handling 2M events/day",
                        "pipeline revenue from $1.2M to $3.4M",
                        "hiring for 12 roles in 2 quarters",
                        "the migration from monolith to services",
                    ]
                ),
                rng.choice(
                    [
                        "Partnered with product, design and sales on roadmap priorities.",
                        "Introduced code review guidelines adopted by 40 engineers.",
                        "Presented results to the executive team every month.",
                        "Worked closely with the Head of Sales at a Fortune 500 client.",
                    ]
                ),
            ]
            jobs.append(Job(title, companies[j], location.split(",")[0], start, end if j else None, bullets))
            end = start
            cursor = start
        if rng.random() < 0.2 and len(jobs) > 1:
            # an earlier job ended a while ago: not contiguous
            pass
        first_start = jobs[-1].start
        years = round(((NOW[0] * 12 + NOW[1]) - (first_start[0] * 12 + first_start[1])) / 12, 1)
        skills = rng.sample(SKILLS, rng.randint(5, 10))
        n_edu = rng.randint(1, 2)
        schools = rng.sample(SCHOOLS[cc], min(n_edu, len(SCHOOLS[cc])))
        grad = first_start[0] - rng.randint(0, 1)
        education = [(rng.choice(DEGREES), s, grad - 2 * k) for k, s in enumerate(schools)]
        headline = (
            jobs[0].title
            if rng.random() < 0.6
            else rng.choice(
                [
                    "Builder of calm, reliable systems",
                    "People-first leader",
                    "Turning data into decisions",
                    "Curious generalist",
                ]
            )
        )
        summary = (
            f"{jobs[0].title} with {int(years)}+ years of experience in fast-growing teams. "
            if rng.random() < 0.4
            else "Pragmatic, curious and kind; I like hard problems and clear writing. "
        ) + rng.choice(
            [
                "Previously worked with Initech and Globex on platform work.",
                "Open to hybrid roles.",
                "Fluent in English and one other language.",
                "Looking for a mission-driven team.",
            ]
        )
        links = (
            ["https://www." + linkedin]
            + (["https://" + github] if github else [])
            + (["https://" + website] if website else [])
        )
        people.append(
            Person(
                cc,
                first,
                last,
                email,
                phone_display,
                e164,
                location,
                linkedin,
                github,
                website,
                jobs,
                skills,
                education,
                headline,
                summary,
                years,
                links,
            )
        )
    return people
