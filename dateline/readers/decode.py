"""Turn a file's bytes into text, or say plainly why that is impossible."""

from __future__ import annotations

import re

from ..errors import UnreadableDocument

# A NUL byte in the first block is the classic sign of a binary file (as git and grep judge it).
BINARY_SNIFF_BYTES = 8192
_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)


def decode_bytes(data: bytes, *, name: str) -> str:
    """UTF-8 text of a file (BOM dropped, newlines normalised).

    HTML files may declare another charset in a <meta> tag, which is honoured.
    Raises UnreadableDocument for empty, binary or undecodable input.
    """
    if not data.strip():
        raise UnreadableDocument("empty file: nothing to read")
    if b"\x00" in data[:BINARY_SNIFF_BYTES]:
        raise UnreadableDocument("binary file (contains NUL bytes): give a text, HTML, JSON Lines or feed file")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        declared = _HTML_CHARSET.search(data[:4096])
        charset = declared.group(1).decode("ascii").lower() if declared else None
        if charset and charset not in ("utf-8", "utf8"):
            try:
                text = data.decode(charset)
            except (LookupError, UnicodeDecodeError):
                raise UnreadableDocument(
                    f"cannot decode as its declared charset {charset!r}: convert the file to UTF-8") from exc
        else:
            raise UnreadableDocument(
                f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}): convert the file to UTF-8"
            ) from exc
    return text.replace("\r\n", "\n").replace("\r", "\n")
