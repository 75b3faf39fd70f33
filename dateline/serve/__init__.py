"""``dateline serve``: the event site and its API (front page, days, events with evidence, topics,
search, RSS), every page also as ``.json``, ``.md`` and ``.xml``. See :func:`create_app`."""

from .app import create_app

__all__ = ["create_app"]
