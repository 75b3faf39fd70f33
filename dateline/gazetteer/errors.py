"""Gazetteer errors."""

from __future__ import annotations

from ..errors import DatelineError


class GazetteerError(DatelineError):
    """The gazetteer cannot be built or loaded; the message says what to do."""

    code = "E301"
