"""Domain errors. Each carries a stable code and says what to do about it.

The library raises these; the CLI (and later the HTTP layer) turns them into
one clear message. Nothing here configures logging or prints.

This module is the one list of error codes: :data:`CODES` holds every code used anywhere in
``dateline/`` with its meaning (a test holds this), and the classes below carry the codes of
the library. Codes group by hundreds: E1xx reading inputs, E2xx the database, E3xx the
knowledge files (gazetteer and ``dateline/data``), E4xx writing exports, and the web server's
answers E404/E422/E500, which it defines beside its routes (``serve/errors.py``).
"""

CODES: dict[str, str] = {
    "E000": "any Dateline error (the base class, DatelineError)",
    "E101": "a file or record could not be read as any supported document (UnreadableDocument)",
    "E102": "a file's format could not be recognised (UnknownFormat)",
    "E103": "two different inputs claim the same document id (DocumentConflict)",
    "E201": "the database cannot be opened or migrated (StoreError)",
    "E301": "the gazetteer or its place data files cannot be built or loaded (GazetteerError)",
    "E311": "dateline/data/date_terms.yaml is malformed (BadDateTerms)",
    "E312": "dateline/data/casualty_terms.yaml is missing a key or holds a malformed phrase (TermsError)",
    "E313": "dateline/data/event_types.yaml is malformed (EventTypeDataError)",
    "E314": "dateline/data/quantities.yaml is missing a key or holds a value of the wrong type (LexiconError)",
    "E315": "dateline/data/actors.yaml is malformed: a missing key, a duplicate name or a bad value (ActorDataError)",
    "E401": "an export cannot be written (ExportError, export/run.py)",
    "E410": "a query filter cannot be understood: a malformed date, a negative minimum, an unknown grouping (QueryError, query/events.py)",
    "E404": "the web server has no page for that id, day or topic (NotFound, serve/errors.py)",
    "E422": "the web server cannot use a request parameter (serve/errors.py)",
    "E500": "the web server failed while answering; its log has the details (serve/errors.py)",
}


class DatelineError(Exception):
    """Base class: ``code`` is stable, ``str(err)`` says what went wrong and what to do."""

    code = "E000"


class UnreadableDocument(DatelineError):
    """A file or record could not be read as any supported document."""

    code = "E101"


class UnknownFormat(DatelineError):
    """A file's format could not be recognised."""

    code = "E102"


class DocumentConflict(DatelineError):
    """Two different inputs claim the same document id."""

    code = "E103"


class StoreError(DatelineError):
    """The database cannot be opened or migrated."""

    code = "E201"


class GazetteerError(DatelineError):
    """The gazetteer cannot be built or loaded; the message says what to do."""

    code = "E301"


class BadDateTerms(DatelineError):
    """data/date_terms.yaml is malformed; the message names the key. Fix the data file."""

    code = "E311"


class TermsError(DatelineError, ValueError):
    """data/casualty_terms.yaml is missing a key or holds a malformed phrase; the message names it.
    Fix the data file. (Also a ValueError.)"""

    code = "E312"


class EventTypeDataError(DatelineError):
    """The event-type data file is malformed; the message names the entry and what to fix."""

    code = "E313"


class LexiconError(DatelineError, ValueError):
    """data/quantities.yaml is missing a key or holds a value of the wrong type; the message names
    it. Fix the data file. (Also a ValueError.)"""

    code = "E314"


class ActorDataError(DatelineError, ValueError):
    """data/actors.yaml is malformed: a missing key, a duplicate name or a bad value; the message
    names the actor or entry. Fix the data file. (Also a ValueError.)"""

    code = "E315"
