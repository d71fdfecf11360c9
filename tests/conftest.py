import os
import tempfile
import textwrap
from pathlib import Path

import pytest

from orgcharts import OrgFileError, load_text
from orgcharts.loader.cache import CACHE_ENV
from orgcharts.store import DATA_ENV

# Every test's servers keep uploaded org texts in a folder of their own, never the user's.
os.environ.setdefault(DATA_ENV, tempfile.mkdtemp(prefix="orgcharts-test-data-"))


@pytest.fixture(autouse=True)
def own_cache_folder(tmp_path_factory, monkeypatch):
    """Each test its own cache folder, never the user's: a command's kept answer
    (``orgcharts hops`` again) from one test must not answer another that changed the code
    it runs."""
    monkeypatch.setenv(CACHE_ENV, str(tmp_path_factory.mktemp("cache")))


# The sample org: four roles, two segments, two decisions. Line numbers matter to
# the error tests: keep this text as it is.
NORTHWIND = textwrap.dedent(
    """\
    organization: Northwind Mobile
    customers:
      - id: subscribers
        name: Retail subscribers
      - id: business
        name: Business accounts
    decisions:
      - id: refund
        name: Refund or bill credit
        unit: USD
      - id: early_upgrade
        name: Early upgrade outside policy
    roles:
      - id: ceo
        title: Chief Executive Officer
        name: Dana Reyes
        decides: [refund, early_upgrade]
      - id: care_manager
        title: Care centre manager
        reports_to: ceo
        headcount: 12
        decides:
          - {decision: refund, limit: 500}
      - id: care_agent
        title: Care agent
        reports_to: care_manager
        headcount: 300
        serves: [subscribers]
        decides:
          - {decision: refund, limit: 25}
      - id: hr_partner
        title: HR business partner
        reports_to: ceo
        supports: [care_manager]
    """
)


def diagnostics_of(text: str, source: str = "org.yaml") -> list[str]:
    """Every diagnostic the loader reports for ``text``, as the CLI prints them."""
    try:
        loaded = load_text(text, source)
    except OrgFileError as error:
        return [str(d) for d in error.diagnostics]
    return [str(d) for d in loaded.warnings]


def errors_of(text: str, source: str = "org.yaml") -> list[str]:
    """Only the errors among ``diagnostics_of``."""
    return [line for line in diagnostics_of(text, source) if ": error: " in line]


@pytest.fixture
def northwind() -> str:
    return NORTHWIND


SHARED_DATA = Path(os.environ.get("ORGCHARTS_SHARED_DATA") or Path(__file__).resolve().parents[2] / "shared" / "data")
"""The real HR exports beside the project (shared/data, read-only); ORGCHARTS_SHARED_DATA points elsewhere."""


def shared_export(name: str) -> Path:
    """The real export ``name`` in SHARED_DATA. A clone without that folder skips the tests
    that need it and says which folder; under CI=true a missing folder fails them."""
    path = SHARED_DATA / name
    if path.is_file():
        return path
    reason = f"needs the real HR export {path}: put the shared/ folder beside the project or set ORGCHARTS_SHARED_DATA"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: the folder must be there)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def d3_export() -> Path:
    return shared_export("d3-org-chart-sample.csv")


@pytest.fixture(scope="session")
def oracle_export() -> Path:
    return shared_export("oracle-hr-employees.csv")
