"""How a feature declares its callbacks next to their functions and ``create_app`` wires them.

A server callback is a plain module-level function whose first parameter is the app's
``Served`` (what the server holds) and whose others are the inputs, by name: a test calls it
directly. A clientside callback names a function of ``assets/clientside.js`` (or of another asset
that adds to the same namespace, such as ``assets/workshop.js``): no script is written in
Python.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from dash import ClientsideFunction, Dash, Input, Output

NAMESPACE = "orgcharts"
"""``window.dash_clientside.orgcharts``: where ``assets/clientside.js`` puts its functions."""


@dataclass
class Callbacks:
    """One feature's callbacks, kept until ``register`` gives them to an app."""

    server: list[tuple[Callable[..., Any], dict[str, Any]]] = field(default_factory=list)
    clientside: list[tuple[str, list[Any], bool]] = field(default_factory=list)

    def callback(self, **spec: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        """A server callback: ``spec`` is Dash's (``output=``, ``inputs=dict(...)``, ...)."""

        def keep(function: Callable[..., Any]) -> Callable[..., Any]:
            self.server.append((function, spec))
            return function

        return keep

    def action(self, **spec: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        """A server callback that answers what the user does, never the page opening (Dash's
        ``prevent_initial_call=True``)."""
        return self.callback(prevent_initial_call=True, **spec)

    def client(self, name: str, outputs: list[Any], inputs: list[Any], *, initial: bool = True) -> None:
        """A clientside callback: the function ``name`` of ``assets/clientside.js``, given the
        ``inputs`` (Inputs, then States) in order and returning the ``outputs``; without
        ``initial``, it does not run as the page opens."""
        self.clientside.append((name, [*outputs, *inputs], initial))

    def register(self, app: Dash, served: Any) -> None:
        for answer, spec in self.server:
            app.callback(**spec)(_bound(answer, served))
        for name, dependencies, initial in self.clientside:
            app.clientside_callback(
                ClientsideFunction(NAMESPACE, name), *dependencies, prevent_initial_call=not initial
            )


def each(prop: str, *component_ids: str, kind: type = Output, **options: Any) -> list[Any]:
    """The same property of several components (``kind`` Output, Input or State), in order;
    ``options`` (``allow_duplicate``) go to each."""
    return [kind(component_id, prop, **options) for component_id in component_ids]


def props(component_id: str, *names: str, kind: type = Output, **options: Any) -> list[Any]:
    """Several properties of one component, in order."""
    return [kind(component_id, name, **options) for name in names]


def named(prop: str, kind: type = Input, **components: str) -> dict[str, Any]:
    """The same property of several components, by the parameter name that receives each."""
    return {name: kind(component_id, prop) for name, component_id in components.items()}


def clicks(**buttons: str) -> dict[str, Any]:
    """Buttons as inputs by name: each parameter receives its button's ``n_clicks``."""
    return named("n_clicks", **buttons)


def _bound(answer: Callable[..., Any], served: Any) -> Callable[..., Any]:
    @functools.wraps(answer)
    def bound(*args: Any, **kwargs: Any) -> Any:
        return answer(served, *args, **kwargs)

    return bound
