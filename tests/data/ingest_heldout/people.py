"""Fictional people for the held-out résumé corpus.

Every person, company, e-mail address and phone number here is invented.
E-mail domains are example.com / example.org / example.net; phone numbers use
the fictional/drama ranges where a country has one (US/CA 555-01xx,
UK 07700 900xxx and 020 7946 0xxx / 0161 496 0xxx, AU 0491 570 xxx).

Each entry: file stem, layout, renderer, and the ground truth that goes into
expected.json, plus the extra material needed to make a believable résumé.
`role` is the literal way the *current* role is written in the document
(layouts interpret it), so the same ground truth appears in many phrasings.
"""

P = []


def person(**kw):
    kw.setdefault("links", [])
    kw.setdefault("shown_name", kw["name"])
    kw.setdefault("summary", "")
    P.append(kw)


# ---------------------------------------------------------------- chromium
person(
    stem="01_emily_carter", layout="classic", tool="chromium",
    name="Emily R. Carter", email="emily.carter@example.com",
    phone="(415) 555-0132", e164="+14155550132", location="San Francisco, CA",
    title="Senior Data Engineer", company="Acme Analytics",
    dates="2021–Present", role="title_comma_company_dash_dates",
    prev=[("Data Engineer", "Bayside Retail Group", "2018–2021"),
          ("Business Intelligence Analyst", "Golden Gate Credit Union", "2016–2018")],
    edu=[("B.S. Computer Science", "University of Oregon", "2016")],
    skills=["Python", "SQL", "Apache Spark", "Airflow", "dbt", "Snowflake", "AWS"],
    links=["linkedin.com/in/emilyrcarter-example", "github.com/ercarter-example"],
    summary="Data engineer with 8+ years of experience building reliable batch and "
            "streaming pipelines for analytics and machine learning teams.",
)
person(
    stem="02_james_obrien", layout="classic", tool="chromium",
    name="James O'Brien", email="jobrien.acca@example.com",
    phone="07700 900123", e164="+447700900123", location="London, UK",
    title="Senior Accountant", company="Harrow & Finch LLP",
    dates="Mar 2020 – now", role="company_pipe_title_pipe_dates",
    prev=[("Accountant", "Thames Valley Foods Ltd", "Sep 2016 – Feb 2020"),
          ("Audit Trainee", "Morley Kent & Co", "Sep 2013 – Aug 2016")],
    edu=[("BSc (Hons) Accounting and Finance", "University of Leeds", "2013"),
         ("ACCA Chartered Certified Accountant", "", "2017")],
    skills=["IFRS", "Consolidations", "Xero", "SAP FI", "Excel (advanced)", "VAT returns"],
    summary="ACCA-qualified accountant with a background in audit and "
            "month-end reporting for mid-sized professional-services firms.",
)
person(
    stem="03_rahul_mehta", layout="classic", tool="chromium",
    name="Rahul Mehta", email="rahul.mehta.qa@example.com",
    phone="+91-98220 12345", e164="+919822012345", location="Pune, India",
    title="QA Lead", company="Vistara Softech Pvt. Ltd.",
    dates="June 2018 – Till date", role="company_line_then_title_paren_dates",
    prev=[("Senior QA Engineer", "Deccan Infosystems", "Jul 2014 – May 2018"),
          ("Software Test Engineer", "Sahyadri Technologies", "Aug 2011 – Jun 2014")],
    edu=[("B.E. Information Technology", "Savitribai Phule Pune University", "2011")],
    skills=["Selenium", "TestNG", "JIRA", "REST Assured", "Jenkins", "SQL", "Agile/Scrum"],
    summary="Career objective: to lead quality engineering for customer-facing "
            "products in a growth-oriented organisation.",
)
person(
    stem="04_marcus_johnson", layout="jakes", tool="chromium",
    name="Marcus Johnson", email="marcus.johnson@example.com",
    phone="512.555.0147", e164="+15125550147", location="Austin, TX",
    title="Product Manager", company="Brightline Software",
    dates="Jan 2021 – Present", role="jakes_title_first",
    prev=[("Associate Product Manager", "Longhorn Health", "Jun 2018 – Dec 2020"),
          ("Software Engineer Intern", "Pecan Street Labs", "May 2017 – Aug 2017")],
    edu=[("Bachelor of Science in Computer Science", "Texas State University", "May 2018")],
    skills=["Roadmapping", "SQL", "Figma", "Amplitude", "A/B testing", "Python"],
    links=["linkedin.com/in/marcusj-example", "github.com/mjohnson-example"],
)
person(
    stem="05_yuki_tanaka", layout="jakes", tool="chromium",
    name="Yuki Tanaka", email="yuki.tanaka@example.com",
    phone="+81 90-1234-5678", e164="+819012345678", location="Tokyo, Japan",
    title="Mobile Engineer", company="Sakura Digital K.K.",
    dates="Apr 2022 – Current", role="jakes_title_first",
    prev=[("iOS Developer", "Hoshizora Apps Inc.", "Apr 2019 – Mar 2022")],
    edu=[("B.Eng. Information Science", "Kansai Institute of Technology", "Mar 2019")],
    skills=["Swift", "Kotlin", "SwiftUI", "Jetpack Compose", "Firebase", "CI/CD"],
    links=["github.com/ytanaka-example"],
)
person(
    stem="06_camille_martin", layout="jakes", tool="chromium",
    name="Camille Martin", email="camille.martin@example.org",
    phone="+33 6 12 34 56 78", e164="+33612345678", location="Paris, France",
    title="Data Scientist", company="Lumière Analytique",
    dates="Sept 2020 – Present", role="jakes_company_first",
    prev=[("Data Analyst", "Banque Rive Gauche", "Sept 2018 – Aug 2020"),
          ("Research Intern", "INRIA-like Lab (Projet Saphir)", "Feb 2018 – Jul 2018")],
    edu=[("MSc Data Science", "Université Paris-Est Marne", "2018")],
    skills=["Python", "scikit-learn", "PyTorch", "SQL", "Spark", "French (native)", "English (C1)"],
    links=["linkedin.com/in/camillemartin-example"],
)
person(
    stem="07_priya_raghunathan", layout="moderncv", tool="chromium",
    name="Priya Raghunathan", email="priya.r@example.com",
    phone="+91 98765 43210", e164="+919876543210", location="Bengaluru, India",
    title="Machine Learning Engineer", company="Nimbus Labs",
    dates="2020–present", role="moderncv",
    prev=[("Software Engineer", "Kaveri Systems", "2017–2020"),
          ("Intern", "Indian Institute of Data Research", "2016")],
    edu=[("M.Tech. Computer Science", "National Institute of Technology, Trichy", "2017")],
    skills=["Python", "TensorFlow", "PyTorch", "Kubernetes", "MLflow", "NLP"],
    links=["github.com/priyar-example"],
    shown_name="Priya Raghunathan",
)
person(
    stem="08_oliver_bennett", layout="moderncv", tool="chromium",
    name="Oliver Bennett", email="oliver.bennett@example.net",
    phone="+44 (0)20 7946 0958", e164="+442079460958", location="London, United Kingdom",
    title="Mechanical Design Engineer", company="Pennine Motion Ltd",
    dates="2019–Present", role="moderncv",
    prev=[("Graduate Engineer", "Castlefield Aerospace", "2016–2019")],
    edu=[("MEng Mechanical Engineering", "University of Bath", "2016")],
    skills=["SolidWorks", "ANSYS", "GD&T", "DFMEA", "MATLAB"],
)
person(
    stem="09_sophie_dubois_laurent", layout="awesomecv", tool="chromium",
    name="Sophie Dubois-Laurent", email="sophie.duboislaurent@example.com",
    phone="06 12 34 56 78", e164="+33612345678", location="Lyon, France",
    title="Digital Project Manager", company="Maison Verte SAS",
    dates="Sept. 2019 – Present", role="awesomecv",
    prev=[("Chargée de projet web", "Agence Rhône Créative", "Jan 2016 – Aug. 2019")],
    edu=[("Master Management de projets numériques", "Université Lumière Lyon 2", "2015")],
    skills=["Agile", "Jira", "Confluence", "Google Analytics", "UX workshops"],
    links=["linkedin.com/in/sophie-dl-example"],
)
person(
    stem="10_fatima_al_sayed", layout="awesomecv", tool="chromium",
    name="Fatima Al-Sayed", email="fatima.alsayed@example.com",
    phone="+971 50 123 4567", e164="+971501234567", location="Dubai, UAE",
    title="Financial Analyst", company="Gulfstar Capital",
    dates="Feb 2021 – Present", role="awesomecv",
    prev=[("Junior Analyst", "Creekside Investments", "Aug 2018 – Jan 2021")],
    edu=[("BBA Finance", "American University of the Emirates", "2018"), ("CFA Level II Candidate", "", "")],
    skills=["Financial modelling", "Bloomberg", "Excel/VBA", "Power BI", "Arabic", "English"],
)
person(
    stem="11_ana_beatriz_souza", layout="sidebar", tool="chromium",
    name="Ana Beatriz Souza", email="anabeatriz.souza@example.com",
    phone="(11) 91234-5678", e164="+5511912345678", location="São Paulo, Brazil",
    title="UX Designer", company="Colibri Pagamentos",
    dates="Mar 2021 – Present", role="sidebar_title_h3",
    prev=[("UI Designer", "Estúdio Jabuticaba", "Jan 2019 – Feb 2021"),
          ("Design Intern", "Paulista Varejo", "2018")],
    edu=[("Bacharelado em Design", "Universidade Mackenzie-like Institute", "2018")],
    skills=["Figma", "User research", "Prototyping", "Design systems", "Accessibility"],
    links=["behance.net/anabsouza-example"],
)
person(
    stem="12_hannah_schmidt", layout="sidebar", tool="chromium",
    name="Hannah Schmidt", email="hannah.schmidt@example.com",
    phone="0151 23456789", e164="+4915123456789", location="Munich, Germany",
    title="Marketing Manager", company="Alpenblick Media GmbH",
    dates="04/2021 – heute", role="sidebar_title_h3",
    prev=[("Marketing Specialist", "Isar Consumer Brands GmbH", "09/2017 – 03/2021")],
    edu=[("B.A. Betriebswirtschaftslehre", "Hochschule München", "2017")],
    skills=["SEO/SEA", "HubSpot", "Content strategy", "German (native)", "English (C1)"],
)
person(
    stem="13_wei_zhang", layout="sidebar", tool="chromium",
    name="Wei Zhang", email="zhang.wei@example.com",
    phone="+65 9123 4567", e164="+6591234567", location="Singapore",
    title="DevOps Engineer", company="Merlion Systems Pte Ltd",
    dates="2020 – Now", role="sidebar_company_h3",
    prev=[("Systems Administrator", "Straits Data Centre", "2016 – 2020")],
    edu=[("B.Comp. Computer Engineering", "Nanyang Polytechnic-like University", "2016")],
    skills=["Terraform", "Ansible", "AWS", "GitLab CI", "Prometheus", "Linux"],
    links=["github.com/weizhang-example"],
)
person(
    stem="14_lukas_mueller", layout="europass", tool="chromium",
    name="Lukas Müller", email="lukas.mueller@example.com",
    phone="+49 30 1234567", e164="+49301234567", location="Berlin, Germany",
    address="Kastanienallee 12, 10435 Berlin, Germany",
    title="Backend Developer", company="Fernwerk GmbH",
    dates="03/2020 – heute", role="europass",
    prev=[("Junior Software Developer", "Spreewald IT Solutions", "10/2016 – 02/2020")],
    edu=[("B.Sc. Informatik", "Technische Hochschule Brandenburg", "2016")],
    skills=["Java", "Spring Boot", "PostgreSQL", "Kafka", "Docker"],
)
person(
    stem="15_thomas_wagner", layout="europass", tool="chromium",
    name="Thomas Wagner", email="t.wagner@example.net",
    phone="+49 (0)40 1234 5678", e164="+494012345678", location="Hamburg, Germany",
    address="Elbchaussee 101, 22763 Hamburg, Germany",
    title="IT Project Lead", company="Hanse Logistik AG",
    dates="01/2018 – present", role="europass",
    prev=[("IT Consultant", "Nordlicht Consulting GmbH", "06/2012 – 12/2017")],
    edu=[("Diplom-Wirtschaftsinformatiker (FH)", "Fachhochschule Kiel", "2012")],
    skills=["PRINCE2", "SAP S/4HANA", "Scrum", "Stakeholder management"],
)
person(
    stem="16_chukwuemeka_okafor", layout="tableheader", tool="chromium",
    name="Chukwuemeka Okafor", email="c.okafor@example.com",
    phone="+234 803 555 0123", e164="+2348035550123", location="Lagos, Nigeria",
    title="Cloud Solutions Architect", company="Zenith Tech Solutions",
    dates="2019 – present", role="dates_col_title_dash_company",
    prev=[("Systems Engineer", "Eko Networks Ltd", "2014 – 2019")],
    edu=[("B.Sc. Electrical/Electronic Engineering", "University of Ibadan", "2013")],
    skills=["Azure", "AWS", "Terraform", "Networking", "Windows Server"],
)
person(
    stem="17_jessica_alvarez_moreno", layout="tableheader", tool="chromium",
    name="Jessica Alvarez-Moreno", email="jess.alvarezmoreno@example.com",
    phone="+1 323 555 0144", e164="+13235550144", location="Los Angeles, CA",
    title="Graphic Designer", company="Sunset Boulevard Creative",
    dates="2018 – present", role="dates_col_title_dash_company",
    prev=[("Junior Designer", "Echo Park Print Co.", "2015 – 2018")],
    edu=[("BFA Graphic Design", "California College of Visual Arts", "2015")],
    skills=["Adobe Illustrator", "InDesign", "Photoshop", "Branding", "Typography"],
    links=["jessalvarez-example.com"],
)
person(
    stem="18_olivia_chen", layout="footer_html", tool="chromium",
    name="Olivia Chen", email="olivia.chen.rn@example.com",
    phone="+1 (416) 555-0178", e164="+14165550178", location="Toronto, ON",
    title="Registered Nurse", company="Lakeshore Community Hospital",
    dates="2019 to date", role="title_dash_company_dates_right",
    prev=[("Registered Practical Nurse", "Harbourfront Long-Term Care", "2016 – 2019")],
    edu=[("Bachelor of Science in Nursing", "Lakehead-like University", "2016")],
    skills=["Acute care", "Telemetry", "BLS/ACLS", "EPIC charting", "Patient education"],
)
person(
    stem="19_sven_lindqvist", layout="academic_html", tool="chromium",
    name="Sven Lindqvist", email="sven.lindqvist@example.org",
    phone="+46 70 123 45 67", e164="+46701234567", location="Stockholm, Sweden",
    title="Postdoctoral Researcher", company="Nordhavn University",
    dates="2022–", role="academic",
    prev=[("Doctoral Student", "Uppsala-like Institute of Oceanography", "2017–2022")],
    edu=[("Ph.D. Marine Ecology", "Uppsala-like Institute of Oceanography", "2022"),
         ("M.Sc. Biology", "Lund-like University", "2017")],
    skills=["R", "Bayesian statistics", "Field sampling", "Python"],
    shown_name="Sven Lindqvist, PhD",
)
# --------------------------------------------------------------- reportlab
person(
    stem="20_maria_jose_fernandez_garcia", layout="plaintext", tool="reportlab",
    name="María José Fernández-García", email="mj.fernandez.garcia@example.com",
    phone="+34 612 34 56 78", e164="+34612345678", location="Madrid, Spain",
    title="Data Analyst", company="Tejo Consultores S.L.",
    dates="Feb 2021 - Present", role="plain_title_then_company_dates",
    prev=[("Junior Analyst", "Castellana Seguros", "Sep 2018 - Jan 2021")],
    edu=[("Grado en Estadística", "Universidad Complutense-like", "2018")],
    skills=["SQL", "Python", "Tableau", "Excel", "Spanish", "English"],
    shown_name="MARÍA JOSÉ FERNÁNDEZ-GARCÍA",
)
person(
    stem="21_aoife_ni_bhriain", layout="plaintext", tool="reportlab",
    name="Aoife Ní Bhriain", email="aoife.nibhriain@example.com",
    phone="+353 87 123 4567", e164="+353871234567", location="Dublin, Ireland",
    title="Clinical Pharmacist", company="Liffey Health Partners",
    dates="2019 to present", role="plain_company_dashdash_title",
    prev=[("Community Pharmacist", "Grafton Street Pharmacy", "2015 to 2019")],
    edu=[("MPharm", "Royal College of Surgeons-like School of Pharmacy", "2015")],
    skills=["Medication review", "Antimicrobial stewardship", "Irish (fluent)"],
)
person(
    stem="22_aarav_sharma", layout="plaintext", tool="reportlab",
    name="Aarav Sharma", email="aarav.sharma@example.com",
    phone="201-555-0111", e164="+12015550111", location="Jersey City, NJ",
    title="Network Engineer", company="Palisade Telecom",
    dates="Aug 2019 - Current", role="plain_title_at_company",
    prev=[("NOC Technician", "Hoboken Fiber Co", "Jun 2016 - Jul 2019")],
    edu=[("B.S. Information Technology", "New Jersey Institute of Tech-like College", "2016")],
    skills=["Cisco IOS", "BGP", "OSPF", "Juniper", "Palo Alto", "Python"],
    shown_name="AARAV SHARMA",
)
person(
    stem="23_elena_petrova", layout="academic_rl", tool="reportlab",
    name="Elena Petrova", email="e.petrova@example.org",
    phone="+1 617 555 0119", e164="+16175550119", location="Cambridge, MA",
    title="Assistant Professor of Computational Biology", company="Northfield University",
    dates="2021–present", role="academic",
    prev=[("Postdoctoral Fellow", "Charles River Institute for Genomics", "2017–2021")],
    edu=[("Ph.D. Bioinformatics", "Moscow-like State University", "2017")],
    skills=["Genomics", "Statistical learning", "R", "Python", "Teaching"],
    shown_name="Dr. Elena Petrova",
)
person(
    stem="24_kwame_mensah", layout="headerfooter_rl", tool="reportlab",
    name="Kwame Mensah", email="kwame.mensah@example.com",
    phone="(212) 555-0163", e164="+12125550163", location="New York, NY",
    title="Staff Software Engineer", company="Hudson Ledger Inc.",
    dates="2022 – Present", role="company_line_then_title_dot_dates",
    prev=[("Senior Software Engineer", "Empire Payments", "2018 – 2022"),
          ("Software Engineer", "Gotham Media", "2014 – 2018")],
    edu=[("B.S. Computer Engineering", "Rensselaer-like Polytechnic", "2014")],
    skills=["Go", "Rust", "PostgreSQL", "Distributed systems", "gRPC"],
    links=["github.com/kmensah-example"],
)
person(
    stem="25_liam_nguyen", layout="twocol_rl", tool="reportlab",
    name="Liam Nguyen", email="liam.nguyen@example.com",
    phone="0412 345 678", e164="+61412345678", location="Melbourne, Australia",
    title="Site Reliability Engineer", company="Kookaburra Cloud Pty Ltd",
    dates="Jul 2021 – Present", role="title_line_company_dot_dates",
    prev=[("Systems Engineer", "Yarra Valley Hosting", "Feb 2018 – Jun 2021")],
    edu=[("Bachelor of Computer Science", "Monash-like University", "2017")],
    skills=["Kubernetes", "GCP", "Go", "Terraform", "SLOs", "Incident response"],
)
person(
    stem="26_benjamin_lee", layout="twocol_rl", tool="reportlab",
    name="Benjamin Lee", email="ben.lee@example.com",
    phone="0491 570 156", e164="+61491570156", location="Sydney, NSW",
    title="Business Analyst", company="Harbourview Insurance",
    dates="Feb 2020 – ongoing", role="company_line_title_line_dates_line",
    prev=[("Graduate Analyst", "Circular Quay Bank", "Feb 2018 – Jan 2020")],
    edu=[("Bachelor of Commerce", "University of New South Wales-like", "2017")],
    skills=["Requirements", "BPMN", "SQL", "Power BI", "Stakeholder workshops"],
)
# -------------------------------------------------------------------- docx
person(
    stem="27_sarah_thompson", layout="docx_standard", tool="docx",
    name="Sarah Elizabeth Thompson", email="sarah.e.thompson@example.com",
    phone="312-555-0185", e164="+13125550185", location="Chicago, IL",
    title="HR Business Partner", company="Midway Logistics",
    dates="2020 – Present", role="title_pipe_company_pipe_dates",
    prev=[("HR Generalist", "Lakefront Manufacturing", "2016 – 2020")],
    edu=[("B.A. Psychology", "Loyola-like University Chicago", "2016"), ("SHRM-CP", "", "2019")],
    skills=["Employee relations", "Workday", "Talent acquisition", "Compensation"],
)
person(
    stem="28_mateus_oliveira", layout="docx_table", tool="docx",
    name="Mateus Oliveira", email="mateus.oliveira@example.com",
    phone="+55 21 98765-4321", e164="+5521987654321", location="Rio de Janeiro, Brazil",
    title="Full Stack Developer", company="Onda Tech",
    dates="2021 – Present", role="company_dash_title_paren_dates",
    prev=[("Front-end Developer", "Carioca Commerce", "2018 – 2021")],
    edu=[("Bacharelado em Sistemas de Informação", "Universidade Federal Fluminense-like", "2018")],
    skills=["TypeScript", "React", "Node.js", "PostgreSQL", "Docker"],
)
person(
    stem="29_nadia_kowalczyk", layout="docx_header", tool="docx",
    name="Nadia Kowalczyk", email="nadia.kowalczyk@example.com",
    phone="+48 512 345 678", e164="+48512345678", location="Warsaw, Poland",
    title="Java Developer", company="Wisła Software sp. z o.o.",
    dates="03/2020 – present", role="title_line_company_line_dates",
    prev=[("Junior Java Developer", "Mazowsze IT", "07/2017 – 02/2020")],
    edu=[("MSc Computer Science", "Warsaw University of Technology-like", "2017")],
    skills=["Java 17", "Spring", "Hibernate", "Oracle", "Kafka", "Polish", "English"],
)
person(
    stem="30_kenji_watanabe", layout="docx_cv", tool="docx",
    name="Watanabe Kenji", email="kenji.watanabe@example.com",
    phone="090-1234-5678", e164="+819012345678", location="Osaka, Japan",
    title="Embedded Software Engineer", company="Naniwa Robotics Co., Ltd.",
    dates="Apr 2019 – Present", role="docx_table_dates_company_title",
    prev=[("Firmware Engineer", "Kansai Denki Works", "Apr 2014 – Mar 2019")],
    edu=[("M.Eng. Mechanical Systems", "Osaka-like Prefectural University", "2014")],
    skills=["C", "C++", "RTOS", "ARM Cortex-M", "CAN", "Japanese (native)", "English (TOEIC 860)"],
    shown_name="WATANABE Kenji",
)
