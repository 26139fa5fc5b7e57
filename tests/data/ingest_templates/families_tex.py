"""LaTeX CV classes from Debian's TeX Live (texlive-latex-extra, texlive-fonts-extra), compiled with pdflatex."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from people import Person

_ESC = {
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "{": r"\{",
    "}": r"\}",
    "~": r"\~{}",
    "^": r"\^{}",
}


def esc(text: str) -> str:
    return re.sub(r"[&%$#_{}~^]", lambda m: _ESC[m.group(0)], text)


MONTHS = {
    "en": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(),
    "de": "Jan. Feb. März Apr. Mai Juni Juli Aug. Sept. Okt. Nov. Dez.".split(),
    "fr": "janv. févr. mars avr. mai juin juil. août sept. oct. nov. déc.".split(),
    "es": "ene. feb. mar. abr. may. jun. jul. ago. sept. oct. nov. dic.".split(),
}
PRESENT = {
    "en": "Present",
    "de": "heute",
    "fr": "aujourd'hui",
    "es": "actualidad",
    "it": "oggi",
    "pt": "atual",
    "nl": "heden",
    "pl": "obecnie",
    "sv": "nu",
    "cs": "současnost",
    "tr": "günümüz",
    "nb": "nå",
    "fi": "nykyään",
    "da": "nu",
    "ro": "prezent",
    "hu": "jelenleg",
    "sk": "súčasnosť",
    "hr": "danas",
    "et": "praegu",
    "is": "núna",
    "lt": "dabar",
    "sl": "danes",
    "lv": "šobrīd",
    "sr": "danas",
    "id": "sekarang",
}


def span(p: Person, job, style: str) -> str:
    lang = p.language if p.language in MONTHS else "en"

    def one(ym):
        if ym is None:
            return PRESENT.get(p.language, "Present")
        if style == "month":
            return f"{MONTHS[lang][ym[1] - 1]} {ym[0]}"
        if style == "numeric":
            return f"{ym[1]:02d}/{ym[0]}"
        if style == "iso":
            return f"{ym[0]}-{ym[1]:02d}"
        return str(ym[0])

    return f"{one(job.start)} -- {one(job.end)}"


def compile_tex(source: str, out: Path, engine: str = "pdflatex") -> None:
    with tempfile.TemporaryDirectory() as tmp:
        compile_tex_in(source, out, Path(tmp), engine)


def compile_tex_in(source: str, out: Path, folder: Path, engine: str = "pdflatex") -> None:
    """compile_tex's two runs in `folder`, which may already hold a class or fonts of the family's own."""
    (folder / "cv.tex").write_text(source, encoding="utf-8")
    for _ in range(2):  # moderncv and friends place things from the .aux of the first run
        run = subprocess.run(
            [engine, "-interaction=nonstopmode", "-halt-on-error", "cv.tex"],
            cwd=folder,
            capture_output=True,
            timeout=180,
        )
    if run.returncode != 0 or not (folder / "cv.pdf").exists():
        raise RuntimeError(run.stdout.decode(errors="replace")[-3000:])
    shutil.copy(folder / "cv.pdf", out)


def items(lines: list[str], env: str) -> str:
    return "\\begin{" + env + "}" + "".join("\\item " + esc(h) for h in lines) + "\\end{" + env + "}"


PREAMBLE = "\\usepackage[utf8]{inputenc}\n\\usepackage[T1]{fontenc}\n\\usepackage{lmodern}\n"


# The later rounds' families are set with XeLaTeX and OpenType Latin Modern: their people's names
# include Vietnamese letters (ế, ạ) that pdflatex's T1 fonts don't have.
XE_PREAMBLE = "\\usepackage{fontspec}\n"
XE_STYLES = {"fancy", "oldstyle"}


def moderncv(style: str):
    xe = style in XE_STYLES

    def make(p: Person, out: Path) -> None:
        date_style = {
            "classic": "month",
            "banking": "year",
            "casual": "numeric",
            "fancy": "iso",
            "oldstyle": "month",
        }[style]
        entries = "\n".join(
            f"\\cventry{{{span(p, j, date_style)}}}{{{esc(j.title)}}}{{{esc(j.company)}}}{{{esc(j.city)}}}{{}}"
            "{" + items(j.highlights, "itemize") + "}"
            for j in p.jobs
        )
        social = f"\\social[linkedin]{{{p.links['linkedin'].rsplit('/', 1)[-1]}}}\n"
        if "github" in p.links:
            social += f"\\social[github]{{{p.links['github'].rsplit('/', 1)[-1]}}}\n"
        src = f"""\\documentclass[11pt,a4paper,sans]{{moderncv}}
\\moderncvstyle{{{style}}}
\\moderncvcolor{{{ {"classic": "blue", "banking": "black", "casual": "green", "fancy": "orange", "oldstyle": "burgundy"}[style] }}}
{XE_PREAMBLE if xe else PREAMBLE}\\usepackage[scale=0.8]{{geometry}}
\\name{{{esc(p.first)}}}{{{esc(p.last)}}}
\\title{{{esc(p.label)}}}
\\address{{{esc(p.street)}}}{{{esc(p.postcode)} {esc(p.city)}}}{{{esc(p.region)}}}
\\phone[mobile]{{{esc(p.phone_display)}}}
\\email{{{esc(p.email)}}}
{social}\\begin{{document}}
\\makecvtitle
\\section{{Experience}}
{entries}
\\section{{Education}}
\\cventry{{{p.school_years[0]} -- {p.school_years[1]}}}{{{esc(p.degree)}}}{{{esc(p.school)}}}{{}}{{}}{{}}
\\section{{Skills}}
\\cvitem{{Tools}}{{{esc(", ".join(p.skills))}}}
\\end{{document}}
"""
        compile_tex(src, out, engine="xelatex" if xe else "pdflatex")

    return make


def europasscv(p: Person, out: Path) -> None:
    jobs = "\n".join(
        f"\\ecvtitle{{{span(p, j, 'numeric')}}}{{{esc(j.title)}}}\n\\ecvitem{{}}{{{esc(j.company)}, {esc(j.city)}}}\n"
        "\\ecvitem{}{" + items(j.highlights, "ecvitemize") + "}"
        for j in p.jobs
    )
    src = f"""\\documentclass[english,a4paper]{{europasscv}}
\\usepackage[english]{{babel}}
{PREAMBLE}\\ecvname{{{esc(p.name)}}}
\\ecvaddress{{{esc(p.street)}, {esc(p.postcode)} {esc(p.city)}, {esc(p.region)}}}
\\ecvmobile{{{esc(p.phone_display)}}}
\\ecvemail{{{esc(p.email)}}}
\\begin{{document}}
\\begin{{europasscv}}
\\ecvpersonalinfo
\\ecvsection{{Work experience}}
{jobs}
\\ecvsection{{Education and training}}
\\ecvtitle{{{p.school_years[0]} -- {p.school_years[1]}}}{{{esc(p.degree)}}}
\\ecvitem{{}}{{{esc(p.school)}}}
\\ecvsection{{Personal skills}}
\\ecvitem{{Digital skills}}{{{esc(", ".join(p.skills))}}}
\\end{{europasscv}}
\\end{{document}}
"""
    compile_tex(src, out)


JAKE_PREAMBLE = r"""\documentclass[letterpaper,11pt]{article}
\usepackage[utf8]{inputenc}
\usepackage[T1]{fontenc}
\usepackage{lmodern}
\usepackage{latexsym}
\usepackage[empty]{fullpage}
\usepackage{titlesec}
\usepackage{marvosym}
\usepackage[usenames,dvipsnames]{color}
\usepackage{enumitem}
\usepackage[hidelinks]{hyperref}
\usepackage{fancyhdr}
\usepackage{tabularx}
\pagestyle{fancy}
\fancyhf{}
\fancyfoot{}
\renewcommand{\headrulewidth}{0pt}
\renewcommand{\footrulewidth}{0pt}
\addtolength{\oddsidemargin}{-0.5in}
\addtolength{\evensidemargin}{-0.5in}
\addtolength{\textwidth}{1in}
\addtolength{\topmargin}{-.5in}
\addtolength{\textheight}{1.0in}
\urlstyle{same}
\raggedbottom
\raggedright
\setlength{\tabcolsep}{0in}
\titleformat{\section}{\vspace{-4pt}\scshape\raggedright\large}{}{0em}{}[\color{black}\titlerule \vspace{-5pt}]
\newcommand{\resumeItem}[1]{\item\small{{#1 \vspace{-2pt}}}}
\newcommand{\resumeSubheading}[4]{
  \vspace{-2pt}\item
    \begin{tabular*}{0.97\textwidth}[t]{l@{\extracolsep{\fill}}r}
      \textbf{#1} & #2 \\
      \textit{\small#3} & \textit{\small #4} \\
    \end{tabular*}\vspace{-7pt}
}
\renewcommand\labelitemii{$\vcenter{\hbox{\tiny$\bullet$}}$}
\newcommand{\resumeSubHeadingListStart}{\begin{itemize}[leftmargin=0.15in, label={}]}
\newcommand{\resumeSubHeadingListEnd}{\end{itemize}}
\newcommand{\resumeItemListStart}{\begin{itemize}}
\newcommand{\resumeItemListEnd}{\end{itemize}\vspace{-5pt}}
"""


def jake(p: Person, out: Path) -> None:
    """Jake Gutierrez's résumé (MIT), the most copied LaTeX résumé: company line, then position line, dates right."""
    li = p.links["linkedin"].split("//", 1)[1].replace("www.", "")
    contact = [
        esc(p.phone_display),
        f"\\href{{mailto:{p.email}}}{{\\underline{{{esc(p.email)}}}}}",
        f"\\href{{{p.links['linkedin']}}}{{\\underline{{{esc(li)}}}}}",
    ]
    if "github" in p.links:
        gh = p.links["github"].split("//", 1)[1]
        contact.append(f"\\href{{{p.links['github']}}}{{\\underline{{{esc(gh)}}}}}")
    jobs = "\n".join(
        f"\\resumeSubheading{{{esc(j.company)}}}{{{span(p, j, 'month').replace('--', '--')}}}{{{esc(j.title)}}}{{{esc(j.city)}}}\n"
        "\\resumeItemListStart "
        + "".join("\\resumeItem{" + esc(h) + "}" for h in j.highlights)
        + " \\resumeItemListEnd"
        for j in p.jobs
    )
    src = f"""{JAKE_PREAMBLE}
\\begin{{document}}
\\begin{{center}}
    \\textbf{{\\Huge \\scshape {esc(p.name)}}} \\\\ \\vspace{{1pt}}
    \\small {" $|$ ".join(contact)}
\\end{{center}}
\\section{{Education}}
  \\resumeSubHeadingListStart
    \\resumeSubheading{{{esc(p.school)}}}{{{esc(p.jobs[-1].city)}}}{{{esc(p.degree)}}}{{{p.school_years[0]} -- {p.school_years[1]}}}
  \\resumeSubHeadingListEnd
\\section{{Experience}}
  \\resumeSubHeadingListStart
{jobs}
  \\resumeSubHeadingListEnd
\\section{{Technical Skills}}
 \\begin{{itemize}}[leftmargin=0.15in, label={{}}]
    \\small{{\\item{{\\textbf{{Tools}}{{: {esc(", ".join(p.skills))}}}}}}}
 \\end{{itemize}}
\\end{{document}}
"""
    compile_tex(src, out)


def curve(p: Person, out: Path) -> None:
    jobs = "\n".join(
        f"\\entry*[{span(p, j, 'year')}] \\textbf{{{esc(j.title)}}}, {esc(j.company)}, {esc(j.city)}. {esc(j.highlights[0])}."
        for j in p.jobs
    )
    src = f"""\\documentclass[a4paper,11pt]{{curve}}
{PREAMBLE}\\usepackage[hidelinks]{{hyperref}}
\\leftheader{{{esc(p.street)}\\\\{esc(p.postcode)} {esc(p.city)}\\\\{esc(p.region)}}}
\\rightheader{{\\href{{mailto:{p.email}}}{{{esc(p.email)}}}\\\\ {esc(p.phone_display)}}}
\\title{{{esc(p.name)}}}
\\subtitle{{{esc(p.label)}}}
\\begin{{document}}
\\makeheaders[c]
\\maketitle
\\makerubric{{experience}}
\\makerubric{{education}}
\\end{{document}}
"""
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "experience.tex").write_text(
            f"\\begin{{rubric}}{{Experience}}\n{jobs}\n\\end{{rubric}}\n", encoding="utf-8"
        )
        (Path(tmp) / "education.tex").write_text(
            f"\\begin{{rubric}}{{Education}}\n\\entry*[{p.school_years[0]}--{p.school_years[1]}] {esc(p.degree)}, {esc(p.school)}.\n\\end{{rubric}}\n",
            encoding="utf-8",
        )
        (Path(tmp) / "cv.tex").write_text(src, encoding="utf-8")
        for _ in range(2):
            run = subprocess.run(
                ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "cv.tex"],
                cwd=tmp,
                capture_output=True,
                timeout=180,
            )
        if run.returncode != 0:
            raise RuntimeError(run.stdout.decode(errors="replace")[-3000:])
        shutil.copy(Path(tmp) / "cv.pdf", out)


def europecv(p: Person, out: Path) -> None:
    """The older Europass class (europecv): every field a row of a label column and a value column,
    a job as "Dates", "Occupation or position held", "Name and address of employer" rows."""
    jobs = "\n".join(
        f"\\ecvitem{{Dates}}{{{span(p, j, 'month').replace(' -- ', ' – ')}}}\n"
        f"\\ecvitem{{Occupation or position held}}{{{esc(j.title)}}}\n"
        "\\ecvitem{Main activities and responsibilities}{" + esc("; ".join(j.highlights)) + "}\n"
        f"\\ecvitem{{Name and address of employer}}{{{esc(j.company)}, {esc(j.city)}}}\n\\ecvitem{{}}{{}}"
        for j in p.jobs
    )
    # XeLaTeX with OpenType Latin Modern, so "Brașov" keeps its comma below (pdflatex's T1 fonts set
    # it as "Bras, ov"); the class's own UTF-8 switch has nothing to do there.
    src = f"""\\documentclass[english,a4paper,nologo]{{europecv}}
\\providecommand{{\\inputencoding}}[1]{{}}
\\usepackage{{fontspec}}
\\usepackage[english]{{babel}}
\\usepackage[hidelinks]{{hyperref}}
\\ecvname{{{esc(p.name)}}}
\\ecvaddress{{{esc(p.street)}, {esc(p.postcode)} {esc(p.city)}, {esc(p.country_name or p.region)}}}
\\ecvtelephone{{{esc(p.phone_display)}}}
\\ecvemail{{\\href{{mailto:{p.email}}}{{{esc(p.email)}}}}}
\\begin{{document}}
\\begin{{europecv}}
\\ecvpersonalinfo
\\section{{Desired employment}}
\\ecvitem{{Occupational field}}{{{esc(p.label)}}}
\\section{{Work experience}}
{jobs}
\\section{{Education and training}}
\\ecvitem{{Dates}}{{{p.school_years[0]} – {p.school_years[1]}}}
\\ecvitem{{Title of qualification awarded}}{{{esc(p.degree)}}}
\\ecvitem{{Name of organisation}}{{{esc(p.school)}}}
\\section{{Personal skills}}
\\ecvitem{{Computer skills}}{{{esc(", ".join(p.skills))}}}
\\end{{europecv}}
\\end{{document}}
"""
    compile_tex(src, out, engine="xelatex")


def currvita(p: Person, out: Path) -> None:
    """currvita, the German "Lebenslauf" package: the name as the heading, then lists with the dates
    (or the field) in a left label column and the entry beside them."""
    jobs = "\n".join(
        f"\\item[{span(p, j, 'numeric')}] \\textbf{{{esc(j.title)}}}\\newline {esc(j.company)}, {esc(j.city)}"
        "\\newline {\\small " + esc(". ".join(j.highlights)) + ".}"
        for j in p.jobs
    )
    src = f"""\\documentclass[a4paper,11pt]{{article}}
\\usepackage{{fontspec}}
\\usepackage[LabelsAligned,NoDate]{{currvita}}
\\usepackage[margin=2.2cm]{{geometry}}
\\usepackage[hidelinks]{{hyperref}}
\\setlength{{\\cvlabelwidth}}{{3.6cm}}
\\begin{{document}}
\\begin{{cv}}{{{esc(p.name)}}}
\\begin{{cvlist}}{{Personal details}}
\\item[Address] {esc(p.street)}\\newline {esc(p.postcode)} {esc(p.city)}
\\item[Phone] {esc(p.phone_display)}
\\item[E-mail] \\href{{mailto:{p.email}}}{{{esc(p.email)}}}
\\end{{cvlist}}
\\begin{{cvlist}}{{Professional experience}}
{jobs}
\\end{{cvlist}}
\\begin{{cvlist}}{{Education}}
\\item[{p.school_years[0]}--{p.school_years[1]}] {esc(p.degree)}, {esc(p.school)}
\\end{{cvlist}}
\\begin{{cvlist}}{{Skills}}
\\item[Tools] {esc(", ".join(p.skills))}
\\end{{cvlist}}
\\end{{cv}}
\\end{{document}}
"""
    compile_tex(src, out, engine="xelatex")


def moderntimeline(p: Person, out: Path) -> None:
    """moderncv (classic) with the moderntimeline package: each job's dates drawn as a bar on a
    shared time axis in the left column, the year labels set by TikZ at the bar's ends."""
    first = min(j.start[0] for j in p.jobs) - 1
    entries = "\n".join(
        f"\\tlcventry{{{j.start[0]}}}{{{j.end[0] if j.end else 0}}}{{{esc(j.title)}}}{{{esc(j.company)}}}"
        f"{{{esc(j.city)}}}{{}}{{{esc('. '.join(j.highlights))}.}}"
        for j in p.jobs
    )
    social = f"\\social[linkedin]{{{p.links['linkedin'].rsplit('/', 1)[-1]}}}\n"
    src = f"""\\documentclass[11pt,a4paper,sans]{{moderncv}}
\\moderncvstyle{{classic}}
\\moderncvcolor{{grey}}
{XE_PREAMBLE}\\usepackage[scale=0.8]{{geometry}}
\\usepackage{{moderntimeline}}
\\tlmaxdates{{{first}}}{{2026}}
\\name{{{esc(p.first)}}}{{{esc(p.last)}}}
\\title{{{esc(p.label)}}}
\\address{{{esc(p.street)}}}{{{esc(p.city)}, {esc(p.postcode)}}}{{{esc(p.country_name)}}}
\\phone[mobile]{{{esc(p.phone_display)}}}
\\email{{{esc(p.email)}}}
{social}\\begin{{document}}
\\makecvtitle
\\section{{Professional experience}}
{entries}
\\section{{Education}}
\\tlcventry{{{p.school_years[0]}}}{{{p.school_years[1]}}}{{{esc(p.degree)}}}{{{esc(p.school)}}}{{}}{{}}{{}}
\\section{{Skills}}
\\cvitem{{Tools}}{{{esc(", ".join(p.skills))}}}
\\end{{document}}
"""
    compile_tex(src, out, engine="xelatex")


def ecv(p: Person, out: Path) -> None:
    """ecv, a KOMA-Script take on the European CV: one long table, labels in a ragged left column
    behind a rule, "Curriculum Vitae" as the page's title, the name again in every page's footer."""
    jobs = "\n".join(
        f"\\ecvEFR{{{span(p, j, 'numeric').replace(' -- ', ' – ')}}}{{\\textbf{{{esc(j.title)}}}}}\n"
        f"\\ecvEPR{{}}{{{esc(j.company)}, {esc(j.city)}}}\n"
        "\\ecvEPB{}{" + esc("; ".join(j.highlights)) + "}"
        for j in p.jobs
    )
    src = f"""\\documentclass[english]{{ecv}}
{XE_PREAMBLE}\\ecvName{{{esc(p.name)}}}
\\begin{{document}}
\\begin{{ecv}}
\\ecvSection{{Personal information}}
\\ecvEPR{{Name}}{{{esc(p.name)}}}
\\ecvEPR{{Address}}{{{esc(p.street)}, {esc(p.postcode)} {esc(p.city)}, {esc(p.country_name)}}}
\\ecvEPR{{Mobile}}{{{esc(p.phone_display)}}}
\\ecvEPR{{E-mail}}{{\\ecvHyperEMail{{{p.email}}}}}
\\ecvBSec{{Work experience}}
{jobs}
\\ecvBSec{{Education}}
\\ecvEFR{{{p.school_years[0]} – {p.school_years[1]}}}{{\\textbf{{{esc(p.degree)}}}}}
\\ecvEPR{{}}{{{esc(p.school)}}}
\\ecvBSec{{Skills}}
\\ecvEPR{{Tools}}{{{esc(", ".join(p.skills))}}}
\\end{{ecv}}
\\end{{document}}
"""
    # ecv (2011) predates XeTeX: it picks its geometry and hyperref drivers by \ifpdf (pdftex, else
    # dvips) and asks for latin9 inputenc. A copy made here with XeTeX's driver and no inputenc is
    # the only change; everything the page shows is the class's.
    cls = Path(
        subprocess.run(["kpsewhich", "ecv.cls"], capture_output=True, text=True, check=True).stdout.strip()
    )
    patched = cls.read_text(encoding="latin-1").replace("dvips", "xetex")
    patched = patched.replace("\\RequirePackage[latin9]{inputenc}", "")
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "ecv.cls").write_text(patched, encoding="latin-1")
        compile_tex_in(src, out, Path(tmp), "xelatex")


def simplecv(p: Person, out: Path) -> None:
    """simplecv (the curve-like class of the LyX distribution): a left and a right header block of
    contact lines, a centred name, and "topic" lists with the dates as hanging labels."""
    jobs = "\n".join(
        f"\\item[{span(p, j, 'year')}] \\textbf{{{esc(j.company)}}}, {esc(j.city)} \\\\ \\emph{{{esc(j.title)}}} \\\\ "
        + esc(". ".join(j.highlights))
        + "."
        for j in p.jobs
    )
    src = f"""\\documentclass[a4paper,11pt]{{simplecv}}
{XE_PREAMBLE}\\usepackage[margin=2cm]{{geometry}}
\\usepackage[hidelinks]{{hyperref}}
\\leftheader{{{esc(p.street)}\\\\{esc(p.postcode)} {esc(p.city)}\\\\{esc(p.country_name)}}}
\\rightheader[r]{{Tel. {esc(p.phone_display)}\\\\\\href{{mailto:{p.email}}}{{{esc(p.email)}}}}}
\\title{{{esc(p.name)}}}
\\begin{{document}}
\\maketitle
\\section{{Employment}}
\\begin{{topic}}
{jobs}
\\end{{topic}}
\\section{{Education}}
\\begin{{topic}}
\\item[{p.school_years[0]}--{p.school_years[1]}] {esc(p.degree)}, {esc(p.school)}
\\end{{topic}}
\\section{{Skills}}
\\begin{{topic}}
\\item[Tools] {esc(", ".join(p.skills))}
\\end{{topic}}
\\end{{document}}
"""
    compile_tex(src, out, engine="xelatex")


# Round 5's TeX families (people_r5.py).


def harnon_cv(p: Person, out: Path) -> None:
    """harnon-cv (William Hart's timeline CV): the name in small capitals over e-mail and phone on the
    left, the address on the right, then a timeline with the start year in a left column and
    "Title" over "Employer, City" on the right. (The class prints a stray "l" before the e-mail.)"""
    jobs = "\n".join(
        f"\\timelineitem{{{j.start[0]}}}{{\\addsubheader{{{esc(j.title)}}}\\addcallout{{{esc(j.company)}, {esc(j.city)}}}"
        f"\\par {span(p, j, 'month')}\\par " + " ".join(f"\\addtimelinebullet{{{esc(h)}}}" for h in j.highlights) + "}"
        # The class pulls each item 1 cm up for one-line entries; ours are taller, so give it back.
        + "\\par\\vspace{1.2cm}"
        for j in p.jobs
    )
    src = f"""\\documentclass{{harnon-cv}}
{PREAMBLE}\\usepackage{{xcolor}}
\\definecolor{{darkgrey}}{{gray}}{{0.25}}\\definecolor{{lightgrey}}{{gray}}{{0.55}}\\definecolor{{verylightgrey}}{{gray}}{{0.85}}
\\usepackage{{url}}
\\yourname{{{esc(p.name)}}}
\\youremail{{{esc(p.email)}}}
\\yournumber{{{esc(p.phone_display)}}}
\\youraddress{{{esc(p.street)}\\\\ {esc(p.city)}, {esc(p.region)}\\\\ {esc(p.country_name)}}}
\\begin{{document}}
\\maketitle
\\addheadertext{{Profile}}
{esc(p.summary)}

\\addheadertext{{Experience}}
\\starttimeline
{jobs}
\\stoptimeline
\\addheadertext{{Education}}
\\starttimeline
\\timelineitem{{{p.school_years[1]}}}{{\\addsubheader{{{esc(p.degree)}}}\\addcallout{{{esc(p.school)}}}}}
\\stoptimeline
\\addheadertext{{Skills}}
{esc(", ".join(p.skills))}
\\end{{document}}
"""
    compile_tex(src, out)


def readablecv(p: Person, out: Path) -> None:
    """ReadableCV 3.0 (Philip Stone, on memoir): the name and headline title centred, the contact
    details below, each role as a table with the dates in a 3 cm column and the employer set before
    the title (setJobCompanyOrder{CompanyFirst}), a "Role outline" under it. No postal address."""

    def dates(j) -> str:
        return span(p, j, "numeric").replace(" -- ", "--")

    roles = "\n".join(
        f"\\newRole{{{dates(j)}}}{{{esc(j.title)}}}{{{esc(j.company)}, {esc(j.city)}}}{{{esc(j.highlights[0])}}}\n"
        f"\\roleResponsibilities{{{esc(j.highlights[1])}}}{{{esc(j.highlights[2]) if len(j.highlights) > 2 else ''}}}{{}}{{}}{{}}"
        for j in p.jobs
    )
    src = f"""\\documentclass{{ReadableCV}}
\\usepackage[utf8]{{inputenc}}
\\setYourName{{{esc(p.name)}}}
\\setYourJobTitle{{{esc(p.label)}}}
\\setYourMobileNo{{{esc(p.phone_display)}}}
\\setYourHomeNo{{}}
\\setYourEmailAddr{{{esc(p.email)}}}
\\setYourWebAddr{{{esc(p.links['linkedin'].split('//')[1])}}}
\\setJobCompanyOrder{{CompanyFirst}}
\\begin{{document}}
\\showHeader
\\newHeading{{Profile}}{{}}
{esc(p.summary)}
\\newHeading{{Career history}}{{}}
{roles}
\\newHeading{{Education}}{{}}
\\newCourse{{{p.school_years[0]}--{p.school_years[1]}}}{{{esc(p.degree)}}}{{{esc(p.school)}}}{{}}
\\newHeading{{Skills}}{{}}
\\addSkills{{{'}{'.join(esc(s) for s in (p.skills + [''] * 9)[:9])}}}
\\end{{document}}
"""
    compile_tex(src, out)


def tucv(p: Person, out: Path) -> None:
    """tucv (the University of Tulsa iSec CV style): a centred name and address block, grey shaded
    section bands, each employer in bold with its city, the position indented under it and the
    dates in a narrow right column, start over end ("Mar 2021 --" / "Present")."""
    jobs = "\n".join(
        f"\\resemployer[{esc(j.city)}]{{{esc(j.company)}}}{{}}\n"
        f"\\resjob[{esc('. '.join(j.highlights))}.]{{{esc(j.title)}}}{{{span(p, j, 'month').split(' -- ')[0]}}}{{{span(p, j, 'month').split(' -- ')[1]}}}\n\\vspace{{4pt}}"
        for j in p.jobs
    )
    src = f"""\\documentclass[11pt,letterpaper]{{article}}
{PREAMBLE}\\usepackage[pagesetup]{{tucv}}
\\begin{{document}}
\\begin{{center}}
{{\\LARGE\\bfseries {esc(p.name)}}}\\\\[4pt]
{esc(p.street)}, {esc(p.city)}, {esc(p.region)} {esc(p.postcode)}\\\\
{esc(p.phone_display)} \\quad {esc(p.email)}
\\end{{center}}
\\resheading{{Summary}}\\\\
\\resentrysinglecol{{{esc(p.summary)}}}
\\resheading{{Experience}}\\\\
{jobs}
\\resheading{{Education}}\\\\
\\resschool{{{esc(p.school)}}}{{{p.school_years[1]}}}
\\resheading{{Skills}}\\\\
\\resentrysinglecol{{{esc(", ".join(p.skills))}}}
\\end{{document}}
"""
    compile_tex(src, out)


def garamond(p: Person, out: Path) -> None:
    """The hand-set LaTeX article résumé many people copy: EB Garamond (the ebgaramond package), the
    name centred in
    small capitals, one contact row separated by bullets, small-caps rules as section headings,
    "Title, Employer" in one line with ISO dates (2021-03) flush right and the city below."""
    jobs = "\n".join(
        f"\\noindent\\textbf{{{esc(j.title)}}}, \\textit{{{esc(j.company)}}} \\hfill {span(p, j, 'iso').replace(' -- ', ' – ')}\\\\\n"
        f"{{\\small {esc(j.city)}}}\n\\begin{{itemize}}\\setlength\\itemsep{{0pt}}"
        + "".join(f"\\item {esc(h)}" for h in j.highlights)
        + "\\end{itemize}\n"
        for j in p.jobs
    )
    src = f"""\\documentclass[11pt,a4paper]{{article}}
\\usepackage[utf8]{{inputenc}}
\\usepackage[T1]{{fontenc}}
\\usepackage{{ebgaramond}}
\\usepackage[margin=2cm]{{geometry}}
\\usepackage{{titlesec}}
\\titleformat{{\\section}}{{\\large\\scshape}}{{}}{{0pt}}{{}}[\\titlerule]
\\pagestyle{{empty}}
\\begin{{document}}
\\begin{{center}}
{{\\huge\\scshape {esc(p.name)}}}\\\\[6pt]
{esc(p.city)}, {esc(p.country_name)} \\textbullet{{}} {esc(p.phone_display)} \\textbullet{{}} {esc(p.email)} \\textbullet{{}} {esc(p.links['linkedin'].split('//')[1])}
\\end{{center}}
\\section*{{Experience}}
{jobs}
\\section*{{Education}}
\\noindent\\textbf{{{esc(p.degree)}}}, \\textit{{{esc(p.school)}}} \\hfill {p.school_years[0]} – {p.school_years[1]}
\\section*{{Skills}}
\\noindent {esc(" · ".join(p.skills))}
\\end{{document}}
"""
    compile_tex(src, out, engine="xelatex")
