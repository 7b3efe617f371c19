"""Verbs of the ``discourse`` command line, one module each (found by :mod:`discourse.cli`)."""
