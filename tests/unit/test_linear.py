"""Cost linear in the org whatever its shape: a chain of roles that all face customers, where
only the top decides, has n²/2 path entries; nothing but what is shown may build them."""

import tracemalloc

import pytest

from orgcharts import load_text
from orgcharts.collapse import HOPS_COUNTED, subtree_totals, visible
from orgcharts.graph import Chain, reporting_tree
from orgcharts.metrics import escalations, summarize

CHAIN = 5_000


def chain_org(length, dotted=False):
    lines = [
        "organization: Chain",
        "customers: [{id: people, name: People}]",
        "decisions: [{id: refund, name: Refund, unit: USD}]",
        "roles:",
        "  - {id: r0, title: Top, decides: [refund]}",
    ]
    for index in range(1, length):
        dots = f", dotted_to: [r{index - 2}]" if dotted and index >= 2 else ""
        lines.append(f"  - {{id: r{index}, title: Role {index}, reports_to: r{index - 1}, serves: [people]{dots}}}")
    return load_text("\n".join(lines) + "\n").org


def peak_bytes(action):
    tracemalloc.start()
    try:
        result = action()
        return tracemalloc.get_traced_memory()[1], result
    finally:
        tracemalloc.stop()


@pytest.fixture(scope="module")
def chain():
    org = chain_org(CHAIN)
    return org, reporting_tree(org)


def test_escalations_of_a_chain_keep_their_paths_unclimbed(chain):
    org, tree = chain
    peak, found = peak_bytes(lambda: escalations(org, tree, "refund"))
    # Every path built would be 12.5 million entries, some 100 MB; unclimbed, a few MB.
    assert peak < 8_000_000, peak
    deepest = found[-1]
    assert (deepest.hops, deepest.authority, len(deepest.path)) == (CHAIN - 1, "r0", CHAIN)
    assert isinstance(deepest.path, Chain)
    assert deepest.path[0] == f"r{CHAIN - 1}" and deepest.path[-1] == "r0"
    assert deepest.path[:3] == (f"r{CHAIN - 1}", f"r{CHAIN - 2}", f"r{CHAIN - 3}")
    assert tuple(found[2].path) == ("r3", "r2", "r1", "r0") and found[2].path == ["r3", "r2", "r1", "r0"]
    summary = summarize(org, found)
    assert (summary.max_hops, summary.customer_facing_roles) == (CHAIN - 1, CHAIN - 1)


def test_dotted_escalations_of_a_chain_keep_their_paths_unclimbed():
    org = chain_org(CHAIN, dotted=True)
    tree = reporting_tree(org)
    peak, found = peak_bytes(lambda: escalations(org, tree, "refund", via_dotted=True))
    assert peak < 12_000_000, peak
    # Three hops where the reporting line takes five; r5's reporting line first among equals:
    # r5 -> r4, then dotted r4 -> r2 -> r0 (r5 -> r3 -> r1 -> r0 is as short).
    assert (found[4].hops, tuple(found[4].path)) == (3, ("r5", "r4", "r2", "r0"))
    assert found[-1].hops == (CHAIN - 1 + 1) // 2


def test_subtree_totals_of_a_chain_count_hops_up_to_four_or_more(chain):
    org, tree = chain
    found = escalations(org, tree, "refund")
    peak, totals = peak_bytes(lambda: subtree_totals(org, tree, found))
    assert peak < 20_000_000, peak
    assert totals.facing_hops["r0"] == {1: 1, 2: 1, 3: 1, HOPS_COUNTED: CHAIN - 4}
    rollup = visible(org, tree, 2, totals=totals).rollups["r1"]
    assert (rollup.roles, rollup.facing_people, rollup.median_hops) == (CHAIN - 1, CHAIN - 1, HOPS_COUNTED)


def test_the_dashboard_measures_a_chain_and_writes_only_the_paths_on_screen():
    from orgcharts.web.hoptable import TABLE_PAGE, hop_table
    from orgcharts.web.session import Computations

    lines = ["organization: Chain", "customers: [{id: people, name: People}]"]
    lines += [
        "decisions: [{id: refund, name: Refund, unit: USD}]",
        "roles:",
        "  - {id: r0, title: Top, decides: [refund]}",
    ]
    lines += [f"  - {{id: r{i}, title: Role {i}, reports_to: r{i - 1}, serves: [people]}}" for i in range(1, CHAIN)]
    computations = Computations()
    structure = computations.structure("\n".join(lines) + "\n", "chain.yaml")
    peak, measured = peak_bytes(lambda: computations.analysis(structure, (), "refund", None, None, False))
    assert peak < 30_000_000, peak  # every path written out would be 12.5 million titles
    peak, (_, rows, more, _) = peak_bytes(lambda: hop_table(measured, {"by": "path", "descending": True}))
    assert peak < 30_000_000, peak
    assert len(rows) == TABLE_PAGE and more == f"Show {TABLE_PAGE} more of {CHAIN - 1:,}"
    assert rows[0]["cells"][-1] == " → ".join(f"Role {i}" for i in range(CHAIN - 1, 0, -1)) + " → Top"


@pytest.mark.parametrize("example", ["telecom", "b2b", "retailer"])
def test_the_command_line_streams_exactly_the_documents_it_describes(example):
    import json

    from orgcharts.loader import load_example
    from orgcharts.report import hop_report, hops_document, hops_json_chunks, hops_table, hops_table_chunks

    org = load_example(example).org
    report = hop_report(org, [decision.id for decision in org.decisions], None, None)
    assert "".join(hops_json_chunks(report)) == json.dumps(hops_document(report), indent=2, ensure_ascii=False) + "\n"
    assert "".join(hops_table_chunks(report)) == hops_table(report)
    nobody = hop_report(org, [org.decisions[0].id], None, "no-such-segment")
    assert json.loads("".join(hops_json_chunks(nobody))) == hops_document(nobody)


def test_hops_on_a_chain_writes_its_paths_without_holding_them():
    from orgcharts.report import hop_report, hops_csv_chunks, hops_json_chunks, hops_table_chunks

    org = chain_org(2_000)
    report = hop_report(org, ["refund"], None, None)
    for chunks in (hops_table_chunks, hops_json_chunks, hops_csv_chunks):

        def written(chunks=chunks):
            return sum(len(chunk) for chunk in chunks(report))

        peak, size = peak_bytes(written)
        assert size > 10_000_000, (chunks.__name__, size)  # the paths themselves: 2 million roles
        assert peak < size / 5, (chunks.__name__, peak, size)  # never the whole output at once


def test_stats_of_a_chain_cost_linear_time():
    """``orgcharts stats`` on chains of 4,000 and 8,000 roles, measured in the same run, in
    turns, in processor time (a busy machine must not count) and with the collector paused
    (nor the heap other tests left): twice the roles take about twice the time, not four times."""
    import time

    from orgcharts.gcpause import collector_paused
    from orgcharts.report import stats_document, stats_table

    def seconds(org):
        began = time.process_time()
        stats_table(org)
        stats_document(org)
        return time.process_time() - began

    small, large = chain_org(4_000), chain_org(8_000)
    with collector_paused():
        best = [min(pair) for pair in zip(*[(seconds(small), seconds(large)) for _ in range(5)], strict=True)]
    ratio = best[1] / best[0]
    assert ratio < 3.0, f"twice the roles took {ratio:.1f} times as long"
