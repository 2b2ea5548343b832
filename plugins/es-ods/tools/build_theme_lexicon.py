#!/usr/bin/env python3
"""Builds es-ods' theme lexicon from the UN's Spanish wording of the goals.

Reads the goals, targets and indicators of the 2030 Agenda in Spanish (a TSV with columns
level, ods, id, text_es; ../shared/sdg-es/un_sdg_es_goals_targets_indicators.tsv) and writes
a lexicon file (term, goal, weight; the format of docs/recognizers/ods.md) of the content
words and bigrams that tell one goal from the others:

- words are lower-cased, stop words and generic UN wording ("proporción", "desglosada") are
  dropped, and each word is reduced to a light stem written as a "stem*" prefix term
  (plural and final vowel only: "enfermedades" -> "enfermedad*", "vacunas" -> "vacun*");
  words every local government's report uses whatever its theme ("ciudad", "municipal")
  are not terms alone, only inside bigrams;
- bigrams are two content words that stand next to each other in the UN text ("cambio
  climático" -> "cambio climatic*");
- a term's weight for a goal (at most WORD_WEIGHT, BIGRAM_WEIGHT) grows with how often the
  goal's texts use it (its goal and short name count three times, a target twice, an indicator once) and with how few goals
  use it at all (an idf over the 17 goals); terms that most goals share are dropped.

Usage: build_theme_lexicon.py SOURCE.tsv > plugins/es-ods/data/un_themes.tsv
  (from the worktree: SOURCE is ../shared/sdg-es/un_sdg_es_goals_targets_indicators.tsv)
Deterministic: the same source gives the same file.
"""
import csv
import math
import re
import sys
import unicodedata
from collections import defaultdict

GOALS = 17
LEVEL_WEIGHT = {"goal_short": 3, "goal": 3, "target": 2, "indicator": 1}
# Spanish function words and the UN's generic wording of targets and indicators.
STOP_WORDS = """
a al algo ante antes aquí bajo cada como con contra cual cuales de del desde donde durante
e el ella ellas ellos en entre era es esa esas ese eso esos esta estas este esto estos fin
ha han hasta la las le les lo los más mas mediante menos mismo muy ni no nos o otra otras
otro otros para pero por porque que quien se sea según ser si sin sobre su sus tal también
tanto todas todo todos través u un una unas uno unos y ya cuando cuanto así dicha dichas
dicho dichos respecto hacia forma formas particular especial incluidas incluido incluidos
incluida incluso entre
proporción número porcentaje desglosada desglosado desglosados desglosadas sexo edad total
tasa indicador países país nacional nacionales mundial mundo 2020 2025 2030 2015 medida
medidas aumentar lograr garantizar asegurar promover apoyar mejorar reducir aplicar adoptar
velar fortalecer apoyo nivel niveles plazo año años aquí relación base tipo tipos
cantidad proporcion todas personas persona parte partes respectivos respectivo general
acuerdo conformidad sistema sistemas datos dólares estados unidos norte detener
dimensiones declaradas reglamentada múltiples
"""
# Words every local government's report uses whatever its theme: as a term alone they say
# nothing of the goal ("la Ciudad de México", "el gobierno municipal"); bigrams keep them
# ("ciudades sostenibles").
DOMAIN_WORDS = """
ciudad ciudades municipal municipales municipio municipios gobierno gobiernos local locales
urbano urbana urbanos urbanas desarrollo sostenible sostenibles internacional internacionales
cooperación programa programas proyecto proyectos política políticas públicas pública
público públicos servicios servicio recursos materiales capacidad capacidades acceso
instituciones institucional plan planes gestión estrategia estrategias regional regionales
participación comunidad comunidades sociedad sector sectores privado privada
"""
# The heaviest a word or a bigram can weigh. Below the inference threshold (1.0): one UN
# term never settles a goal alone, it adds to the curated lexicon's evidence. Fitted on
# corpora/ and the shared seeds (docs/recognizers/ods.md).
WORD_WEIGHT = 0.6
BIGRAM_WEIGHT = 0.9
MIN_WEIGHT = 0.25


def fold(word):
    """Lower case without accents (the matcher ignores them too)."""
    nfkd = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in nfkd if not unicodedata.combining(c))


STOP = {fold(w) for w in STOP_WORDS.split()}
DOMAIN = {fold(w) for w in DOMAIN_WORDS.split()}


def stem(word):
    """A light Spanish stem: plural, then a final vowel; never shorter than 5 letters."""
    w = word
    if w.endswith("ces") and len(w) > 5:
        w = w[:-3] + "z"
    elif w.endswith("es") and len(w) > 5 and w[-3] not in "aeiou":
        w = w[:-2]
    elif w.endswith("s") and len(w) > 4:
        w = w[:-1]
    if w[-1] in "aeo" and len(w) > 5:
        w = w[:-1]
    return w


def term_of(word):
    s = stem(word)
    return s + "*" if len(s) >= 5 else word


def words(text):
    text = unicodedata.normalize("NFC", text)
    return [fold(w) for w in re.findall(r"[A-Za-zÁÉÍÓÚÜÑáéíóúüñ]+", text)]


def terms(text):
    """The unigram and bigram terms of one UN text, each once."""
    out = set()
    previous = None
    for w in words(text):
        if w in STOP or len(w) < 4:
            previous = None
            continue
        if w not in DOMAIN:
            out.add(term_of(w))
        if previous is not None:
            out.add(previous + " " + term_of(w))
        previous = w
    return out


def main(argv):
    if len(argv) != 2:
        sys.stderr.write(__doc__)
        return 2
    count = defaultdict(lambda: defaultdict(float))  # term -> goal -> weighted uses
    with open(argv[1], encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            goal = int(row["ods"])
            for t in terms(row["text_es"]):
                count[t][goal] += LEVEL_WEIGHT.get(row["level"], 1)
    print("# Generated by plugins/es-ods/tools/build_theme_lexicon.py from the UN's Spanish")
    print("# wording of the 17 goals, 169 targets and their indicators (open-sdg, MIT). Do not")
    print("# edit: regenerate. Columns: term, goal, weight (docs/recognizers/ods.md).")
    rows = []
    for t, by_goal in count.items():
        goals_using = len(by_goal)
        if goals_using > 4:
            continue
        idf = math.log(GOALS / goals_using) / math.log(GOALS)
        total = sum(by_goal.values())
        for goal, uses in by_goal.items():
            share = uses / total
            if share < 0.5 or uses < 2:
                continue
            strength = min(1.0, math.log1p(uses) / math.log1p(8))
            weight = round((BIGRAM_WEIGHT if " " in t else WORD_WEIGHT) * idf * share * strength, 2)
            if weight >= MIN_WEIGHT:
                rows.append((goal, -weight, t))
    for goal, neg, t in sorted(rows):
        print(f"{t}\t{goal}\t{-neg:g}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
