"""Questions over the stored events: filters (:mod:`.events`), counts (:mod:`.count`), sums (:mod:`.tally`)."""

from .events import EventQuery, QueryError, count_events, find_events

__all__ = ["EventQuery", "QueryError", "count_events", "find_events"]
