"""Resolution: turn event mentions into events, one per real-world happening."""
