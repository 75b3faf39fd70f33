"""Sentence splitting (dateline/extract/sentences.py): abbreviations do not end a sentence."""

from __future__ import annotations

import pytest

from dateline.extract.sentences import split_sentences


@pytest.mark.parametrize("text, expected", [
    ("He wore jersey No. 5 when he was shot. Police said he died.",
     ["He wore jersey No. 5 when he was shot.", "Police said he died."]),
    ("The suspect fled at 1 a.m. No one was hurt.", ["The suspect fled at 1 a.m.", "No one was hurt."]),
    ("The U.S. Army said the strike killed 12. Residents fled.",
     ["The U.S. Army said the strike killed 12.", "Residents fled."]),
])
def test_abbreviations_and_openers(text, expected):
    assert [s.text for s in split_sentences(text)] == expected
