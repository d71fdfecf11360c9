"""What every command shares: loading an org (FILE or --example), printing diagnostics,
checking ids the user typed, and writing files atomically."""

from __future__ import annotations

import contextlib
import difflib
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, wraps
from typing import Any, TypeVar

import click

from orgcharts.errors import Diagnostic, OrgChartsError, OrgFileError
from orgcharts.loader import MAX_BYTES_ENV, LoadedOrg, cache, content_key, load_example, load_file
from orgcharts.messages import grouped
from orgcharts.words import counted

INVALID = 1

amount_option = click.option(
    "--amount",
    type=click.FloatRange(min=0),
    help="The size of the request, for decisions with a unit (default: each decision's typical_amount).",
)
"""``--amount N``: every command that measures a decision takes it the same way."""


def _source_options(wrapper: Callable[..., Any]) -> Callable[..., Any]:
    wrapper = click.option(
        "--max-bytes",
        type=click.IntRange(min=1),
        envvar=MAX_BYTES_ENV,
        help="Refuse org files larger than this (default 64 MiB).",
    )(wrapper)
    wrapper = click.option(
        "--example", metavar="NAME", help="Use a shipped example org instead of FILE (see 'orgcharts examples')."
    )(wrapper)
    return click.argument("file", required=False, type=click.Path(dir_okay=False))(wrapper)


def org_source(command: Callable[..., Any]) -> Callable[..., Any]:
    """Adds FILE, --example and --max-bytes, and hands the command a loaded org."""

    @_source_options
    @wraps(command)
    def wrapper(file: str | None, example: str | None, max_bytes: int | None, **options: Any) -> Any:
        return command(load(file, example, max_bytes, every=bool(options.get("every"))), **options)

    return wrapper


@dataclass(frozen=True)
class OrgFile:
    """The org a command names, loaded only when asked (``loaded``): a command whose answer
    is kept (``answered``) may never need it."""

    file: str | None
    example: str | None
    max_bytes: int | None

    @cached_property
    def loaded(self) -> LoadedOrg:
        return load(self.file, self.example, self.max_bytes)

    def answered(self, question: str, answer: Callable[[LoadedOrg], Iterable[str]]) -> Iterator[str | bytes]:
        """What ``answer`` writes about the org, kept in the loader's cache under the file's
        content and ``question`` (the command and its options): asked again about the same
        bytes, it is read back without loading the org (as bytes, written as they are).
        Examples are always loaded."""
        key = content_key(self.file, max_bytes=self.max_bytes) if self.file and not self.example else None
        if key is None:
            yield from answer(self.loaded)
            return
        asked = cache.answer_key(key, question)
        kept = cache.fetch_answer(asked)
        if kept is not None:
            yield kept
            return
        yield from cache.keep_answer(asked, answer(self.loaded))


def org_file(command: Callable[..., Any]) -> Callable[..., Any]:
    """Adds FILE, --example and --max-bytes, like ``org_source``, and hands the command an
    ``OrgFile`` it loads when it must."""

    @_source_options
    @wraps(command)
    def wrapper(file: str | None, example: str | None, max_bytes: int | None, **options: Any) -> Any:
        return command(OrgFile(file, example, max_bytes), **options)

    return wrapper


def load(file: str | None, example: str | None, max_bytes: int | None, *, every: bool = False) -> LoadedOrg:
    """The org in ``file`` or the shipped ``example``; an invalid one prints its diagnostics
    (repeated warnings grouped unless ``every``) and exits 1."""
    if (file is None) == (example is None):
        raise click.UsageError("give an org FILE or --example NAME (one of them)")
    try:
        return load_example(example) if example is not None else load_file(file, max_bytes=max_bytes)  # type: ignore[arg-type]
    except OrgFileError as error:
        print_diagnostics(error.diagnostics if every else grouped(error.diagnostics))
        click.echo(f"{counted(len(error.errors), 'error')}: the org was not loaded", err=True)
        sys.exit(INVALID)


def print_diagnostics(diagnostics: Sequence[Diagnostic]) -> None:
    for diagnostic in diagnostics:
        click.echo(str(diagnostic), err=True)


def check_ids(kind: str, option: str, asked: tuple[str, ...] | list[str], known: list[str]) -> None:
    for value in asked:
        if value not in known:
            close = difflib.get_close_matches(value, known, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else f"; choose from {', '.join(known) or 'none'}"
            raise click.BadParameter(f"'{value}' is not a {kind} id{hint}", param_hint=option)


Format = TypeVar("Format")


def output_format(output: str, force: bool, format_of: Callable[[str], Format]) -> Format:
    """The format ``format_of`` reads from the output's name; bad usage when it names none, or
    when the file exists and --force was not given."""
    try:
        fmt = format_of(output)
    except OrgChartsError as error:
        raise click.BadParameter(str(error), param_hint="--output") from None
    refuse_overwrite(output, force)
    return fmt


def refuse_overwrite(output: str, force: bool) -> None:
    if os.path.exists(output) and not force:
        raise click.UsageError(f"{output} exists: choose another name, or --force to overwrite it")


def write_atomically(path: str, content: str | bytes) -> None:
    """Write next to ``path`` then rename over it: a crash never leaves half a file.

    A file replaced keeps its permissions (an org file with people's pay may be 600), and a
    symbolic link keeps pointing where it did: the file it points to is the one replaced."""
    target = os.path.realpath(path)
    folder = os.path.dirname(target)
    temporary = os.path.join(folder, f".{os.path.basename(target)}.{os.getpid()}.tmp")
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        kept_mode = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        kept_mode = None
    try:
        with open(temporary, "wb") as stream:
            if kept_mode is not None:
                os.fchmod(stream.fileno(), kept_mode)
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.remove(temporary)
        raise click.ClickException(f"cannot write {path}: {error.strerror}") from None
