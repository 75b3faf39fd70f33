"""An article's main place (dateline/extract/main_place.py), through the extractor."""

from __future__ import annotations

from functools import lru_cache

import pytest

from dateline.extract.pipeline import Extractor
from dateline.readers.article import make_article


@lru_cache(maxsize=1)
def extractor() -> Extractor:
    return Extractor()


def lead_place(title: str, body: str) -> tuple[str, str]:
    doc = make_article(doc_id="t", fmt="plain_text", title=title, body=body, path="t.txt", published="2013-06-08")
    lead = next(m for m in extractor().extract(doc) if m.lead)
    return lead.place.place.name, lead.place.place.admin1


@pytest.mark.parametrize("body, place", [
    # filed in Los Angeles, happened in Santa Monica: the lead says so
    ("LOS ANGELES — A gunman left five people dead in Santa Monica, police said Thursday. "
     "The rampage ended at a college library.", ("Santa Monica", "California")),
    # the lead names no other town of the state: the dateline stands
    ("LOS ANGELES — A gunman left five people dead near a college library, police said Thursday.",
     ("Los Angeles", "California")),
])
def test_the_dateline_gives_way_to_a_town_of_its_region_the_lead_puts_the_event_in(body, place):
    assert lead_place("Gunman kills five", body) == place
