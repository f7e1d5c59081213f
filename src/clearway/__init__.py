"""Clearway: shared, verifiable landing clearance for government return flights."""

__version__ = "0.1.0"
