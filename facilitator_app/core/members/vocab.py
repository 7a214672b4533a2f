"""Editable vocabularies: genders, education levels, age bands, statuses, languages.

Defaults are Italian (the working language); the secretariat can edit them
(they live in the `settings` table under the key "vocabularies"), so no label
or synonym is hard-coded elsewhere. Keys are stable codes stored in member
rows; labels are what people read; synonyms are what spreadsheets contain.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import date
from typing import Any

from facilitator_app.core.text import fold

SETTING_KEY = "vocabularies"

DEFAULTS: dict[str, Any] = {
    "gender": [
        {"key": "F", "label": "Donna", "synonyms": ["f", "femmina", "donna", "female", "woman", "w", "femminile"]},
        {"key": "M", "label": "Uomo", "synonyms": ["m", "maschio", "uomo", "male", "man", "maschile"]},
        {"key": "X", "label": "Altro / non binario", "synonyms": ["x", "altro", "non binario", "non-binary", "other", "nb"]},
    ],
    "education": [
        {"key": "base", "label": "Licenza media o inferiore",
         "synonyms": ["licenza media", "licenza elementare", "nessun titolo", "scuola media", "medie",
                      "elementare", "primary", "lower secondary", "basic", "fino alla licenza media"]},
        {"key": "diploma", "label": "Diploma",
         "synonyms": ["diploma", "diploma di maturita", "maturita", "scuola superiore", "superiori",
                      "high school", "upper secondary", "qualifica professionale"]},
        {"key": "laurea", "label": "Laurea o superiore",
         "synonyms": ["laurea", "laurea triennale", "laurea magistrale", "dottorato", "master", "universita",
                      "degree", "bachelor", "university", "phd", "tertiary"]},
    ],
    "citizenship": [
        {"key": "italian", "label": "Italiana", "synonyms": ["italiana", "italiano", "italia", "it", "ita", "italian", "si"]},
        {"key": "foreign", "label": "Straniera", "synonyms": ["straniera", "straniero", "estera", "foreign", "non italiana", "no"]},
    ],
    "status": [
        {"key": "active", "label": "In carica", "synonyms": ["attivo", "attiva", "in carica", "active"]},
        {"key": "withdrawn", "label": "Ritirato/a", "synonyms": ["ritirato", "ritirata", "dimesso", "withdrawn"]},
        {"key": "replaced", "label": "Sostituito/a", "synonyms": ["sostituito", "sostituita", "replaced"]},
        {"key": "former", "label": "Ex membro", "synonyms": ["ex", "ex membro", "cessato", "former"]},
    ],
    # The languages the assembly communicates in (a member's preferred language is one of
    # them); the key is the code of the translations in resources/messages. Milan's largest
    # foreign communities: Egypt, China, the Philippines, Peru, Sri Lanka, Romania, Bangladesh.
    "language": [
        {"key": "it", "label": "Italiano", "synonyms": ["italiano", "italian", "ita", "it-it"]},
        {"key": "en", "label": "Inglese (English)", "synonyms": ["inglese", "english", "eng", "en-gb", "en-us"]},
        {"key": "ar", "label": "Arabo (العربية)", "synonyms": ["arabo", "arabic", "ara", "العربية", "عربي"]},
        {"key": "zh", "label": "Cinese semplificato (简体中文)",
         "synonyms": ["cinese", "chinese", "mandarino", "mandarin", "zho", "chi", "zh-cn", "zh-hans", "中文",
                      "简体中文", "普通话", "cinese semplificato", "simplified chinese"]},
        {"key": "tl", "label": "Tagalog / Filipino",
         "synonyms": ["tagalog", "filipino", "filippino", "fil", "tgl", "pilipino", "wikang filipino"]},
        {"key": "es", "label": "Spagnolo (Español)", "synonyms": ["spagnolo", "spanish", "español", "espanol",
                                                                  "castellano", "spa", "es-pe"]},
        {"key": "ro", "label": "Rumeno (Română)", "synonyms": ["rumeno", "romeno", "romanian", "română", "romana",
                                                             "ron", "rum"]},
        {"key": "bn", "label": "Bengalese (বাংলা)", "synonyms": ["bengalese", "bengali", "bangla", "ben", "বাংলা"]},
        {"key": "si", "label": "Singalese (සිංහල)", "synonyms": ["singalese", "cingalese", "sinhala", "sinhalese",
                                                               "sin", "සිංහල"]},
    ],
    # Bands by age in completed years; max None = open-ended.
    "age_bands": [
        {"key": "16-29", "label": "16–29", "min": 16, "max": 29},
        {"key": "30-44", "label": "30–44", "min": 30, "max": 44},
        {"key": "45-64", "label": "45–64", "min": 45, "max": 64},
        {"key": "65+", "label": "65 e oltre", "min": 65, "max": None},
    ],
}

MUNICIPI = tuple(range(1, 10))


@dataclass
class Vocabularies:
    data: dict[str, Any]

    @classmethod
    def defaults(cls) -> "Vocabularies":
        return cls(copy.deepcopy(DEFAULTS))

    @classmethod
    def load(cls, store) -> "Vocabularies":
        stored = store.setting(SETTING_KEY)
        data = copy.deepcopy(DEFAULTS)
        if isinstance(stored, dict):
            data.update({k: v for k, v in stored.items() if k in DEFAULTS and isinstance(v, list)})
        return cls(data)

    def save(self, store) -> None:
        store.set_setting(SETTING_KEY, self.data)

    def entries(self, kind: str) -> list[dict[str, Any]]:
        return self.data[kind]

    def keys(self, kind: str) -> list[str]:
        return [e["key"] for e in self.data[kind]]

    def label(self, kind: str, key: str | None) -> str:
        if key is None:
            return ""
        for e in self.data[kind]:
            if e["key"] == key:
                return e["label"]
        return str(key)

    def match(self, kind: str, raw: Any) -> str | None:
        """Map a value as typed in a spreadsheet to a key, or None if unknown."""
        if raw is None:
            return None
        needle = fold(raw)
        if not needle:
            return None
        for e in self.data[kind]:
            if needle in (fold(e["key"]), fold(e["label"])) or needle in (fold(s) for s in e.get("synonyms", ())):
                return e["key"]
        return None

    def age_band(self, birth_date: str | date | None, on: date | None = None) -> str | None:
        if not birth_date:
            return None
        born = date.fromisoformat(birth_date) if isinstance(birth_date, str) else birth_date
        on = on or date.today()
        age = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
        for band in self.data["age_bands"]:
            if age >= band["min"] and (band["max"] is None or age <= band["max"]):
                return band["key"]
        return None
