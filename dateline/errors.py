"""Domain errors. Each carries a stable code and says what to do about it.

The library raises these; the CLI (and later the HTTP layer) turns them into
one clear message. Nothing here configures logging or prints.
"""


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
