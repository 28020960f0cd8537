"""A clause file named to ``docgen check``: linted as ``docgen clauses lint --clauses <its
folder>`` lints it (a file named is checked), and the lint's findings that concern that file
made its result. Here, below the command line, so that a door other than the command line
checks a clause file the same way."""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

from docgen.api.clauses import clause_library, lint_clauses
from docgen.errors import DocgenError, Problem
from docgen.publish.discover import NamedClause
from docgen.results import PostResult
from docgen.shellwords import shell_path

#: what one lint of a folder found: each finding (where, its words, a warning?) with the
#: paths in its words as the user named them; for each file of the folder (resolved) the
#: ``where`` of its own findings, its clauses' ids and its path as the lint names it; and
#: every clause id of the library
Finding = tuple[str, str, bool]
Files = dict[Path, tuple[set[str], set[str], Path]]
Linted = tuple[list[Finding], Files, frozenset[str]]


def check_clause_files(named: Sequence[tuple[Path, NamedClause]]) -> list[PostResult]:
    """Each clause file named to ``docgen check``, linted as ``docgen clauses lint --clauses
    <its folder>`` lints it (each folder once), the lint's findings that concern the file
    its problems: ``checked`` when none is an error, else ``failed``. One beside the posts
    (it has no folder of its own yet) is linted as it would be in one."""
    linted: dict[Path, Linted | DocgenError] = {}
    results = []
    for path, clause in named:
        key = (clause.folder or path).resolve()
        if key not in linted:
            linted[key] = _lint_folder(path, clause.folder)
        results.append(_clause_result(path, clause, linted[key]))
    return results


def _lint_folder(path: Path, folder: Path | None) -> Linted | DocgenError:
    """The lint of ``folder`` (for None, of ``path`` alone in a scratch folder, its copy
    named in the findings as ``path``), or why the folder cannot be laid over the library."""
    if folder is not None:
        return _linted(folder, {})
    with tempfile.TemporaryDirectory(prefix="docgen-clause-") as tmp:
        scratch = Path(tmp) / "our-clauses"
        scratch.mkdir()
        shutil.copyfile(path, scratch / path.name)
        return _linted(scratch, {scratch / path.name: path})


def _linted(folder: Path, copies: dict[Path, Path]) -> Linted | DocgenError:
    def named(text: str) -> str:
        for copy, original in copies.items():
            text = text.replace(str(copy), str(original))
        return text

    try:
        issues = lint_clauses([folder])
        lib = clause_library([folder], strict=False)
    except DocgenError as exc:
        return DocgenError(named(str(exc)))
    files: Files = {}
    own = [(c.source, f"{c.id} ({c.source.name})", {c.id})
           for c in lib.clauses.values() if c.overlay]
    own += [(d.source, f"definition '{d.term}' ({d.source.name})", set())
            for d in lib.definitions.values() if d.overlay]
    for source, where, ids in own:
        real = copies.get(source, source).resolve()
        wheres, their_ids, _ = files.setdefault(real, (set(), set(), Path(named(str(source)))))
        wheres.add(where)
        their_ids.update(ids)
    return [(i.where, named(str(i)), i.warning) for i in issues], files, frozenset(lib.clauses)


def _clause_result(path: Path, clause: NamedClause, linted: Linted | DocgenError) -> PostResult:
    """``path``'s own findings in its folder's lint, as a checked or failed result: those
    at its clause or definition, those naming the file, and those naming its clause or
    one of its anchors ('agreement.governance.priorities': a reference to an anchor it no
    longer has), never another clause whose id starts with its own."""
    folder = clause.folder
    where = (f"docgen clauses lint --clauses {shell_path(folder)} checks it" if folder
             else "docgen clauses lint checks it in a folder of its own")
    what = f" (clause {clause.clause})" if clause.clause else ""
    message = f"checked as a clause file{what}, as {where}; {clause.use}"
    if isinstance(linted, DocgenError):  # the folder cannot be laid over the library
        said = str(linted)
        if not re.search(_naming(path), said) and folder is not None:  # another file's
            said = f"its folder {folder} cannot be laid over docgen's clauses: {said}"
            message = (f"not checked as a clause file{what}, as {where}, until its folder "
                       f"can be; {clause.use}")
        return PostResult(source=path, status="failed", message=message,
                          problems=[Problem(message=said, file=path)])
    findings, files, known = linted
    wheres, ids, named = files.get(path.resolve(), (set(), set(), path))
    ids = ids | ({clause.clause} if clause.clause else set())
    own_file = re.compile(_naming(named))
    quoted = re.compile(r"'((?:" + "|".join(map(re.escape, sorted(ids))) +
                        r")(?:\.[a-z][\w-]*)?)'") if ids else None

    def names_it(text: str) -> bool:
        return quoted is not None and any(
            m[1] in ids or m[1] not in known for m in quoted.finditer(text))

    problems = [Problem(message=text, file=path, severity="warning" if warning else "error")
                for at, text, warning in findings
                if at in wheres or own_file.search(text) or names_it(text)]
    failed = any(p.severity == "error" for p in problems)
    return PostResult(source=path, status="failed" if failed else "checked",
                      problems=problems, message=message)


def _naming(path: Path) -> str:
    """A pattern finding ``path`` in a message as a whole path, never the end of a longer
    one (``agreement/x.yaml`` is not docgen's own ``…/clauses/agreement/x.yaml``)."""
    return r"(?<![\w./\\-])" + re.escape(str(path)) + r"(?![\w.-])"



__all__ = ["check_clause_files"]
