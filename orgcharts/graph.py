"""The org as networkx graphs: the reporting tree, and the wider graph of who serves whom."""

from __future__ import annotations

import networkx as nx

from orgcharts.model import Organization


def reporting_tree(org: Organization) -> nx.DiGraph:
    """Edges run manager -> direct report; each role's reports keep their file order."""
    tree = nx.DiGraph()
    tree.add_nodes_from(role.id for role in org.roles)
    tree.add_edges_from((role.reports_to, role.id) for role in org.roles if role.reports_to is not None)
    return tree


def sight_graph(org: Organization) -> nx.DiGraph:
    """Edges run from a role to the roles through which it serves the customer: its direct
    reports and the roles it ``supports``."""
    graph = reporting_tree(org)
    graph.add_edges_from((role.id, supported) for role in org.roles for supported in role.supports)
    return graph


def top_down(org: Organization, tree: nx.DiGraph) -> list[str]:
    """Every role, each after its manager, breadth first from the top.

    Computed once per tree and kept in the graph's own attributes (``tree.graph``):
    every metric walks the tree in this order."""
    order = tree.graph.get("top_down")
    if order is None:
        top = org.top.id
        order = [top, *(report for _, report in nx.bfs_edges(tree, top))]
        tree.graph["top_down"] = order
    return order
