"""Usage errors of the command line as one sentence in the caller's language.

Click reports a usage error as a usage line, a hint and a boxed English message; the
command-line contract is one line on standard error in the ``--lang`` language. The
language is read from the arguments themselves, since the error means they were not
parsed.
"""

from __future__ import annotations

from collections.abc import Sequence

import click

from clearway.i18n import DEFAULT_LANGUAGE, LANGUAGES, translate


def language_of(arguments: Sequence[str]) -> str:
    """The value of ``--lang`` among ``arguments`` (``--lang es`` or ``--lang=es``), else the default."""
    for position, argument in enumerate(arguments):
        value = None
        if argument == "--lang" and position + 1 < len(arguments):
            value = arguments[position + 1]
        elif argument.startswith("--lang="):
            value = argument.removeprefix("--lang=")
        if value in LANGUAGES:
            return value
    return DEFAULT_LANGUAGE


def _command_name(error: click.UsageError) -> str:
    return error.ctx.command_path if error.ctx is not None else "clearway"


def usage_sentence(error: click.UsageError, arguments: Sequence[str]) -> str:
    """One line naming the command and what is wrong with its arguments."""
    lang = language_of(arguments)
    command = _command_name(error)
    if isinstance(error, click.MissingParameter):
        param = error.param
        name = param.opts[0] if param is not None and param.opts else (param.name if param is not None else "?")
        return translate("usage.missing_option", lang, command=command, option=name)
    if isinstance(error, click.NoSuchOption):
        return translate("usage.no_such_option", lang, command=command, option=error.option_name)
    if isinstance(error, click.BadParameter):
        param = error.param
        name = param.opts[0] if param is not None and param.opts else (param.name if param is not None else "?")
        return translate("usage.bad_value", lang, command=command, option=name)
    return translate("usage.unusable", lang, command=command)
