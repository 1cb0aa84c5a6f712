"""Words LinkedIn prints that the parsers recognise lines by (kept apart from the parsing code).

Written as comma-separated strings so that the lists stay compact and easy to extend.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(w.strip() for w in text.split(",") if w.strip())


# LinkedIn's fixed list of employment types; a "Company · Full-time" line ends with one of them.
# English first, then as the sv, de, fr, es, pt, nl and it interfaces write them.
EMPLOYMENT_TYPES = _words("""
    full-time, part-time, self-employed, freelance, contract, internship, apprenticeship,
    seasonal, temporary, permanent, volunteer, trainee, permanent full-time,
    permanent part-time, contract full-time, contract part-time,
    heltid, deltid, egenföretagare, frilans, konsultuppdrag, praktik, lärling,
    vollzeit, teilzeit, selbstständig, freiberuflich, praktikum, ausbildung,
    temps plein, temps partiel, indépendant, stage, alternance, cdi, cdd,
    jornada completa, media jornada, jornada parcial, autónomo, prácticas,
    tempo integral, meio período, autônomo, estágio, voltijd, deeltijd, stagiair,
    tempo pieno, part time, lavoratore autonomo, tirocinio
""")

# A location line may end with where the work happens; that is not part of the place.
WORKPLACE_TYPES = _words("""
    on-site, hybrid, remote, på plats, hybrid, på distans, vor ort, hybrid, remote,
    sur site, hybride, à distance, presencial, híbrido, en remoto, remoto, op locatie,
    hybride, op afstand, in sede, ibrido, da remoto
""")

# Words that make a lone education line a degree rather than a field of study.
DEGREE_WORDS = tuple(
    _words("""
    bachelor, master, degree, phd, ph.d, doctor, diploma, certificat, associate, bsc, msc,
    mba, b.sc, m.sc, b.a, m.a, b.s, m.s, btech, mtech, licen, high school, gcse, a-level,
    a level, baccalaur, postgraduate, undergraduate, kandidat, magister, examen, abitur,
    diplom, licence, grado, licenciatura, máster, mestrado, laurea
""")
)

# Section headings, for when a card has lost its id anchor.
HEADINGS = {
    "about": ("about", "om", "info", "à propos", "acerca de", "sobre", "over", "informazioni"),
    "experience": (
        "experience",
        "erfarenhet",
        "berufserfahrung",
        "expérience",
        "experiencia",
        "experiência",
        "ervaring",
        "esperienza",
    ),
    "education": (
        "education",
        "utbildning",
        "ausbildung",
        "formation",
        "educación",
        "formação acadêmica",
        "opleiding",
        "formazione",
    ),
    "skills": (
        "skills",
        "kompetenser",
        "kenntnisse",
        "compétences",
        "aptitudes",
        "competências",
        "vaardigheden",
        "competenze",
    ),
    "volunteering_experience": ("volunteering", "volunteer experience", "ideellt arbete"),
    "licenses_and_certifications": (
        "licenses & certifications",
        "licenses and certifications",
        "certifications",
        "licenser och certifieringar",
    ),
    "languages": ("languages", "språk", "sprachen", "langues", "idiomas", "talen", "lingue"),
    "interests": ("interests", "intressen", "interessen", "intérêts", "intereses"),
}
