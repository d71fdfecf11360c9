"""The dashboard's component ids: the contract between the layout, the callbacks and the
browser's scripts (``assets/``, which find elements by these ids and read the click codes
from the chart panel's ``data-`` attributes).

One constant each: rename an id here and every side follows. Ids made of parts (the CSV
form's columns, the metric cards, the table's sort buttons and the what-if undo buttons)
are built by the functions at the end.
"""

from __future__ import annotations

from typing import Any

from orgcharts.figures import KINDS

AMOUNT = "amount"
AMOUNT_DOWN = "amount-down"
AMOUNT_ERROR = "amount-error"
AMOUNT_PRESETS = "amount-presets"
AMOUNT_SAID = "amount-said"
AMOUNT_UNIT = "amount-unit"
AMOUNT_UP = "amount-up"
APPLY = "apply"
BOARD_PACK = "board-pack"
CHANGES = "changes"
CHART = "chart"
CHART_AREA = "chart-area"
CHART_LEGEND = "chart-legend"
CLEAR_SELECTION = "clear-selection"
COMPARE_AFTER = "compare-after"
COMPARE_AFTER_TITLE = "compare-after-title"
COMPARE_AREA = "compare-area"
COMPARE_BEFORE = "compare-before"
COMPARE_BEFORE_TITLE = "compare-before-title"
COMPARE_MESSAGES = "compare-messages"
COMPARE_METRICS = "compare-metrics"
COMPARE_ROLES = "compare-roles"
COMPARE_WITH = "compare-with"
CONFIRM_SWITCH = "confirm-switch"
SWITCH_PENDING = "switch-pending"
CSV_CANCEL = "csv-cancel"
CSV_DECIDES = "csv-decides"
CSV_GROUP = "csv-group"
CSV_HEADING = "csv-heading"
CSV_IMPORT = "csv-import"
CSV_MESSAGES = "csv-messages"
CSV_NO_HEADER = "csv-no-header"
CSV_PANEL = "csv-panel"
CSV_ROOT = "csv-root"
CSV_SERVES = "csv-serves"
CSV_SHEET = "csv-sheet"
CSV_SHEET_FIELD = "csv-sheet-field"
CSV_WHERE = "csv-where"
DECISION = "decision"
DOTTED_CONTROL = "dotted-control"
DOWNLOAD = "download"
DOWNLOAD_HOPS_CSV = "download-hops-csv"
DOWNLOAD_HOPS_JSON = "download-hops-json"
DOWNLOAD_ORG = "download-org"
DOWNLOAD_YAML = "download-yaml"
EDITOR = "editor"
EDITOR_DRAFT = "editor-draft"
EDITOR_WANTS_ORG = "editor-wants-org"
DRAFT_NOTE = "draft-note"
EDITOR_ERRORS = "editor-errors"
EDITOR_GUTTER = "editor-gutter"
EDITS = "edits"
EXAMPLE_CHOSEN = "example-chosen"
EXAMPLE_PICKER = "example-picker"
EXPANDED = "expanded"
FLIP_BUTTON = "flip-button"
GRANT = "grant"
GRANT_LIMIT = "grant-limit"
GRANT_UNIT = "grant-unit"
HELP_BUTTON = "help-button"
HOPS_BIG = "hops-big"
HOP_BADGE = "hop-badge"
HOP_HEADLINE = "hop-headline"
HOP_ROUTE = "hop-route"
HOP_ROWS = "hop-rows"
HOP_TABLE = "hop-table"
HOP_TABLE_HEAD = "hop-table-head"
KEY_GRANT = "key-grant"
IMPORTED = "imported"
LEVELS = "levels"
LOAD_MESSAGES = "load-messages"
METRICS = "metrics"
NEXT_DECISION = "next-decision"
NEXT_ROLE = "next-role"
NEXT_SEGMENT = "next-segment"
ORG_NAME = "org-name"
ORG_REFILLED = "org-refilled"
ORG_SOURCE = "org-source"
ORG_TEXT = "org-text"
ORG_WANTED = "org-wanted"
PATH_PANEL = "path-panel"
PENDING_ORG = "pending-org"
PICTURE = "picture"
PICTURE_STATUS = "picture-status"
PRESENT = "present"
PRESENT_BUTTON = "present-button"
PREV_DECISION = "prev-decision"
PREV_ROLE = "prev-role"
PROPOSAL = "proposal"
PROPOSAL_UPLOAD = "proposal-upload"
REJECTED_TEXT = "rejected-text"
REMOVE = "remove"
RESET = "reset"
ROOT = "root"
RULES_COUNTS = "rules-counts"
RULES_DECIDES = "rules-decides"
RULES_DONE = "rules-done"
RULES_MESSAGES = "rules-messages"
RULES_PANEL = "rules-panel"
RULES_SERVES = "rules-serves"
SEARCH = "search"
SEARCH_RESULTS = "search-results"
SEGMENT = "segment"
SELECTION = "selection"
SHORTCUTS = "shortcuts"
TABLE_MORE = "table-more"
TABLE_ORDER = "table-order"
TABS = "tabs"
UNDO_LAST = "undo-last"
UPLOAD = "upload"
UPLOAD_CHOSEN = "upload-chosen"
URL = "url"
VIA_DOTTED = "via-dotted"
VIEW = "view"
VIEW_STATE = "view-state"
WHATIF_ERROR = "whatif-error"
WHATIF_TARGET = "whatif-target"
WORKSHOP = "workshop"
WORKSHOP_CHANGES = "workshop-changes"
WORKSHOP_ERROR = "workshop-error"
WORKSHOP_HEADLINE = "workshop-headline"
WORKSHOP_SAID = "workshop-said"

DIAGNOSIS_FINDINGS = "diagnosis-findings"
DIAGNOSIS_CHANGES = "diagnosis-changes"
DIAGNOSIS_CARDS = "diagnosis-cards"
DIAGNOSIS_CONDITIONS = "diagnosis-conditions"
DIAGNOSIS_ATTENTION = "diagnosis-attention"
DIAGNOSIS_PURPOSE = "diagnosis-purpose"
DIAGNOSIS_SPANS = "diagnosis-spans"

PATHS_TAB = "paths"
DIAGNOSIS_TAB = "diagnosis"
COMPARE_TAB = "compare"
EDITOR_TAB = "yaml"

SORT = "sort"
"""The pattern-matching type of the hop table's column buttons."""
UNDO = "undo"
"""The pattern-matching type of each what-if change's undo button."""

CLICK_KINDS = {"data-click-collapsed": KINDS[1], "data-click-segment": KINDS[2]}
"""What a click on the chart can hit besides a role (``figures.KINDS``: each point's
customdata is ``[id, kind]``), written on the chart panel for ``assets/clientside.js`` to
read: the JavaScript spells neither."""


def csv_column(field: str) -> str:
    """The CSV form's column choice for ``field`` (``hrcsv``'s field names)."""
    return f"csv-{field}"


def card(key: str) -> str:
    """The metric card of ``key``."""
    return f"card-{key}"


def sort_button(column: Any) -> dict[str, Any]:
    return {"type": SORT, "column": column}


def undo_button(index: Any) -> dict[str, Any]:
    return {"type": UNDO, "index": index}
