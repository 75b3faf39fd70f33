"""Named people with role and status, from crime-news and chronology sentences."""

import pytest

from dateline.extract.people import find_people
from dateline.extract.types import Sentence


def people(text, offset=100):
    return [(p.name, p.role, p.status) for p in find_people(Sentence(offset, offset + len(text), text, 0))]


@pytest.mark.parametrize("text, expected", [
    ("Police identified the victim as John Smith, 24, of Memphis.", [("John Smith", "victim", None)]),
    ("Suspect Darnell Jones, 19, was arrested Monday and charged with murder.",
     [("Darnell Jones", "perpetrator", "captured")]),
    ("Officer Jane Doe was shot in the arm and is in stable condition.", [("Jane Doe", "official", "wounded")]),
    ("Among the killed were Omar al-To'ma and Qusai Abdul-Majd al-Ani.",
     [("Omar al-To'ma", "victim", "killed"), ("Qusai Abdul-Majd al-Ani", "victim", "killed")]),
    ("Maria Lopez, 31, died at the hospital, police said.", [("Maria Lopez", "victim", "killed")]),
    ("The Syrian Observatory for Human Rights said on Sunday that clashes continued.", []),
    ("On Monday, Police Chief Mike Hall said the investigation goes on.", [("Mike Hall", "official", None)]),
])
def test_people(text, expected):
    assert people(text) == expected


def test_offsets_point_into_the_document():
    text = "Suspect Darnell Jones, 19, was arrested."
    (p,) = find_people(Sentence(50, 50 + len(text), text, 0))
    assert (p.start, p.end) == (58, 71)
