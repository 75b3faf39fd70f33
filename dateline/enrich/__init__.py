"""Enrichment: topic hierarchy and related events."""
