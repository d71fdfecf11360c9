"""Coverage-guided fuzzing of the loader and the HR import with atheris (libFuzzer for Python),
for as long as you like. CI runs the bounded property-based fuzzing in tests/unit/test_properties.py
(hypothesis); this is the longer, coverage-guided run on demand:

    .venv/bin/pip install atheris
    .venv/bin/python -m benchmarks.fuzz yaml -max_total_time=600 fuzz-corpus/yaml
    .venv/bin/python -m benchmarks.fuzz csv -max_total_time=600 fuzz-corpus/csv

Every input must end in an org or our own error (``OrgChartsError``); anything else stops the
run and libFuzzer writes the input to ``crash-*``. Add such an input to the regression lists in
tests/unit/test_hostile_input.py (YAML) or tests/unit/test_properties.py (``REGRESSIONS``, CSV).
The corpus folders start from the shipped examples and the two real exports when empty.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from orgcharts.errors import OrgChartsError
    from orgcharts.loader import example_names, example_text, load_bytes
    from orgcharts.loader.hrcsv import Rules, import_bytes, to_yaml

ROOT = Path(__file__).resolve().parents[1]
SEEDS = {
    "yaml": lambda: [example_text(name).encode() for name in example_names()],
    "csv": lambda: (
        [path.read_bytes()[:20_000] for path in (ROOT.parent / "shared" / "data").glob("*.csv")]
        or [b"id,manager,title\n1,,Boss\n2,1,Clerk\n"]
    ),
}


def load_yaml(data: bytes) -> None:
    with contextlib.suppress(OrgChartsError):
        load_bytes(data, "fuzz.yaml", max_bytes=1 << 20)


def import_csv(data: bytes) -> None:
    try:
        imported = import_bytes(data, "fuzz.csv", Rules(group_by_title=bool(data) and data[0] % 2 == 0))
        load_bytes(to_yaml(imported.document).encode(), "fuzz.yaml")
    except OrgChartsError:
        pass


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in SEEDS:
        raise SystemExit("usage: python -m benchmarks.fuzz yaml|csv [libFuzzer options] [CORPUS_DIR]")
    target = sys.argv.pop(1)
    corpus = next((Path(arg) for arg in sys.argv[1:] if not arg.startswith("-")), None)
    if corpus is not None and not any(corpus.glob("*")):
        corpus.mkdir(parents=True, exist_ok=True)
        for number, seed in enumerate(SEEDS[target]()):
            (corpus / f"seed-{number}").write_bytes(seed)
    atheris.Setup(sys.argv, load_yaml if target == "yaml" else import_csv)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
