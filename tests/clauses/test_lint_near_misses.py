"""A defined term mistyped ('Postholder', 'Post Holder' for 'Post-holder') is refused with
the term it looks like; a defined term written in lower case ('the parties') is warned
about, with its paragraph, but does not fail the lint (ordinary English may use the word).
Only an overlay's wording is warned about, and only where the built-in clause did not
write the words so (solicitor's review of the clause book)."""

from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner

from docgen.clauses.library import load_library
from docgen.cli import cli

CLAUSE = """id: {id}
title: {title}
version: 1
documents: [agreement]
order: 160
text: |
  {text}
"""


def lint(tmp_path: Path, text: str, cid: str = "zz.records", title: str = "Records"
         ) -> tuple[int, str]:
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "a.yaml").write_text(CLAUSE.format(id=cid, title=title, text=text),
                                   encoding="utf-8")
    result = CliRunner().invoke(cli, ["clauses", "lint", "--clauses", str(folder)])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.exit_code, " ".join(result.output.split())


def test_a_mistyped_term_is_refused_with_the_term_it_looks_like(tmp_path: Path) -> None:
    code, out = lint(tmp_path, "The Postholder shall keep records, and the Post Holder shall "
                               "keep them for six years.")
    assert code == 1
    assert "'Postholder' is capitalised but not a defined term; did you mean ‘Post-holder’?" \
        in out
    assert "'Post Holder' is capitalised but not a defined term; did you mean ‘Post-holder’?" \
        in out


def test_a_term_in_lower_case_is_a_warning_with_its_paragraph(tmp_path: Path) -> None:
    code, out = lint(tmp_path, "The Post-holder shall tell the parties and the host party of "
                               "each change.")
    assert code == 0 and out.endswith("clause library OK"), out
    assert ("warning: zz.records (a.yaml): 'parties' is the defined term ‘Parties’ written in "
            "lower case, in the paragraph “The Post-holder shall tell the parties and the "
            "…”") in out
    assert "'host party' is the defined term ‘Host Party’ written in lower case" in out
    assert "'party' is" not in out  # the longer term only


def test_a_term_run_together_in_lower_case_is_a_warning(tmp_path: Path) -> None:
    code, out = lint(tmp_path, "The Parties shall tell the postholder of each change.")
    assert code == 0, out
    assert "warning: zz.records (a.yaml): 'postholder' looks like the defined term " \
           "‘Post-holder’" in out


def test_lower_case_words_the_built_in_clause_has_are_not_warned(tmp_path: Path) -> None:
    """agreement.post's own wording writes 'post' in lower case here and there: an overlay of
    it is warned only about what the edit added ('The parties shall keep the post …')."""
    post = load_library([]).clauses["agreement.post"]
    edited = post.text.replace("The Parties shall keep the Post", "The parties shall keep the "
                               "Post", 1)
    assert edited != post.text
    folder = tmp_path / "lib"
    folder.mkdir()
    data = {"id": post.id, "title": post.title, "version": post.version + 1,
            "replaces_version": post.version, "documents": post.documents,
            "order": post.order, "text": edited} | ({"when": post.when} if post.when else {})
    (folder / "agreement.post.yaml").write_text(yaml.safe_dump(data, allow_unicode=True),
                                                encoding="utf-8")
    result = CliRunner().invoke(cli, ["clauses", "lint", "--clauses", str(folder)])
    out = " ".join(result.output.split())
    warned = [ln for ln in result.output.splitlines() if ln.startswith("warning:")]
    assert result.exit_code == 0, out
    assert len(warned) == 1 and "'parties' is the defined term ‘Parties’" in warned[0], warned


def test_the_built_in_library_has_no_warnings() -> None:
    result = CliRunner().invoke(cli, ["clauses", "lint"])
    assert result.output.strip() == "clause library OK", result.output
