"""Circular Cities Platform: from waste management to resource management."""

__version__ = "0.1.0"
