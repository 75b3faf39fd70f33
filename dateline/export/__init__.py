"""Outputs built from the store: event records and document listings."""
