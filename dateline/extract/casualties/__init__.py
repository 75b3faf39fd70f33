"""Killed, wounded and captured figures stated in a sentence, with who was counted, their side
and who claims the figure.

How a sentence is read (all wording is data, in data/casualty_terms.yaml, loaded by ``terms``):

1. Pre-filter: one compiled trigger regex; a sentence without a casualty word costs one search.
2. Counted phrases: every count (``count_phrases``: numbers.find_quantities, with the noun phrase
   it counts, "58 Syrian government troops and militia"); "a"/"another"/"both" as counts,
   definite singular person phrases ("the victim", "his son"), subject pronouns ("he"), headline
   nouns ("Teen in critical condition") and named people with an age ("John Smith, 24,")
   (``person_phrases``; "his wife and son" counts two), and event nouns that state a toll ("a
   fatal shooting" at least one dead, "a triple homicide" three: ``event_nouns``). Counts after
   "including"/"among them" are subsets of another count and are not read.
3. Predicates (``predicates``): a verb before the count ("killing 33", "the deaths of 58", "ISIS
   lost 47 fighters"), a predicate after it ("were killed", "dead", "in critical condition", "15
   captured"), or a casualty noun as head ("about 50 casualties"). Coordinated counts share one
   predicate ("fifty-one soldiers and sixty-eight ISIS militants were killed").
4. Outcomes (``outcomes``): "shot" without an outcome is wounded (trigger "shot"); "shot and
   later died" is killed; "two men were shot, one fatally" is one killed and one wounded; "no one
   was injured" is an explicit zero. A later "he"/"she" is the person already counted.
5. Sides (``sides``): an actor named in the counted phrase, else the noun's role (civilians,
   police, soldiers -> the state side of the sentence or document, militants -> the non-state
   side), never the side doing the killing; "others" and bare counts take the side of the figure
   before.
6. Merges (``figures``): counts sharing one predicate and one side, and "N others" after a figure
   of the same kind and side, are one figure ("a man and a woman were shot" is 2 wounded),
   because one claimer's figures for one side are read as restatements downstream
   (export/figures.py).
7. Tally (``tally``): cumulative counts over a long or open period ("since the war began", "so
   far this year").
8. Claimer: claims.find_claimer for each figure (``figures``).

:func:`find_figures` runs them; the stages pass a :class:`~.phrase.CountedPhrase` along, over the
sentence's :class:`~.tokens.Tokens`. Across the sentences of one event mention, ``retold`` drops a
wound retold of someone already counted dead ("The boy was rushed to a hospital" in a fatal story).
"""

from .figures import find_figures, has_trigger
from .tally import is_tally
from .terms import CasualtyTerms, TermsError, load_terms

__all__ = ["CasualtyTerms", "TermsError", "find_figures", "has_trigger", "is_tally", "load_terms"]
