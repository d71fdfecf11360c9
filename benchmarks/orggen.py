"""The synthetic org generator lives in the package now (``orgcharts.examples.generate``), where
tests and benchmarks both import it; this name stays for the dashboard benchmarks that use it."""

from orgcharts.examples.generate import generate

__all__ = ["generate"]
