import textwrap

import pytest

from orgcharts import OrgFileError, load_text

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
