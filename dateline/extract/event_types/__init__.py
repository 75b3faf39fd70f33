"""ACLED event typing of a sentence or snippet: which kind of event it reports, and why.

The knowledge (event types, sub-event types, definitions, cue words, precedence) lives in
``dateline/data/event_types.yaml``; this package only loads it (lazily, once), validates it and
applies it (``taxonomy``, with the cue syntax in ``cue_syntax``). Stages of :func:`classify`:

1. normalise the text (lower case, one space between words, plain apostrophes);
2. match the cues, each tried only where a word beginning with its literal anchor starts; a
   cue inside a negated clause ("did not", "no", "denied") counts nothing, one inside a
   hypothetical clause (threats, plans, attempts, "could") counts ``HEDGE_FACTOR``; reported
   statements of fact ("police said gunmen killed ...") count in full, since news reports
   events through its sources (``cue_matching``);
3. credit the capture verbs ("recaptured", "seized", "overran") to *Government regains
   territory* or *Non-state actor overtakes territory* by the side of the actor who took the
   place (``capture_side``);
4. score each sub-type: its cues (and those of the group it ``requires``), strongest first, each
   further cue worth ``DECAY`` times the previous; add the small context bonuses
   (``figures``, ``actor_sides``); drop sub-types overridden by a strong, more specific one, and
   the crime sub-types unless the setting is criminal (``scoring``);
5. the best score wins, ties going to the earlier sub-type in the data file's ``precedence``;
   below ``MIN_EVENT_SCORE`` the text states no event and the answer is ``None`` (``scoring``).
"""

from .scoring import Candidate, classify, explain
from .taxonomy import Cue, EventTypeDataError, SubEventType, Taxonomy, case_labels, load_taxonomy, parse_taxonomy

__all__ = ["Candidate", "Cue", "EventTypeDataError", "SubEventType", "Taxonomy", "case_labels", "classify", "explain",
           "load_taxonomy", "parse_taxonomy"]
