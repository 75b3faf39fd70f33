"""A stable 64-bit hash of a name key (Python's own str hash changes with every process)."""

from __future__ import annotations

from hashlib import blake2b


def key_hash(key: str) -> int:
    return int.from_bytes(blake2b(key.encode("utf-8"), digest_size=8).digest(), "little", signed=True)
