"""The org file format's JSON Schema, and its errors found at a cost that does not grow with
a file's mistakes: a compiled check first, jsonschema only to say why a part was refused."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import Any

import fastjsonschema
import jsonschema

Path = tuple[str | int, ...]


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema of the org file format, as shipped in the package."""
    text = resources.files("orgcharts").joinpath("org.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


@cache
def full_validator() -> jsonschema.protocols.Validator:
    """jsonschema's validator of the whole schema: every error, slowly."""
    cls = jsonschema.validators.validator_for(schema())
    return cls(schema())


@cache
def _fast_validator() -> Any:
    return fastjsonschema.compile(schema())


def conforms(data: Any) -> bool:
    """Whether ``data`` matches the schema, by a compiled validator much faster than
    ``jsonschema`` on a large org (docs/performance.md); it stops at the first problem, so only a document it
    refuses goes through ``jsonschema`` for the full list."""
    try:
        _fast_validator()(data)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


_SECTIONS = ("customers", "decisions", "roles")


@cache
def _shallow() -> jsonschema.protocols.Validator:
    """The schema with every section's items left unchecked: the file's shape alone, whose
    cost does not grow with the number of roles."""
    shallow = copy.deepcopy(schema())
    for section in _SECTIONS:
        shallow["properties"][section]["items"] = {}
    return jsonschema.validators.validator_for(shallow)(shallow)


@cache
def _item_schema(section: str) -> dict[str, Any]:
    whole = schema()
    return {"$schema": whole["$schema"], "$defs": whole["$defs"], **whole["properties"][section]["items"]}


@cache
def _item_checks(section: str) -> tuple[Any, jsonschema.protocols.Validator]:
    """For one section's items: the compiled check, and the validator that says why an item fails."""
    item = _item_schema(section)
    return fastjsonschema.compile(item), jsonschema.validators.validator_for(item)(item)


def schema_errors(data: Any) -> Iterator[tuple[jsonschema.ValidationError, Path]]:
    """The schema's errors with their paths: the file's shape first, then item by item, each
    item through the compiled check and only a refused one through ``jsonschema``, so an
    invalid file costs what a valid one does (a wrong ``organization`` in a file of 200,000
    roles no longer sends every role through ``jsonschema``)."""
    for error in _shallow().iter_errors(data):
        yield error, tuple(error.absolute_path)
    if not isinstance(data, dict):
        return
    for section in _SECTIONS:
        items = data.get(section)
        if not isinstance(items, list):
            continue
        compiled, explained = _item_checks(section)
        for index, item in enumerate(items):
            try:
                compiled(item)
            except fastjsonschema.JsonSchemaException:
                for error in explained.iter_errors(item):
                    yield error, (section, index, *error.absolute_path)
