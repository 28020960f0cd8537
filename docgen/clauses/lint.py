"""``docgen clauses lint``: the checks a reviewing lawyer would make on the library itself.

- every capitalised term a clause uses is defined (or listed as a proper noun in
  ``clauses/lint.yaml``; see :mod:`docgen.clauses.lint_terms`), every definition is used, no
  term is defined twice; a defined term an overlay writes in lower case is a warning only;
- every ``ref()`` points at a clause or anchor that exists in the same documents,
  and reads "clause N";
- every variable a clause uses exists, every condition compiles, ids are unique;
- every clause renders against the example answer files (with overlays, also against
  variants of them: each jurisdiction, no trial, an NHS employer, four parties …).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection
from dataclasses import dataclass, replace
from pathlib import Path

from jinja2 import TemplateError, meta

from docgen.answers.kinds import DOCUMENT_KINDS
from docgen.clauses.book import grammar_for, line_to_para, local_names
from docgen.clauses.bookwords import load_words
from docgen.clauses.engine import clause_context, environment
from docgen.clauses.library import LINT_CONFIG, Clause, Library, load_library, read_lint_config
from docgen.clauses.lint_terms import (
    TermFinding,
    inline_terms,
    literal_text,
    lower_case_terms,
    shown,
    undefined_terms,
)
from docgen.clauses.render import render_document, term_used
from docgen.clauses.samples import sample_posts
from docgen.clauses.textmemo import TextMemo
from docgen.errors import DocgenError

REF_CALL = re.compile(r"""ref\(\s*['"]([^'"]+)['"]\s*\)""")
REF_WORD = re.compile(r"(clauses?|paragraphs?|and|or|to|,)\s*$", re.IGNORECASE)
#: the ``{{`` that opens a call, and the spaces after it, at the end of the text before it
_OPENING = re.compile(r"\{\{\s*$")
ANCHOR_LINE = re.compile(r"^\s*(?:--? |> )?\[([a-z][a-z0-9_-]*)\]", re.MULTILINE)


@dataclass
class LintIssue:
    where: str  # clause id or file
    message: str
    #: a warning does not fail the lint: ordinary English may write a term in lower case
    warning: bool = False
    #: for the capitals check: the word, its paragraph, and the defined term it looks like
    finding: TermFinding | None = None

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


#: what a folder's lint.yaml holds, shown when it holds something else
LINT_EXAMPLE = "write it as proper_nouns: [Eastwick, Westmere, Unison]"


def _proper_nouns(lib: Library) -> tuple[set[str], list[LintIssue]]:
    """The words each folder's ``lint.yaml`` lists as proper nouns, and what is wrong with
    a ``lint.yaml`` (read with the clause files' bounds: it is a user's file too)."""
    words: set[str] = set()
    issues: list[LintIssue] = []
    for folder in lib.dirs:
        cfg = folder / LINT_CONFIG
        if not cfg.is_file():
            continue
        try:
            data = read_lint_config(cfg)
        except DocgenError as exc:  # "<file>:<line>: what is wrong"
            where, _, message = str(exc).partition(": ")
            issues.append(LintIssue(where, f"{message}; {LINT_EXAMPLE}"))
            continue
        nouns = data.get("proper_nouns") or []  # "proper_nouns:" alone lists none
        if not isinstance(nouns, list) or not all(isinstance(w, str) for w in nouns):
            issues.append(LintIssue(str(cfg), f"proper_nouns must be a list of words; "
                                              f"{LINT_EXAMPLE}"))
            continue
        words |= set(nouns)
    return words, issues


#: names every clause text may use besides its context's
TEMPLATE_NAMES = frozenset({"ref", "join_words", "loop", "range", "namespace", "true", "false",
                            "none"})


def _context_names(lib: Library, examples: list[Path]) -> set[str]:
    names = set(TEMPLATE_NAMES)
    posts = sample_posts(examples, variants=False)
    if posts:
        names |= set(clause_context(posts[0].facts, "agreement"))
    return names


def lint(overlays: list[Path] | None = None, examples: list[Path] | None = None,
         builtin: Path | None = None, *, naming: Collection[str] = ()) -> list[LintIssue]:
    """Every problem in the library (built-in plus overlays); empty means clean.

    ``naming``: only the issues that name one of these clause ids (or id.label) are wanted
    (an import's, of the clauses it changes): a clause whose own words cannot give one is
    not checked (:func:`_may_name`). The issues that do name one are all there, in order."""
    kw = {"builtin": builtin} if builtin else {}
    lib = load_library(overlays, strict=False, **kw)
    issues = [LintIssue("library", message) for _, message in lib.duplicates]
    examples = examples or []
    names = _context_names(lib, examples)

    # anchors and where each clause id/anchor lives
    targets: dict[str, set[str]] = {}
    for c in lib.clauses.values():
        targets[c.id] = set(c.documents)
        for anchor in ANCHOR_LINE.findall(c.text):
            targets[f"{c.id}.{anchor}"] = set(c.documents)

    allowed, config_issues = _proper_nouns(lib)
    frozen_allowed = frozenset(allowed)  # the capitals check's memo key: frozen once a lint
    base = load_library([], strict=False, **kw) if overlays else None
    inline_by_doc = _inline_by_document(lib)
    issues += config_issues
    used_terms: set[str] = set()
    defined = frozenset(d.term for d in lib.definitions.values())
    if naming and any(name in _known_words(lib, allowed, inline_by_doc) for name in naming):
        naming = ()  # a defined term or proper noun has one: any clause's issue could
    for c in lib.clauses.values():
        where = f"{c.id} ({c.source.name})"
        literal = literal_text(c.text) + " " + c.title
        used_terms |= _terms_in(literal, defined)
        if naming and not _may_name(naming, where, c, literal):
            continue
        for label, src in (("text", c.text), ("title", c.title)):
            found = _undeclared(src)  # finding the names compiles: an unknown filter or
            if isinstance(found, str):  # test is found there
                issues.append(LintIssue(where, f"the {label} is not a valid template: {found}"))
                continue
            if names:
                for var in sorted(found - names):
                    issues.append(LintIssue(where, f"unknown variable '{var}' in the {label}"))
        if c.when:
            found = _undeclared(f"{{{{ {c.when} }}}}")
            if isinstance(found, str):
                issues.append(LintIssue(where, f"bad condition `{c.when}`: {found}"))
            elif names:
                for var in sorted(found - names):
                    issues.append(LintIssue(where, f"unknown variable '{var}' in the "
                                                   "condition"))
        for target, after_word in _ref_calls(c.text):
            if target not in targets:
                issues.append(LintIssue(where, f"broken reference: ref('{target}') names no "
                                               "clause or anchor"))
            elif not set(c.documents) <= targets[target]:
                missing = ", ".join(sorted(set(c.documents) - targets[target]))
                issues.append(LintIssue(where, f"ref('{target}') is not in the {missing} "
                                               "document(s) this clause belongs to"))
            if not after_word:
                issues.append(LintIssue(where, f"ref('{target}') should follow the word "
                                               "'clause' (it prints only the number)"))
        issues += _term_issues(lib, c, where, frozen_allowed, defined, inline_by_doc, base)
    # a definition used only by another used definition still counts (each definition's
    # wording read once, not once for every other definition)
    wording = [(d.term, literal_text(d.text)) for d in lib.definitions.values()]
    for _ in range(3):
        for term, text in wording:
            if term in used_terms:
                used_terms |= _terms_in(text, defined)
    for d in lib.definitions.values():
        if d.term not in used_terms:
            issues.append(LintIssue(f"definition '{d.term}' ({d.source.name})",
                                    "is defined but no clause uses it"))
    issues += _render_examples(lib, examples, variants=bool(overlays))
    return issues


#: (the names a template uses, or why it is not one) for each clause text, title and
#: condition seen: the same for the same text, so each is found once per process, not once
#: per lint (an import lints the library as it would be; the longest clause, 24,000
#: characters, took 0.1 s a lint). Keyed by the text's digest: an entry is a few names.
_UNDECLARED: TextMemo[frozenset[str] | str] = TextMemo(size=4096)


def _undeclared(src: str) -> frozenset[str] | str:
    """The names a template uses without setting them, or why it is not a valid template
    (Jinja's message), remembered (:data:`_UNDECLARED`)."""
    return _UNDECLARED.get(src, None, lambda: _find_undeclared(src))


#: what :func:`_terms_in` and :func:`_ref_calls` found in each text (its own words only)
_TERMS_IN: TextMemo[frozenset[str]] = TextMemo(size=4096)
_REF_CALLS: TextMemo[tuple[tuple[str, bool], ...]] = TextMemo(size=1024)


def _terms_in(text: str, terms: frozenset[str]) -> frozenset[str]:
    """The ``terms`` that ``text`` uses, remembered: each lint of the same library asks the
    same of every clause and definition."""
    return _TERMS_IN.get(text, terms, lambda: frozenset(t for t in terms if term_used(t, text)))


def _ref_calls(text: str) -> tuple[tuple[str, bool], ...]:
    """Each ``ref()`` of a clause text, in order: its target, and whether the word 'clause'
    (or 'and', ',' …) is before it. Remembered: searching back from each of a long
    clause's references took 0.04 s a lint."""
    return _REF_CALLS.get(text, None, lambda: tuple(
        (m.group(1), after_ref_word(text, m.start())) for m in REF_CALL.finditer(text)))


def after_ref_word(text: str, at: int) -> bool:
    """Whether the ``ref()`` call at ``at`` in ``text`` comes right after 'clause' (or
    'and', ',' …), the ``{{`` that opens it and spaces aside: a reference prints only the
    clause's number. (The clause book's checks ask the same of a lawyer's wording.)"""
    return bool(REF_WORD.search(_OPENING.sub("", text[:at].rstrip()).rstrip()))


def _find_undeclared(src: str) -> frozenset[str] | str:
    try:
        return frozenset(meta.find_undeclared_variables(environment().parse(src)))
    except TemplateError as exc:
        return str(exc)


def _known_words(lib: Library, allowed: set[str], inline_by_doc: dict[str, set[str]]) -> str:
    """The words a clause's issue may quote that are not its own: the defined terms (a
    near miss names the term), the proper nouns, and the lint's own advice."""
    return "\n".join([*(d.term for d in lib.definitions.values()), *allowed,
                      *(t for terms in inline_by_doc.values() for t in terms), LINT_CONFIG])


def _may_name(naming: Collection[str], where: str, clause: Clause, literal: str) -> bool:
    """Whether an issue of ``clause`` (its template, condition, references and capitals
    checks) could name one of ``naming`` (when no defined term, proper noun or advice of
    the lint's has one: :func:`_known_words`). Each issue quotes its id and file
    (``where``), its own words (its text, title and condition as written, or as a lawyer
    reads them: ``literal``), those known words, and Jinja's message, whose own words hold no dotted
    name. So a dotted name none of these has is in none of its issues; a name without a
    dot (a clause added as ``records``) could be any word of a message, and every clause is
    checked for it."""
    if any("." not in name for name in naming):
        return True
    own = "\n".join((where, clause.text, clause.when or "", literal))
    return any(name in own for name in naming)


def _inline_by_document(lib: Library) -> dict[str, set[str]]:
    """The terms each document's wording defines inline (the “Permitted Purpose”)."""
    found: dict[str, set[str]] = {}
    for c in lib.clauses.values():
        for doc in c.documents:
            found.setdefault(doc, set()).update(inline_terms(c.text))
    return found


def as_in_the_book(lib: Library, clause: Clause, f: TermFinding) -> TermFinding:
    """The finding with its paragraph as the clause book shows it, markers and all (“The
    Steering Group meets «how often the Steering Group meets», …”), as the book's other
    messages quote one; else as written, each field shown as “…”."""
    plain = replace(f, paragraph=" ".join(f.paragraph.replace("\u2063", "…").split()))
    if not f.source or not clause.documents:
        return plain
    try:
        g = grammar_for(lib, clause.documents[0], load_words())
        shown_as = line_to_para(f.source, g, local_names(clause.text)).text
    except DocgenError:
        return plain
    return replace(f, paragraph=shown_as)


def _term_issues(lib: Library, clause: Clause, where: str, allowed: frozenset[str],
                 defined: frozenset[str], inline_by_doc: dict[str, set[str]],
                 base: Library | None) -> list[LintIssue]:
    """The capitals check of one clause: undefined capitalised words (refused), and in an
    overlay's wording, defined terms written in lower case that the built-in clause did not
    write so (warned). ``allowed`` and ``defined`` (the definitions' terms) are frozen once
    a lint by the caller; this clause's terms are made frozen, as the check's memo keys."""
    inline = [inline_by_doc.get(doc, set()) for doc in clause.documents]
    # a term defined inline counts where every document of the clause defines it
    terms = defined | inline_terms(clause.text) | (set.intersection(*inline) if inline
                                                   else frozenset())
    term_words = frozenset(w for t in terms for w in t.split())
    issues = []
    for f in (as_in_the_book(lib, clause, f)
              for f in undefined_terms(clause.text, term_words, allowed, terms)):
        advice = (f"did you mean ‘{f.term}’?" if f.term else
                  f"define it in clauses/definitions/, write it in lower case, or list it "
                  f"in {LINT_CONFIG}")
        issues.append(LintIssue(where, f"'{f.word}' is capitalised but not a defined term; "
                                       f"{advice}", finding=f))
    if not clause.overlay:
        return issues
    before = base.clauses.get(clause.id) if base else None
    known = {f.word for f in lower_case_terms(before.text, terms)} if before else set()
    ours = terms - {d.term for d in lib.definitions.values()
                    if not set(d.documents) & set(clause.documents)}
    for f in (as_in_the_book(lib, clause, f) for f in lower_case_terms(clause.text, ours)):
        if f.word in known:
            continue
        said = (f"'{f.word}' is the defined term ‘{f.term}’ written in lower case"
                if f.word.lower() == f.term.lower() else
                f"'{f.word}' looks like the defined term ‘{f.term}’")
        issues.append(LintIssue(where, f"{said}, in the paragraph “{shown(f.paragraph)}”: if the "
                                       f"defined term is meant, write ‘{f.term}’ (a warning "
                                       "only: ordinary English may use the word)",
                                warning=True, finding=f))
    return issues


def _render_examples(lib: Library, examples: list[Path], variants: bool) -> list[LintIssue]:
    """Render every document of every example (and, with ``variants``, of the examples
    varied: other jurisdictions, no trial, an NHS employer, four parties …): catches errors
    only data can show, in wording the examples themselves never reach."""
    issues = []
    content = {kind: _render_content(lib, kind) for kind in DOCUMENT_KINDS}
    for post in sample_posts(examples, variants=variants):
        for kind in DOCUMENT_KINDS:
            key = (content[kind], kind, id(post.facts))
            if _RENDERED.get(key) is post.facts:
                continue  # rendered without error before, from the same clauses
            try:
                render_document(lib, kind, post.facts)
            except DocgenError as exc:
                issues.append(LintIssue(f"{post.label} {kind}", str(exc)))
                continue
            if len(_RENDERED) >= RENDERS_REMEMBERED:
                _RENDERED.clear()
            _RENDERED[key] = post.facts
    return issues


#: (what rendering a document reads of the library, the document, the example's facts)
#: → those facts, for each example document that rendered without an error: an import
#: lints the library as it would be, and the documents it does not change render as
#: before (a failure is not remembered: its message names the clause's file)
_RENDERED: dict[tuple[str, str, int], object] = {}
RENDERS_REMEMBERED = 4096


def _render_content(lib: Library, kind: str) -> str:
    """A digest of everything :func:`render_document` reads of ``lib`` for ``kind``,
    but the clauses' files (named only in its errors): the document's clauses in order,
    with whether each is an overlay (a figure an overlay drops is an error), the standard
    clauses' folder they are compared with, and the definitions the document may use."""
    h = hashlib.sha256(repr(lib.dirs[:1]).encode())
    for c in lib.for_document(kind):
        h.update(repr((c.id, c.title, c.text, c.when, c.order, c.kind, c.documents,
                       c.overlay)).encode())
    for d in lib.definitions.values():
        if kind in d.documents:
            h.update(repr(("definition", d.term, d.text, d.documents)).encode())
    return h.hexdigest()
