"""The session's charts: the dashboard's figure for the controls, the picture to download,
and two orgs side by side. No Dash here."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace

from orgcharts.amounts import resolve
from orgcharts.collapse import Subtrees, subtree_totals, visible
from orgcharts.compare import Comparison, compare
from orgcharts.export import Format, Picture, picture
from orgcharts.figureframe import title_margin
from orgcharts.figureparts import FigureParts
from orgcharts.figures import HALF_SCREEN, PROJECTOR, SCREEN, Scale, org_figure_parts
from orgcharts.fitting import PANNED_SCREENS, levels_that_fit
from orgcharts.graph import climb
from orgcharts.metrics import Escalation, escalations
from orgcharts.model import Organization
from orgcharts.web.session import Analysis, Computations, Controls, Structure


def shown_levels(
    shape: Structure,
    controls: Controls,
    org: Organization | None = None,
    found: Sequence[Escalation] | Mapping[str, Escalation] = (),
    totals: Subtrees | None = None,
    scale: Scale | None = None,
    screens: float = PANNED_SCREENS,
) -> int:
    """Levels drawn: the user's choice, else as many as fit ``screens`` of the chart's real
    areas wide and tall (by default ``fitting.PANNED_SCREENS``: the user pans to the rest; one
    for a picture) at the medium's text size in both views, with the customers and front line
    in the first (``fitting.levels_that_fit``), so every card opens legible; without the area,
    as many as the org opens on."""
    if controls.levels:
        return controls.levels
    if org is None or controls.area is None:
        return shape.opening_levels
    scale = scale or (PROJECTOR if controls.present else SCREEN)
    width, height = controls.area
    room = 10 * scale.text.px  # the band names down the left side
    plot = (width - 16 - room, height - title_margin(scale, 0 if scale.page_says_title else 1) - 8)
    decision = controls.decision if controls.decision in org.decision_index else None
    return levels_that_fit(org, shape.tree, *plot, found, decision, scale.text, totals=totals, screens=screens)


def chart(
    computations: Computations,
    org: Organization,
    shape: Structure,
    found: Sequence[Escalation] | Mapping[str, Escalation],
    controls: Controls,
    revision: str,
    totals: Subtrees | None = None,
    marked: Collection[str] = (),
    scale: Scale | None = None,
    focus: str | None = None,
    measured: Analysis | None = None,
) -> FigureParts:
    """The figure for the controls, as parts (the dashboard sends ``for_browser()``, a
    picture or a test reads ``figure()``): ``org`` may carry edits; ``shape`` is the loaded
    org's. ``found`` are the escalations shown (as a list or by role); ``totals`` their
    subtree totals, computed here when not given; ``marked`` roles are ringed. ``scale`` defaults
    to the screen's, or the projector's when presenting; ``focus``: a role to bring into
    view (one found by search). ``measured``: the analysis ``org`` and ``found`` come from,
    whose cards and their layout ``computations`` keeps (``Computations.views``)."""
    listed = list(found.values()) if isinstance(found, Mapping) else list(found)
    if totals is None:
        totals = subtree_totals(org, shape.tree, listed)
    scale = scale or (PROJECTOR if controls.present else SCREEN)
    levels = shown_levels(shape, controls, org, found, totals, scale)
    shown = visible(org, shape.tree, levels, controls.expanded, totals)
    decision = controls.decision if controls.decision in org.decision_index else None
    drawn = shown if shown.rollups else None
    views = computations.views(measured, drawn, decision, scale.text) if measured is not None else None
    return org_figure_parts(
        org,
        shape.tree,
        found,
        shown=drawn,
        decision=decision,
        view=controls.view,
        amount=controls.amount,
        segment=controls.segment,
        selected=controls.selected,
        scale=scale,
        revision=revision,
        marked=marked,
        area=controls.area,
        focus=focus,
        views=views,
    )


def prepare_opening(computations: Computations, shape: Structure) -> None:
    """Draw ``shape``'s opening chart once (customers on top, its first decision, as
    ``Computations.prepare`` measured it), so that the first visitor's chart costs what a
    redraw does: the segments each collapsed team stands for are kept with the tree
    (``fitting.segments_below``) and Plotly's template, which every figure sent carries, is read."""
    org = shape.org
    first = org.decisions[0] if org.decisions else None
    amount = resolve(first).amount if first else None
    measured = computations.analysis(shape, (), first.id if first else None, amount, None)
    controls = Controls(view="inverted", decision=first.id if first else None, amount=amount)
    drawn = chart(
        computations, org, shape, measured.by_role, controls, shape.digest, totals=measured.totals, measured=measured
    )
    drawn.for_browser()


def picture_of(
    org: Organization, shape: Structure, found: Sequence[Escalation], controls: Controls, fmt: Format
) -> Picture:
    """The chart as the session sees it (view, decision, selection, levels opened, what-if
    edits in ``org``) as a picture to download: ``export.picture``'s page, not the screen's."""
    return picture(
        org,
        shape.tree,
        found,
        fmt,
        decision=controls.decision if controls.decision in org.decision_index else None,
        view=controls.view,
        amount=controls.amount,
        segment=controls.segment,
        selected=controls.selected,
        levels=shown_levels(shape, controls, org, found, screens=1.0),
        expanded=controls.expanded,
    )


@dataclass(frozen=True)
class SideBySide:
    """Two orgs compared: the metrics and role changes, and both customer-on-top charts
    with the changed roles ringed."""

    comparison: Comparison
    before: FigureParts
    after: FigureParts


def side_by_side(
    computations: Computations, before: Structure, after_org: Organization, after: Structure, controls: Controls
) -> SideBySide:
    """``before`` (the loaded org) next to ``after_org`` (the same org with what-if edits,
    whose shape is ``before``'s, or a proposal of shape ``after``), each drawn as it opens,
    customers on top, for the decision, amount and segment of ``controls``. Each opens on the
    first changed role it has (its chain opened, as a search would), so the change is in view."""
    typed = controls.amount if controls.amount_basis == "given" else None
    comparison = compare(before.org, after_org, controls.amount, request_amount=typed)
    drawn = replace(controls, view="inverted", selected=None, present=False, levels=None, expanded=())
    first_changed = comparison.roles[0].role if comparison.roles else None
    figures = []
    for org, shape in ((before.org, before), (after_org, after)):
        decision = drawn.decision if drawn.decision in org.decision_index else None
        found = escalations(org, shape.tree, decision, drawn.amount, via_dotted=drawn.via_dotted) if decision else []
        focus = first_changed if first_changed is not None and org.has_role(first_changed) else None
        shown = replace(drawn, decision=decision, expanded=tuple(climb(org, focus)[1:]) if focus else ())
        marked = comparison.changed_roles
        figures.append(chart(computations, org, shape, found, shown, "", marked=marked, scale=HALF_SCREEN, focus=focus))
    return SideBySide(comparison, *figures)
