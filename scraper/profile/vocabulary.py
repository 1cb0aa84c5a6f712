"""Words LinkedIn prints that the parsers recognise lines by (kept apart from the parsing code).

Written as comma-separated strings so that the lists stay compact and easy to extend.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(w.strip() for w in text.split(",") if w.strip())


# LinkedIn's fixed list of employment types; a "Company · Full-time" line ends with one of them.
# English first, then as the sv, de, fr, es, pt, it, nl and pl interfaces write them.
EMPLOYMENT_TYPES = _words("""
    full-time, part-time, self-employed, freelance, contract, internship, apprenticeship,
    seasonal, temporary, permanent, volunteer, trainee, permanent full-time,
    permanent part-time, contract full-time, contract part-time,
    heltid, deltid, egenföretagare, frilans, konsultuppdrag, praktik, lärling, säsongsarbete,
    vollzeit, teilzeit, selbstständig, freiberuflich, praktikum, ausbildung, befristet, saisonal,
    werkstudent, temps plein, temps partiel, indépendant, stage, alternance, cdi, cdd, saisonnier,
    intérim, contrat en alternance, jornada completa, media jornada, jornada parcial, autónomo,
    prácticas, contrato temporal, de temporada, aprendiz, tempo integral, meio período,
    autônomo, estágio, temporário, sazonal, contrato, tempo pieno, a tempo pieno, part time,
    lavoratore autonomo, lavoro autonomo, tirocinio, apprendistato, stagionale,
    contratto a tempo determinato, voltijd, deeltijd, fulltime, parttime, zelfstandige, stagiair,
    tijdelijk, leerling, seizoensgebonden, pełny etat, część etatu, samozatrudnienie,
    wolny strzelec, umowa zlecenie, kontrakt, staż, praktyki, praktyka zawodowa, sezonowo,
    praca sezonowa, umowa o pracę
""")

# A location line may end with where the work happens; that is not part of the place.
WORKPLACE_TYPES = _words("""
    on-site, hybrid, remote, på plats, på distans, vor ort, homeoffice,
    sur site, sur place, hybride, à distance, télétravail, presencial, híbrido, en remoto,
    remoto, in sede, ibrido, da remoto, op locatie, op afstand, thuiswerk,
    na miejscu, stacjonarnie, hybrydowo, praca hybrydowa, zdalnie, praca zdalna
""")

# Words that make a lone education line a degree rather than a field of study.
DEGREE_WORDS = tuple(
    _words("""
    bachelor, master, degree, phd, ph.d, doctor, diploma, certificat, associate, bsc, msc,
    mba, b.sc, m.sc, b.a, m.a, b.s, m.s, btech, mtech, licen, high school, gcse, a-level,
    a level, baccalaur, postgraduate, undergraduate, kandidat, magister, examen, abitur,
    diplom, licence, grado, licenciatura, máster, mestrado, laurea, inżynier, licencjat,
    doktor, doctorat, doctorado, doutorado, dottorato, diplôme, ingénieur, ingenieur
""")
)

# Section headings, for when a card of the classic layout has lost its id anchor. (The 2026
# layout names its cards by componentkey, in no language: see linkedin_sdui.)
HEADINGS = {
    "about": (
        "about",
        "om",
        "info",
        "à propos",
        "acerca de",
        "sobre",
        "over",
        "informazioni",
        "informacje",
    ),
    "experience": (
        "experience",
        "erfarenhet",
        "berufserfahrung",
        "expérience",
        "experiencia",
        "experiência",
        "ervaring",
        "esperienza",
        "doświadczenie",
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
        "wykształcenie",
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
        "umiejętności",
    ),
    "volunteering_experience": ("volunteering", "volunteer experience", "ideellt arbete"),
    "licenses_and_certifications": (
        "licenses & certifications",
        "licenses and certifications",
        "certifications",
        "licenser och certifieringar",
    ),
    "languages": (
        "languages",
        "språk",
        "sprachen",
        "langues",
        "idiomas",
        "talen",
        "lingue",
        "języki",
    ),
    "interests": (
        "interests",
        "intressen",
        "interessen",
        "intérêts",
        "intereses",
        "zainteresowania",
    ),
}
