"""Readers: one module per input format, each turning raw text into Documents.

Every reader module has the same shape::

    FORMAT: str                       # name stored with each document
    def sniff(name: str, head: str) -> bool   # does this look like my format?
    def read(text: str, *, path: str, doc_id: str) -> Iterator[Document | Problem | Skipped]

``read`` yields :class:`~dateline.model.Problem` for a bad record inside an
otherwise good file (a malformed JSON line), :class:`~dateline.model.Skipped` for a file that
holds no document by design (an index page of Dateline's own export), and raises
:class:`~dateline.errors.UnreadableDocument` when the whole file is unusable.
:func:`dateline.readers.files.read_path` walks files and folders, decodes, detects and dispatches.
"""
