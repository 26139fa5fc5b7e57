"""Word lists the resume heuristics lean on. General knowledge about resumes, not about any corpus."""

from __future__ import annotations

SECTION_HEADINGS: dict[str, set[str]] = {
    "experience": {
        "experience", "work experience", "professional experience", "employment history", "employment",
        "work history", "career history", "relevant experience", "career", "experience and achievements",
        "berufserfahrung", "berufliche erfahrung", "berufspraxis", "beruflicher werdegang", "expérience professionnelle",
        "expériences professionnelles", "expérience", "expériences", "experiencia", "experiencia profesional",
        "experiência", "experiência profissional", "werkervaring", "ervaring", "doświadczenie zawodowe",
        "doświadczenie", "arbetslivserfarenhet", "esperienza lavorativa", "esperienze professionali",
    },
    "education": {
        "education", "academic background", "education and training", "qualifications", "academic history",
        "ausbildung", "bildung", "studium", "bildungsweg", "formation", "formations", "formación", "educación",
        "formação", "formação acadêmica", "educação", "opleiding", "opleidingen", "wykształcenie", "utbildning",
        "istruzione", "istruzione e formazione",
    },
    "skills": {
        "skills", "technical skills", "core skills", "key skills", "skills & tools", "skills and tools",
        "skills & expertise", "competencies", "core competencies", "technologies", "tools", "tech stack",
        "expertise", "skill set", "skillset", "toolbox", "toolkit", "stack", "tools & technologies",
        "tools and technologies", "technical expertise", "languages & tools", "languages and tools", "kenntnisse", "fähigkeiten", "it-kenntnisse", "kompetenzen",
        "compétences", "compétences techniques", "competencias", "habilidades", "competências", "vaardigheden",
        "umiejętności", "färdigheter", "competenze",
    },
    "summary": {
        "summary", "profile", "about", "about me", "professional summary", "objective", "career objective",
        "personal statement", "profil", "zusammenfassung", "kurzprofil", "à propos", "resumen", "sobre mim", "perfil",
        "profiel", "o mnie", "profilo",
    },
    "contact": {
        "contact", "contact details", "contact information", "personal details", "personal information",
        "persönliche daten", "kontakt", "informations personnelles", "coordonnées", "datos personales",
        "dados pessoais", "contacto", "contato", "personalia", "dane osobowe", "kontaktuppgifter",
    },
    "other": {
        "languages", "certifications", "certificates", "projects", "interests", "hobbies", "references",
        "awards", "publications", "volunteering", "volunteer experience", "sprachen", "langues", "idiomas",
        "centres d'intérêt", "interessen", "achievements", "courses", "training", "links", "social",
    },
}
HEADING_OF = {h: kind for kind, hs in SECTION_HEADINGS.items() for h in hs}

# Words that make a phrase a job title. Checked as whole lower-case words or word prefixes.
TITLE_WORDS = {
    "engineer", "engineering", "developer", "manager", "designer", "analyst", "scientist", "director", "lead",
    "head", "consultant", "specialist", "coordinator", "recruiter", "architect", "officer", "intern", "associate",
    "administrator", "executive", "representative", "partner", "planner", "strategist", "writer", "nurse",
    "teacher", "accountant", "sourcer", "founder", "co-founder", "cofounder", "president", "vp", "chief", "cto",
    "ceo", "cfo", "coo", "owner", "assistant", "researcher", "technician", "editor", "programmer", "advisor",
    "adviser", "agent", "attorney", "lawyer", "paralegal", "counsel", "clerk", "supervisor", "principal", "staff",
    "senior", "junior", "trainee", "apprentice", "fellow", "professor", "lecturer", "tutor", "instructor",
    "operator", "buyer", "controller", "auditor", "economist", "statistician", "pharmacist", "physician",
    "therapist", "secretary", "receptionist", "cashier", "driver", "mechanic", "electrician", "chef", "cook",
    "waiter", "barista", "marketer", "copywriter", "producer", "photographer", "illustrator", "animator",
    "sre", "devops", "qa", "tester", "ux", "ui", "product", "sales", "support", "success", "talent", "hr",
    "recruiting", "recruitment", "marketing", "growth", "operations", "people", "data", "software", "backend",
    "frontend", "full-stack", "fullstack", "mobile", "ios", "android", "security", "platform", "infrastructure",
    "machine", "business", "financial", "finance", "content", "technical", "solutions", "project", "program",
    "programme", "customer", "account", "community", "brand",
    # German, French, Spanish, Portuguese, Dutch, Polish, Swedish
    "entwickler", "entwicklerin", "softwareentwickler", "softwareentwicklerin", "leiter", "leiterin", "teamleiter",
    "teamleiterin", "projektleiter", "projektleiterin", "ingenieur", "ingenieurin", "berater", "beraterin",
    "werkstudent", "werkstudentin", "referent", "referentin", "sachbearbeiter", "geschäftsführer", "praktikant",
    "ingénieur", "ingénieure", "développeur", "développeuse", "directeur", "directrice", "responsable",
    "chargé", "chargée", "consultante", "stagiaire", "gerente", "desarrollador", "desarrolladora", "analista",
    "ingeniero", "ingeniera", "jefe", "engenheiro", "engenheira", "desenvolvedor", "desenvolvedora",
    "coordenador", "ontwikkelaar", "programista", "kierownik", "utvecklare", "projektledare", "chef de projet",
}
# Title words that are ambiguous on their own ("Data", "Product" also start company names).
WEAK_TITLE_WORDS = {
    "product", "sales", "support", "success", "talent", "hr", "recruiting", "recruitment", "marketing", "growth",
    "operations", "people", "data", "software", "backend", "frontend", "mobile", "ios", "android", "security",
    "platform", "infrastructure", "machine", "business", "financial", "finance", "content", "technical",
    "solutions", "project", "program", "programme", "customer", "account", "community", "brand", "senior",
    "junior", "staff", "principal", "head", "partner",
}

COMPANY_SUFFIXES = {
    "inc", "inc.", "llc", "llp", "ltd", "ltd.", "limited", "gmbh", "ag", "kg", "se", "sa", "s.a.", "sas", "sarl",
    "s.l.", "sl", "plc", "pty", "pvt", "pvt.", "corp", "corp.", "corporation", "company", "co.", "co", "ab",
    "b.v.", "bv", "n.v.", "nv", "ltda", "ltda.", "s.r.l.", "srl", "spa", "s.p.a.", "oy", "as", "a/s", "aps",
    "kk", "group", "holdings", "labs", "lab", "technologies", "technology", "tech", "solutions", "systems", "software",
    "consulting", "digital", "analytics", "health", "healthcare", "media", "industries", "enterprises",
    "partners", "bank", "capital", "ventures", "studio", "studios", "agency", "logistics", "logistik", "pharma",
    "foundation", "university", "hospital", "institute", "cloud", "fintech", "payments", "networks", "games",
    "energy", "motors", "foods", "retail", "traders", "insurance", "robotics", "finance", "c.v.", "cv", "z",
    "o.o.", "s.a.s.", "e.v.", "gbr", "ug", "mbh",
}

DEGREE_WORDS = {
    "bachelor", "bachelors", "bachelor's", "master", "masters", "master's", "mba", "phd", "ph.d.", "doctorate",
    "b.sc.", "bsc", "b.sc", "msc", "m.sc.", "m.sc", "b.a.", "ba", "m.a.", "ma", "bs", "b.s.", "ms", "m.s.", "beng",
    "b.eng.", "meng", "b.tech", "btech", "m.tech", "mtech", "diploma", "diplom", "diplom-informatiker", "abitur",
    "licence", "license", "licenciatura", "bacharelado", "mestrado", "doutorado", "associate", "certificate",
    "hons", "(hons)", "degree", "ingénieur", "magister", "llb", "llm", "md", "jd", "bba", "bcom", "mcom",
}
SCHOOL_WORDS = {
    "university", "universität", "universitat", "universidad", "universidade", "université", "universite",
    "universiteit", "uniwersytet", "universitet", "università", "college", "institute", "institut", "instituto",
    "school", "école", "ecole", "academy", "akademie", "polytechnic", "politecnico", "politechnika",
    "polytechnique", "hochschule", "fachhochschule", "iit", "tu", "kth", "eth", "epfl", "insa", "sciences",
    "faculdade", "facultad", "gymnasium", "lycée", "conservatory", "seminary",
}

PRESENT_WORDS = (
    "present|current|currently|now|today|ongoing|heute|aktuell|derzeit|bis heute|aujourd'hui|aujourd’hui|"
    "actuel|actuellement|présent|presente|actual|actualidad|atual|atualmente|nu|heden|obecnie|nuvarande|pågående|oggi"
)

MONTH_WORDS = (
    "jan|january|janv|janvier|januar|jänner|enero|janeiro|feb|february|févr|fevr|février|februar|febrero|fevereiro|"
    "mar|march|mars|märz|marz|marzo|março|apr|april|avr|avril|abril|may|mai|mayo|maio|jun|june|juin|juni|junio|junho|"
    "jul|july|juil|juillet|juli|julio|julho|aug|august|août|aout|agosto|sep|sept|september|septembre|septiembre|"
    "setembro|oct|october|octobre|oktober|octubre|outubro|nov|november|novembre|noviembre|novembro|dec|december|"
    "déc|décembre|dezember|diciembre|dezembro|dez|okt|mär|fev|set|out|dic|ene|abr|ago"
)

# Country words -> ISO region, for phone region hints and for recognising locations.
COUNTRY_WORDS = {
    "usa": "US", "u.s.a.": "US", "us": "US", "u.s.": "US", "united states": "US", "united states of america": "US",
    "uk": "GB", "u.k.": "GB", "united kingdom": "GB", "england": "GB", "scotland": "GB", "wales": "GB",
    "great britain": "GB", "northern ireland": "GB", "germany": "DE", "deutschland": "DE", "de": "DE",
    "france": "FR", "fr": "FR", "india": "IN", "brazil": "BR", "brasil": "BR", "australia": "AU", "au": "AU",
    "spain": "ES", "españa": "ES", "espana": "ES", "netherlands": "NL", "the netherlands": "NL", "nederland": "NL",
    "nl": "NL", "poland": "PL", "polska": "PL", "sweden": "SE", "sverige": "SE", "canada": "CA", "mexico": "MX",
    "méxico": "MX", "ireland": "IE", "italy": "IT", "italia": "IT", "portugal": "PT", "switzerland": "CH",
    "schweiz": "CH", "suisse": "CH", "austria": "AT", "österreich": "AT", "belgium": "BE", "belgique": "BE",
    "belgië": "BE", "denmark": "DK", "danmark": "DK", "norway": "NO", "norge": "NO", "finland": "FI", "suomi": "FI",
    "japan": "JP", "singapore": "SG", "new zealand": "NZ", "south africa": "ZA", "nigeria": "NG", "kenya": "KE",
    "argentina": "AR", "chile": "CL", "colombia": "CO", "peru": "PE", "israel": "IL", "uae": "AE",
    "united arab emirates": "AE", "china": "CN", "hong kong": "HK", "korea": "KR", "south korea": "KR",
    "philippines": "PH", "indonesia": "ID", "vietnam": "VN", "turkey": "TR", "türkiye": "TR", "greece": "GR",
    "czech republic": "CZ", "czechia": "CZ", "romania": "RO", "hungary": "HU", "ukraine": "UA", "pakistan": "PK",
    "bangladesh": "BD", "egypt": "EG", "sri lanka": "LK", "malaysia": "MY", "thailand": "TH", "taiwan": "TW",
}
US_STATES = {
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME",
    "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA",
    "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC",
}
REGION_CODES = {  # sub-national codes that are unambiguous enough when written after a city
    "NSW": "AU", "VIC": "AU", "QLD": "AU", "TAS": "AU", "ACT": "AU", "NT": "AU",
    "ON": "CA", "QC": "CA", "BC": "CA", "AB": "CA", "MB": "CA", "NS": "CA", "NB": "CA", "SK": "CA",
}
TLD_REGION = {
    "uk": "GB", "de": "DE", "fr": "FR", "in": "IN", "br": "BR", "au": "AU", "es": "ES", "nl": "NL", "pl": "PL",
    "se": "SE", "ca": "CA", "mx": "MX", "ie": "IE", "it": "IT", "pt": "PT", "ch": "CH", "at": "AT", "be": "BE",
    "dk": "DK", "no": "NO", "fi": "FI", "jp": "JP", "sg": "SG", "nz": "NZ", "za": "ZA", "ar": "AR", "cl": "CL",
    "co": "CO", "il": "IL", "ae": "AE",
}
# A few very large cities, for a region hint when a location has no country.
CITY_REGION = {
    "london": "GB", "manchester": "GB", "edinburgh": "GB", "berlin": "DE", "münchen": "DE", "munich": "DE",
    "hamburg": "DE", "köln": "DE", "frankfurt": "DE", "paris": "FR", "lyon": "FR", "bengaluru": "IN",
    "bangalore": "IN", "mumbai": "IN", "delhi": "IN", "new delhi": "IN", "hyderabad": "IN", "pune": "IN",
    "chennai": "IN", "são paulo": "BR", "sao paulo": "BR", "rio de janeiro": "BR", "sydney": "AU",
    "melbourne": "AU", "brisbane": "AU", "madrid": "ES", "barcelona": "ES", "amsterdam": "NL", "warszawa": "PL",
    "warsaw": "PL", "kraków": "PL", "stockholm": "SE", "toronto": "CA", "vancouver": "CA", "montréal": "CA",
    "montreal": "CA", "dublin": "IE", "milano": "IT", "milan": "IT", "roma": "IT", "zürich": "CH", "zurich": "CH",
    "wien": "AT", "vienna": "AT", "tokyo": "JP", "singapore": "SG", "ciudad de méxico": "MX", "mexico city": "MX",
}
