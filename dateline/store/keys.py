"""Content-derived keys: ids for digest items and topics, and match keys for URLs and titles."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import urlsplit

ITEM_KEY_CHARS = 200  # headlines are compared on their first 200 normalised characters
_ARCHIVE_PREFIX = re.compile(r"^https?://web\.archive\.org/web/\d+[a-z_]*/", re.I)


def fold(text: str) -> str:
    """Lower-case ASCII with punctuation turned into spaces."""
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", t).split())


def slug(text: str) -> str:
    return fold(text).replace(" ", "-")


def item_id(date: str | None, headline: str) -> str:
    """Stable id of a digest item: the same dated headline on any page gets the same id."""
    key = f"{date or ''}|{fold(headline)[:ITEM_KEY_CHARS]}"
    return "ev-" + hashlib.sha1(key.encode()).hexdigest()[:16]


def topic_id(name: str) -> str:
    return slug(name) or hashlib.sha1(name.encode()).hexdigest()[:12]


def url_key(url: str | None) -> str | None:
    """host/path of a URL, without scheme, www., query, fragment, trailing slash or archive prefix."""
    if not url:
        return None
    url = _ARCHIVE_PREFIX.sub("", url.strip())
    try:
        parts = urlsplit(url if "://" in url else f"http://{url}")
    except ValueError:
        return None
    host = (parts.hostname or "").removeprefix("www.")
    if not host:
        return None
    return f"{host}{parts.path.rstrip('/')}".lower()


def url_slugs(url: str | None) -> list[str]:
    """Slugs of a URL's path segments that look like headlines (four words or more)."""
    key = url_key(url)
    if not key:
        return []
    out = []
    for seg in key.split("/")[1:]:
        seg = re.sub(r"\.(s?html?|php|aspx?|md)$", "", seg)
        s = slug(seg.replace("_", " "))
        if s.count("-") >= 3:
            out.append(s)
    return out
