"""What YAML's own error messages mean, said in words an answer file's author can act on,
at the line where the mistake is (not where the parser gave up)."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from docgen.answers.safeyaml import MAX_DEPTH, SafeLoader
from docgen.errors import Problem

#: a line that reads as a key (``grade: ...``): inside a quoted value, a sign the quote
#: before it was never closed
_KEY_LINE = re.compile(r"^\s*(- )?[A-Za-z_][\w.-]*:(\s|$)")
_QUOTES = ('"', "'")


def _missing_colon(text: str, line: int) -> int | None:
    """The line of a key written without its ':' above ``line`` (1-based), if there is one.

    YAML reads ``title Head of HR`` as text running on into the next lines, and only
    complains at the next ':' it meets, a line or more later.
    """
    lines = text.splitlines()
    found = None
    for number in range(line - 1, 0, -1):
        stripped = lines[number - 1].strip()
        if not stripped or stripped.startswith("#"):
            continue
        if ":" in stripped or stripped.startswith(("-", "[", "{", "|", ">")):
            break
        found = number
    return found


def _unclosed_quote(text: str) -> int | None:
    """The line (1-based) of a quote that was never closed, found before the parse failed.

    YAML lets a quoted value run over several lines, so a missing closing quote is read on
    to the next quote in the file and the error comes there, lines later. A quoted value
    that runs over a line reading as a key (``grade: ...``) indented no deeper than the
    line the quote opened on is such a quote left open."""
    last, rows = None, text.splitlines()
    try:  # libyaml's scanner (as parsing uses): the pure-Python one is quadratic in the
        # depth of flow nesting, 46 s on a file of 100,000 '[' where this takes 2 ms
        for token in yaml.scan(text, Loader=SafeLoader):
            if isinstance(token, yaml.ScalarToken) and token.style in _QUOTES and \
                    token.start_mark.line != token.end_mark.line:
                first = rows[token.start_mark.line]
                indent = len(first) - len(first.lstrip())
                inside = rows[token.start_mark.line + 1:token.end_mark.line + 1]
                if any(_KEY_LINE.match(row) and len(row) - len(row.lstrip()) <= indent
                       for row in inside):
                    last = token.start_mark.line + 1
    except yaml.YAMLError:
        pass  # the error being explained: the tokens before it are all there is to see
    return last


#: what a flow collection YAML could not finish is called, and its closing bracket
_FLOWS = {"while parsing a flow sequence": ("list", "[", "]"),
          "while parsing a flow mapping": ("mapping", "{", "}")}
#: where a comment begins after a plain value: a ``#`` after a space or a tab
_COMMENT = re.compile(r"[ \t]#")
#: ``key: value`` (a key, its value on the same line)
_KEY_VALUE = re.compile(r"^(?P<indent>\s*)(?:- )?(?P<key>[A-Za-z_][\w.-]*):\s+(?P<value>\S.*)$")


def _quoted(written: str) -> str:
    """A plain value as YAML reads it quoted: in double quotes, or single ones around a
    value holding double quotes (a single quote inside is written twice); a comment after
    it (`` # a note``) stays a comment, after the closing quote."""
    value, *note = _COMMENT.split(written, maxsplit=1)
    return _quote(value.rstrip()) + (f"  #{note[0]}" if note else "")


def _quote(value: str) -> str:
    if '"' not in value and "\\" not in value:
        return f'"{value}"'
    return "'" + value.replace("'", "''") + "'"


def _unclosed_flow(path: Path, flow: tuple[str, str, str], opened: int, text: str) -> Problem:
    """A ``[`` or ``{`` never closed: said at the line it opens on, where the parser gave
    up lines later; a value that only begins with the bracket is text to quote."""
    kind, open_, close = flow
    row = text.splitlines()[opened - 1].strip() if 0 < opened <= len(text.splitlines()) else ""
    match = _KEY_VALUE.match(row)
    quoted = (f", or, if the {open_} is part of the text, put the value in quotes: "
              f"{match['key']}: {_quoted(match['value'])}") if match else ""
    return Problem(f"a {kind} opened with '{open_}' on this line is never closed; add "
                   f"'{close}' at its end{quoted}", file=path, line=opened)


def _value_with_colon(text: str, line: int) -> tuple[int, str] | None:
    """``title: Head of HR: shared``: a value holding ': ', which YAML reads as a second key."""
    rows = text.splitlines()
    match = _KEY_VALUE.match(rows[line - 1]) if 0 < line <= len(rows) else None
    if match is None or ": " not in match["value"] or match["value"][0] in "\"'[{|>#":
        return None
    return line, (f"the value of '{match['key']}' holds ': ', which YAML reads as another "
                  f"key; put the value in quotes: {match['key']}: {_quoted(match['value'])}")


def _over_indented(text: str, line: int) -> tuple[int, str] | None:
    """A key indented deeper than the key above it, which already has a value: one of the
    two lines is indented wrongly (a key moved left out of its section, or one pushed right)."""
    rows = text.splitlines()
    if not 0 < line <= len(rows):
        return None
    here = rows[line - 1]
    above = next((n for n in range(line - 1, 0, -1)
                  if rows[n - 1].strip() and not rows[n - 1].lstrip().startswith("#")), None)
    match = _KEY_VALUE.match(rows[above - 1]) if above else None
    if above is None or match is None or not _KEY_LINE.match(here):
        return None
    deeper = len(here) - len(here.lstrip())
    if deeper <= len(match["indent"]):
        return None
    return above, (f"line {line} is indented deeper than '{match['key']}:' on line {above}, "
                   f"which has a value of its own; indent the two lines alike (the keys of "
                   "one section start in the same column, two spaces in from its name)")


def _control_character(path: Path, exc: yaml.reader.ReaderError, text: str) -> Problem:
    """A character that is not text (a NUL, a control character) at its line."""
    char = exc.character if isinstance(exc.character, str) else chr(exc.character)
    # the first such character in the text is the one YAML met (its position counts bytes
    # or characters, depending on the parser)
    at = text.find(char)
    line = text[:at].count("\n") + 1 if at >= 0 else None
    what = "a NUL character" if char == "\0" else f"a control character (U+{ord(char):04X})"
    return Problem(f"the file holds {what}, which is not text; remove it (or save the file "
                   "as plain text from your editor)", file=path, line=line)


def yaml_error(path: Path, exc: yaml.YAMLError, text: str = "") -> Problem:
    """The problem for YAML's error ``exc`` parsing ``text`` (the file ``path``)."""
    if isinstance(exc, yaml.reader.ReaderError):
        return _control_character(path, exc, text)
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark is not None else None
    what = getattr(exc, "problem", None) or str(exc)
    start = getattr(exc, "context_mark", None)
    context = getattr(exc, "context", None)
    opened = start.line + 1 if context == "while scanning a quoted scalar" and start \
        else _unclosed_quote(text) if text else None
    if opened is not None and (line is None or opened <= line):
        return Problem(f"a quoted value that starts on line {opened} is never closed; add the "
                       "closing quote at the end of the value", file=path, line=opened)
    culprit = _missing_colon(text, line) if line and "mapping values" in what else None
    if "could not find expected ':'" in what and start is not None and text:
        culprit = start.line + 1  # where the key without its ':' began
    if culprit is not None:
        written = text.splitlines()[culprit - 1].strip()
        key, _, rest = written.partition(" ")
        return Problem(f"there is no ':' after the key on this line (found '{written[:40]}'); "
                       f"write it as {key}: {rest[:30] or '...'}", file=path, line=culprit)
    flow = _FLOWS.get(context or "")
    if flow is not None and start is not None:
        return _unclosed_flow(path, flow, start.line + 1, text)
    if line and "mapping values" in what:
        found = _value_with_colon(text, line) or _over_indented(text, line)
        if found is not None:
            return Problem(found[1], file=path, line=found[0])
    # the same mistake where comments stand between the keys (as in a starter file) is
    # found by the parser as a block that does not end (libyaml: "did not find expected key")
    if line and ("expected key" in what or "expected <block end>" in what):
        found = _over_indented(text, line)
        if found is not None:
            return Problem(found[1], file=path, line=found[0])
    if "nesting depth" in what:  # libyaml's own limit, met before ours on flow collections
        return Problem(f"values are nested more than {MAX_DEPTH} levels deep here; answer "
                       "files need far fewer", file=path, line=line)
    row = text.splitlines()[line - 1] if line and line <= len(text.splitlines()) else ""
    if "\t" in row[:len(row) - len(row.lstrip())] or "a tab character" in what:
        return Problem("this line is indented with a tab character, which YAML does not "
                       "allow; indent with spaces instead (two for each level, as on the "
                       "lines around it)", file=path, line=line)
    msg = f"this is not valid YAML: {what}" + (f" ({context})" if context else "")
    msg += "; check the indentation and quote values that contain ':' or '#'"
    return Problem(message=msg, file=path, line=line)


__all__ = ["yaml_error"]
