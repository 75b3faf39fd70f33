"""Place-name keys: the normalised form under which names are indexed and looked up.

A key is the name folded to lower-case ASCII, apostrophes dropped, every other run of
non-alphanumerics turned into one space, and the abbreviations St/Ste/Ft/Mt spelled out:
"Deir-ez-Zor" -> "deir ez zor", "Sina'a" -> "sinaa", "St. Louis" -> "saint louis".
An Arabic article in front ("al-Hasakah", "As Sukhnah") gives a second, weaker key without it.
"""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = re.compile(r"['`\u2018\u2019\u02bb\u02bc\u00b4]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
ABBREVIATIONS = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount"}
ARABIC_ARTICLES = frozenset({"al", "el", "ar", "as", "ash", "ad", "az", "an", "at", "ath", "ez", "es", "ed", "er"})
_DISPLAY_ABBREVIATIONS = re.compile(r"\b(St|Ste|Ft|Mt)\.?(?= )")
_DISPLAY_LONG = {"St": "Saint", "Ste": "Sainte", "Ft": "Fort", "Mt": "Mount"}


def fold(text: str) -> str:
    """``text`` without diacritics, as ASCII ("Ḩamāh" -> "Hamah", "‘Āmūdā" -> "Amuda")."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def name_key(text: str) -> str:
    """The lookup key of a place name (see the module docstring)."""
    s = _APOSTROPHES.sub("", fold(text).lower())
    tokens = _NON_ALNUM.sub(" ", s).split()
    return " ".join(ABBREVIATIONS.get(t, t) for t in tokens)


def article_stripped(key: str) -> str | None:
    """The key without a leading Arabic article, or None when it has none."""
    first, _, rest = key.partition(" ")
    return rest if rest and first in ARABIC_ARTICLES else None


def display_name(name: str) -> str:
    """The ASCII name shown to users, abbreviations spelled out ("St. Louis" -> "Saint Louis")."""
    return _DISPLAY_ABBREVIATIONS.sub(lambda m: _DISPLAY_LONG[m.group(1)], fold(name)).strip()
