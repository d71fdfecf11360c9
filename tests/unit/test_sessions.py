"""Many sessions at once, and what-if editing in any order.

- Threads drive one server's callbacks as many browser sessions would, each with its own org,
  edits and selection, all at the same time: no answer ever holds another session's data.
- A stateful property test: any sequence of grants, removals, undos and resets, made through
  the dashboard's own callback, gives the metrics of the net change applied to the original
  file, and a reset gives the original back exactly.
"""

import base64
import concurrent.futures
import dataclasses
import re

import dash
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from orgcharts.figures import TRACE_ROLES
from orgcharts.graph import reporting_tree
from orgcharts.loader import example_names, example_text, load_text
from orgcharts.metrics import escalations, summarize
from orgcharts.model import Authority
from orgcharts.web.session import digest, parse_edits
from orgcharts.web.session import edited as edited_org
from tests.fixtures.callbacks import load, panels_of, plain, render, text_of, what_if


def upload_of(text):
    return "data:text/yaml;base64," + base64.b64encode(text.encode()).decode()


def session_org(number):
    """A distinct org per session: an example renamed, so every answer says whose it is."""
    base = example_text(example_names()[number % len(example_names())])
    name = f"Session {number} Ltd"
    text = re.sub(r"^organization:.*$", f"organization: {name}", base, count=1, flags=re.MULTILINE)
    return name, text


def one_session(number):
    """Upload an org, grant one role authority, select it, and read back what the server drew."""
    name, text = session_org(number)
    source, *_ = load("upload.contents", uploaded=upload_of(text), upload_name=f"s{number}.yaml")
    org = load_text(text).org
    decision = org.decisions[number % len(org.decisions)].id
    facing = [role.id for role in org.roles if role.customer_facing]
    chosen = facing[number % len(facing)]
    edits = [{"action": "grant", "role": chosen, "decision": decision, "limit": None}]
    built, *_ = render("org-source.data", source, edits=edits, decision=decision, selected=chosen)
    *_, path_panel = panels_of("edits.data", source, edits=edits, decision=decision, selected=chosen)
    expected = summarize(
        edited_org(org, parse_edits(edits)),
        escalations(edited_org(org, parse_edits(edits)), reporting_tree(org), decision),
        by_segment=False,
    )
    return number, name, chosen, org.role(chosen).title, built, text_of(plain(path_panel)), expected


def test_concurrent_sessions_never_see_each_others_org_edits_or_selection():
    with concurrent.futures.ThreadPoolExecutor(max_workers=12) as pool:
        results = list(pool.map(one_session, range(36)))
    for number, name, chosen, title, figure, path_text, expected in results:
        assert figure.layout.title.text.startswith(name), number
        others = {f"Session {other} Ltd" for other in range(36) if other != number}
        assert not any(other in figure.layout.title.text for other in others)
        roles = figure.data[TRACE_ROLES]
        assert chosen in [hit[0] for hit in roles.customdata]
        assert path_text.startswith(title) and "can decide" in path_text, path_text  # its selection, its grant
        assert expected.weighted_mean_hops is not None


def with_authority(org, table):
    """``org`` with each role's authority replaced by the set in ``table``."""
    roles = tuple(
        dataclasses.replace(role, decides=tuple(sorted(table[role.id], key=lambda a: a.decision))) for role in org.roles
    )
    return dataclasses.replace(org, roles=roles)


class WhatIfEditing(RuleBasedStateMachine):
    """The edits list as the browser keeps it, changed only through the ``what_if`` callback,
    beside a model: the list of changes the user made, kept by hand, and replayed onto the
    original file's authority to give the net change."""

    @initialize(name=st.sampled_from(example_names()))
    def open_org(self, name):
        self.original = load_text(example_text(name)).org
        self.source = {"name": f"{name}.yaml", "digest": digest(example_text(name))}
        self.tree = reporting_tree(self.original)
        self.edits = []
        self.made = []
        self.roles = [role.id for role in self.original.roles]
        self.decisions = {decision.id: decision for decision in self.original.decisions}

    def press(self, trigger, *, selected=None, decision=None, limit=None, undo=None):
        undo_clicks = [1 if index == undo else None for index in range(len(self.edits))]
        result = what_if(
            trigger, undo_clicks=undo_clicks, edits=self.edits, selected=selected, decision=decision, limit=limit,
            source=self.source,
        )  # fmt: skip
        self.edits = self.edits if result is dash.no_update else result

    def net_change(self):
        """Grants only grant: a grant that would not widen what the role holds (a lower or
        equal limit, a limit where it has none, a decision without a unit it already makes)
        changes nothing, and neither does removing authority the role does not hold."""
        table = {role.id: set(role.decides) for role in self.original.roles}
        for action, role, decision, limit in self.made:
            held = next((a for a in table[role] if a.decision == decision), None)
            given = Authority(decision, limit if self.decisions[decision].unit else None)
            widens = held is None or (held.limit is not None and (given.limit is None or given.limit > held.limit))
            if action == "grant" and not widens:
                continue
            table[role] = {a for a in table[role] if a.decision != decision}
            if action == "grant":
                table[role].add(given)
        return with_authority(self.original, table)

    @rule(data=st.data(), action=st.sampled_from(["grant", "remove"]), limit=st.one_of(st.none(), st.integers(1, 900)))
    def change(self, data, action, limit):
        role = data.draw(st.sampled_from(self.roles))
        decision = data.draw(st.sampled_from(sorted(self.decisions)))
        listed = len(self.edits)
        self.press(f"{action}.n_clicks", selected=role, decision=decision, limit=limit)
        if len(self.edits) > listed:  # a callback that refuses a grant (whatif.add_edit) lists nothing
            self.made.append((action, role, decision, float(limit) if limit else None))

    @precondition(lambda self: self.made)
    @rule(data=st.data())
    def undo(self, data):
        index = data.draw(st.integers(0, len(self.made) - 1))
        self.press(f'{{"index":{index},"type":"undo"}}.n_clicks', undo=index)
        del self.made[index]

    @rule()
    def reset(self):
        self.press("reset.n_clicks")
        self.made = []

    @invariant()
    def metrics_are_those_of_the_net_change(self):
        edited = edited_org(self.original, parse_edits(self.edits))
        net = self.net_change()
        assert {r.id: set(r.decides) for r in edited.roles} == {r.id: set(r.decides) for r in net.roles}
        for decision in self.decisions:
            for amount in (None, 50, 500):
                ours = summarize(edited, escalations(edited, self.tree, decision, amount), by_segment=False)
                theirs = summarize(net, escalations(net, self.tree, decision, amount), by_segment=False)
                assert ours == theirs

    @invariant()
    def no_changes_give_the_original_back_exactly(self):
        if not self.made:
            assert self.edits == []
            assert edited_org(self.original, []) == self.original


WhatIfEditing.TestCase.settings = settings(max_examples=30, stateful_step_count=10, deadline=None)
test_what_if_editing_in_any_order = WhatIfEditing.TestCase
