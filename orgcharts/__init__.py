"""orgcharts: draw an organisation with the customer on top, and measure how far the
front line stands from the authority to decide what customers ask for."""

from orgcharts.errors import Diagnostic, OrgChartsError, OrgFileError, UsageError
from orgcharts.loader import LoadedOrg, load_bytes, load_example, load_file, load_text

__version__ = "0.1.0"

__all__ = [
    "Diagnostic",
    "LoadedOrg",
    "OrgChartsError",
    "OrgFileError",
    "UsageError",
    "load_bytes",
    "load_example",
    "load_file",
    "load_text",
]
