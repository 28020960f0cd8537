"""Run as a script by ``tests/test_constant_patterns.py``, in a process of its own (so no
cache of an earlier render hides a compile): ``probe.py WORKBOOK OUT ANSWER_FILE...`` checks
and renders each answer file, its parties renamed, then writes the answer files into a
programme workbook (``docgen intake write``) and builds it into OUT, then lints and exports
the clause library and starts an answer file. It prints as JSON every
regular expression docgen's own code compiled while it ran (not while a module loaded,
which the command's table of compiled patterns keeps: :mod:`docgen._codecache`), with the
answers' text each run was given."""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path
from typing import Any

import yaml
from openpyxl import load_workbook

import docgen
from docgen import _codecache
from docgen.cli import cli

_re_compiler: Any = _codecache._re_compiler
PACKAGE = str(Path(docgen.__file__).resolve().parent) + os.sep
#: the frames between docgen's code and the compiler: ``re``'s own and this script's (the
#: first frame past them is the code that asked for the pattern)
PASSED = (str(Path(re.__file__).parent) + os.sep, __file__)
#: words of a party's name that name no place (the others are renamed)
GENERIC = frozenset({"The", "Mayor", "and", "Burgesses", "of", "the", "London", "Borough",
                     "Royal", "City", "Council", "District", "County", "NHS", "Integrated",
                     "Care", "Board", "Trust", "Health", "Lord", "Citizens"})
#: keys whose files keep their names (a house style's Word file)
KEPT = frozenset({"house_style"})
#: a cell holding an answer's key path (an Other answers row's ``payment.vat.treatment``),
#: given whole as well as in pieces: a pattern may be made from the key's last name
_KEY_PATH = re.compile(r"[a-z_]+(?:\.[a-z0-9_]+)+")
#: the new names of the places, one set for each run (``PROBE_RENAMING``: 0 or 1): a pattern
#: made from a party's name is compiled with different text in the two runs, a constant one
#: with the same
NEW_PLACES = (("Quarrendon", "Tarnwick", "Fellbury", "Harrowdene", "Kestonby", "Lyndmere"),
              ("Wistmoor", "Oxlade", "Brackenholt", "Silverdene", "Marlcombe", "Thornby"))


def renamed(answers: dict[str, Any], places: list[str], run: int = 0) -> Any:
    """``answers`` with each place a party's name holds given a new name, everywhere (the
    names of ``NEW_PLACES[run]``)."""
    table = dict(zip(places, NEW_PLACES[run], strict=False))

    def rename(value: Any) -> Any:
        if isinstance(value, str):
            for old, new in table.items():
                value = re.sub(rf"\b{old}\b", new, value)
                value = re.sub(rf"\b{old.lower()}\b", new.lower(), value)
            return value
        if isinstance(value, dict):
            return {rename(k): v if k in KEPT else rename(v)  # a party's id too
                    for k, v in value.items()}
        if isinstance(value, list):
            return [rename(v) for v in value]
        return value
    return rename(answers)


def texts(value: Any) -> list[str]:
    """Every string an answer file gives (a party's name, a role, a step's level)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for v in value.values() for t in texts(v)]
    if isinstance(value, list):
        return [t for v in value for t in texts(v)]
    return []


def workbook_texts(workbook: Path) -> list[str]:
    """Every text the workbook's cells and the organisation profiles beside it give, in the
    pieces a cell holds ("eastwick: Chief Executive; westmere: Director of Resources", an
    Other answers row's key ``payment.vat.treatment``), and a key path whole."""
    book = load_workbook(workbook, read_only=True)
    cells = [v for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)
             for v in row if isinstance(v, str)]
    book.close()
    profiles = [t for f in sorted((workbook.parent / "organisations").glob("*.yaml"))
                for t in texts(yaml.safe_load(f.read_text(encoding="utf-8")))]
    return [*(p.strip() for t in (*cells, *profiles) for p in re.split(r"[;,:.\n]", t)),
            *(c.strip() for c in cells if _KEY_PATH.fullmatch(c.strip()))]


def _command(*args: str) -> None:
    """Run the command line's ``args`` in this process."""
    try:
        cli.main(list(args), standalone_mode=False)
    except SystemExit as exc:
        assert not exc.code, exc


def asker() -> str:
    """The file and line of the code that asked for the pattern being compiled."""
    frame = sys._getframe(2)
    while frame is not None and frame.f_code.co_filename.startswith(PASSED):
        frame = frame.f_back
    return "" if frame is None else f"{frame.f_code.co_filename}:{frame.f_lineno}"


def main() -> None:
    compiled: list[dict[str, Any]] = []
    given: dict[str, list[str]] = {}
    now = {"post": ""}
    original = _re_compiler.compile

    def compile_(pattern: Any, flags: int = 0) -> Any:
        where = asker()
        if where.startswith(PACKAGE) and not _codecache._importing():
            compiled.append({"pattern": str(pattern), "flags": int(flags),
                             "where": where.removeprefix(PACKAGE), "post": now["post"]})
        return original(pattern, flags)

    _re_compiler.compile = compile_
    workbook, out, *posts = map(Path, sys.argv[1:])
    for post in posts:
        answers = docgen.load(post)
        places = list(dict.fromkeys(w for p in answers.parties for w in p.name.split()
                                    if w[:1].isupper() and w not in GENERIC))
        data = renamed(answers.model_dump(mode="json", exclude_unset=True), places,
                       int(os.environ.get("PROBE_RENAMING", "0")))
        now["post"] = post.name
        given[post.name] = texts(data)
        docgen.check(data, workspace=post.parent)
        docgen.render(data, workspace=post.parent)
    now["post"] = workbook.name
    _command("intake", "write", str(posts[0].parent), str(workbook))
    given[workbook.name] = workbook_texts(workbook)
    _command("build", str(workbook), "--out", str(out), "-q")  # the API's takes answer files
    now["post"] = "commands"
    lint = Path(docgen.__file__).parent / "data" / "clauses" / "lint.yaml"
    given["commands"] = texts(yaml.safe_load(lint.read_text(encoding="utf-8")))
    _command("clauses", "lint")
    _command("clauses", "export", str(out.parent / "book.docx"))
    _command("new", str(out.parent / "new-post.yaml"))
    print(json.dumps({"compiled": compiled, "given": given}))


if __name__ == "__main__":
    main()
