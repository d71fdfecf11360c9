"""Dash components of our own, drawn by ``assets/orgcharts.js``.

Dash gives every component on the page a store subscription that runs on each of a
callback's dispatches. A hop table built from ``html.Tr`` and ``html.Td`` is a component per
cell, much of the time Dash spends on an expand or a jump to a role (docs/performance.md).
Each component here draws a list that the user
picks from as one component. A pick sets ``picked`` to ``{"key", "at"}``, ``at`` in
milliseconds, so that picking the same item again is news.
"""

from __future__ import annotations

import inspect
from typing import Any, ClassVar

from dash.development.base_component import Component


class _Picker(Component):
    """What our components share: the namespace the browser finds them under
    (``window.orgcharts``), and their properties: their ``__init__``'s arguments, and ``picked``,
    which only the browser sets."""

    _children_props: ClassVar[list[str]] = []
    _base_nodes: ClassVar[list[str]] = ["children"]
    _namespace = "orgcharts"
    _valid_wildcard_attributes: ClassVar[list[str]] = []
    available_wildcard_properties: ClassVar[list[str]] = []

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._type = cls.__name__
        arguments = list(inspect.signature(cls.__init__).parameters)[1:]
        cls._prop_names = cls.available_properties = [*arguments, "picked"]


class TableRows(_Picker):
    """A table's body (``<tbody>``) of rows to click, one of them ``selected``.

    - ``columns``: the class name of each row's cells, in order.
    - ``rows``: ``{"key", "cells", "style"}`` each: the row's key, its cells' text, and the
      style of its first cell.
    - ``selected``: the key of the row highlighted (class ``selected``), or None.
    """

    def __init__(
        self,
        id: str,
        columns: list[str] | None = None,
        rows: list[dict[str, Any]] | None = None,
        selected: str | None = None,
    ) -> None:
        super().__init__(id=id, columns=columns or [], rows=rows or [], selected=selected)


class Choices(_Picker):
    """A list of buttons to choose from (``<div>`` of ``button.choice``), or a note when
    there is nothing to choose.

    - ``options``: ``{"key", "label", "title"}`` each.
    - ``note``: the text shown in a ``<p>`` when there are no options, if any.
    """

    def __init__(
        self,
        id: str,
        className: str = "",
        options: list[dict[str, str]] | None = None,
        note: str = "",
    ) -> None:
        super().__init__(id=id, className=className, options=options or [], note=note)
