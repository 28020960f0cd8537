"""Answer files in the served folder, and the drafts being edited in the browser.

A draft is the answer file as a ruamel.yaml round-trip document
(:mod:`docgen.web.yamltext`), so keys, order, quoting and comments survive an
edit (:mod:`docgen.web.store` keeps drafts on disk and saves them). File names
are confined to the folder: no paths, no dot files, no symlinks.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap

import docgen
from docgen.answers.folder_names import REFERENCE_MAX
from docgen.api.interview import (
    base_answers,
    content_hash,
    is_answer_name,
    over_base,
    posts_in,
    reference_in,
)
from docgen.errors import AnswerFileError, DocgenError
from docgen.web.orgs import complete, policy_under
from docgen.web.when import said_iso
from docgen.web.yamltext import as_read, as_written, dump, in_own_lines, to_plain

EXAMPLES = Path(__file__).resolve().parent.parent / "data" / "examples"
#: how ``Draft.visited`` (saved with the draft) keeps a section to check again and why:
#: ``"?<slug>:<why>"``, one for each reason, until Continue on that section's page
RECHECK = "?"
#: how ``Draft.visited`` keeps a section holding docgen's suggestions the officer has not
#: confirmed yet: ``"~<slug>"``, until Continue on that section's page (kept on disk like
#: ``RECHECK``: a save or a restart does not confirm them)
SUGGESTED = "~"
#: ``visited`` of a draft whose sections are all answered: an opened file (``OPENED``), or
#: a copy of a post or a worked example (``OPENED`` and ``COPIED``), whose pages show their
#: problems only once the officer has sent them
OPENED, COPIED = "*", "*copied"


class Missing(DocgenError):
    """The file asked for is not in the folder (a 404, not bad input)."""


class Conflict(DocgenError):
    """The file on disk changed since it was opened, or a new file's name is taken."""


def plain_name(name: str) -> bool:
    """A file's own name, in the folder itself: no path, no dot file, no base (``_``),
    ending .yaml or .yml (any name the list of posts can show, ``My Post.yaml`` too)."""
    return (0 < len(name) <= 255 and not any(c in name for c in "/\\\0:")
            and not name.startswith((".", "_")) and is_answer_name(name)
            and name.strip() == name and name.isprintable())


def safe_path(folder: Path, name: str) -> Path:
    """``folder/name`` when ``name`` is a plain answer-file name inside the folder, else raise."""
    if not plain_name(name or ""):
        raise DocgenError(f"'{name}' is not an answer-file name docgen will use; use letters, "
                          "numbers, dots, hyphens and underscores, ending .yaml (for example "
                          "shared-head-of-legal.yaml)")
    path = folder / name
    if path.is_symlink() or (path.exists() and path.resolve().parent != folder.resolve()):
        raise DocgenError(f"'{name}' is a link to somewhere outside the folder; docgen "
                          "will not follow it")
    return path


def list_files(folder: Path) -> list[Path]:
    """The answer files in the folder, by the rule ``docgen build`` uses (bases, whose
    names start with '_', and YAML that is not a post left out), that the interview can
    open by name."""
    return [p for p in posts_in(folder) if plain_name(p.name)]


def reference_taken(folder: Path, reference: str, own: str | None = None) -> str | None:
    """The post in the folder, other than the file ``own``, that already has ``reference``
    (its file name), if any: two posts with one reference cannot both be built (the
    second waits, then fails). Each post's reference is docgen's, as ``docgen check``
    compares it (one a base gives too), read again only when its files change."""
    if not reference:
        return None
    return next((path.name for path in list_files(folder) if path.name != own
                 and (reference_in(path) or "").casefold() == reference.casefold()), None)


def free_reference(folder: Path, reference: str, own: str | None = None) -> str:
    """``reference`` if no other post in the folder has it, else the first of
    ``reference-2``, ``reference-3``, ... that none has and docgen accepts: what a copy of a
    post or a worked example proposes, so About does not open on "Another post in the
    folder already has this reference" (``own``: the draft's own file, if saved)."""
    if not reference or not reference_taken(folder, reference, own):
        return reference
    for n in range(2, 1000):
        tail = f"-{n}"
        proposed = reference[:REFERENCE_MAX - len(tail)] + tail
        if not _refused(proposed) and not reference_taken(folder, proposed, own):
            return proposed
    return reference


def _refused(reference: str) -> bool:
    """Whether docgen refuses ``reference`` as a post's reference (its own rule)."""
    return any(p.path == ("reference",) for p in docgen.check({"reference": reference}).errors)


def unsaved_notice(draft: Draft, when: str, others: int) -> dict[str, Any]:
    """What the page says when opening a post takes the officer to their draft of it with
    changes not saved yet (``when``: last changed, as the drafts list gives it; ``others``:
    more drafts of the post with unsaved changes)."""
    changed = f" (last changed {said_iso(when)})" if when else ""
    more = (f" You also have {others} other draft{'s' if others > 1 else ''} of this post "
            "with changes not saved; the start page lists them under Your drafts."
            if others else "")
    return {"heading": f"You have changes to {draft.name} that are not saved yet",
            "text": f"This is your draft of the post{changed}, with those changes. Save the "
                    "post to keep them. To start again from the saved file instead, delete "
                    f"this draft: the post saved in the folder is not changed.{more}",
            "links": [("Delete this draft and start again from the saved file",
                       f"/drafts/{draft.id}/delete")]}


def older_notice(name: str, newest: Draft, count: int) -> dict[str, Any]:
    """What the page says on opening a post changed in the folder since ``newest`` (the
    most recently changed of ``count`` drafts of it with changes not saved) was opened."""
    drafts = "a draft" if count == 1 else f"{count} drafts"
    return {"heading": f"You also have {drafts} of {name} with changes not saved yet",
            "text": f"{name} was changed in the folder after "
                    f"{'that draft was' if count == 1 else 'they were'} opened, so this "
                    "is the post as saved now. Saving a draft opened before would undo "
                    "that change, so it can only be saved as another post, with its own "
                    "reference: open it to copy your changes across, then delete it.",
            "links": [("Open your draft with changes not saved", f"/edit/{newest.id}/check")]}


def examples() -> list[str]:
    return sorted(p.name for p in EXAMPLES.glob("*.yaml"))


@dataclass
class Draft:
    """One answer file being edited: the document, where it came from, and its hash then."""

    id: str
    doc: CommentedMap
    name: str | None = None  # file name in the folder (None until first saved)
    base_hash: str | None = None  # sha256 of the file's bytes when opened or last saved
    base: dict[str, Any] | None = None  # what ``extends`` brings in (read only)
    visited: set[str] = field(default_factory=set)  # steps submitted at least once
    changed: set[str] = field(default_factory=set)  # fields the person has changed (live)
    blank: dict[str, int] = field(default_factory=dict)  # rows added, not filled in yet
    lock: threading.Lock = field(default_factory=threading.Lock)
    profiles: dict[str, dict[str, Any]] = field(default_factory=dict)  # the folder's, by id
    notice: dict[str, Any] | None = None  # said once on the next page (carried.py)
    #: the section Continue came from, by the section it led to: its Back link (Continue
    #: passes completed sections, so the section before in the list may not be the page seen)
    came_from: dict[str, str] = field(default_factory=dict)
    #: what "Start a new post" was given before "Save and come back later" (each field's
    #: values, as sent): shown there again, applied only by its Continue
    begun: dict[str, list[str]] = field(default_factory=dict)
    #: accepted warnings a change reopened (docgen.web.named.reopen), by rule: the reason
    #: given, for the warning's "Accept this warning" box to offer again
    reopened: dict[str, str] = field(default_factory=dict)
    #: the file's text as opened or last saved (a draft of a post in the folder): the
    #: draft's text keeps its lines where its answers are unchanged
    written: str | None = None

    @property
    def text(self) -> str:
        """The answers as YAML text: the file's own lines, where it has one (a save then
        changes only the answers changed, and an unchanged draft of a hand-written file is
        the file, not "changes not saved yet"), else ruamel's."""
        text = dump(self.doc)
        return in_own_lines(self.written, text, self.doc) if self.written is not None \
            else text

    def shows_problems(self, slug: str) -> bool:
        """Whether the page ``slug`` shows its problems on arrival: once the officer has
        sent it, or at once in a file they opened (not in a copy or a worked example,
        whose About would greet them with "Enter a reference")."""
        return slug in self.visited or (OPENED in self.visited
                                        and COPIED not in self.visited)

    @property
    def rechecking(self) -> bool:
        """Whether a section is marked to check again (``"?<slug>:<why>"`` in
        :attr:`visited`, see :mod:`docgen.web.tasks`) or holds docgen's suggestions not
        confirmed yet (``"~<slug>"``): kept on disk until each is continued, so a saved
        post reopened (after a restart too) does not say Completed for answers no one gave."""
        return any(v.startswith((RECHECK, SUGGESTED)) for v in self.visited)

    @property
    def unsaved(self) -> bool:
        """True when closing this draft would lose something (a new draft is never saved)."""
        return self.unsaved_as(self.text)

    def unsaved_as(self, text: str) -> bool:
        """:attr:`unsaved` for the draft's :attr:`text`, already written out (writing the
        YAML out takes about 10 ms: a save does it once)."""
        return self.base_hash is None or content_hash(text.encode("utf-8")) != self.base_hash

    def view(self) -> Any:
        """The answers as the interview shows them: the file over what it extends, with
        parties given by id completed from their profiles and the employer's policy
        beneath (as docgen reads them)."""
        data = over_base(self.base, to_plain(self.doc)) if self.base else self.doc
        return complete(data, self.profiles) if self.profiles else data

    def keep_base(self, before: dict[str, Any]) -> None:
        """Drop answers that only repeat the base (or the employer's profile policy) and
        were not in the file before, so long as the answers docgen reads stay the same (a
        profile's policy keys are taken whole: a part of ``payment.invoicing`` equal to the
        profile's is not dropped while the rest differs)."""
        under = policy_under(to_plain(self.doc), self.profiles) if self.profiles else {}
        base = over_base(under, self.base) if self.base else under
        if base:
            seen = as_read(self.view())
            _prune(self.doc, as_read(base), before, lambda: as_read(self.view()) == seen)


def _prune(node: CommentedMap, base: dict[str, Any], before: dict[str, Any],
           same: Callable[[], bool]) -> None:
    """Drop from ``node`` what equals ``base`` and was not in ``before``, each drop kept
    only when ``same()`` says the answers as read are unchanged by it."""
    for key in list(node):
        if key not in base:
            continue
        was = before.get(key) if isinstance(before, dict) else None
        if key not in before and as_read(node[key]) == base[key]:
            _drop(node, key, same)
        elif isinstance(node[key], CommentedMap) and isinstance(base[key], dict):
            _prune(node[key], base[key], was if isinstance(was, dict) else {}, same)
            if not node[key] and key not in before:
                _drop(node, key, same)


def _drop(node: CommentedMap, key: Any, same: Callable[[], bool]) -> None:
    at, value = list(node).index(key), node[key]
    del node[key]
    if not same():
        node.insert(at, key, value)


def read_base(folder: Path, path: Path, doc: CommentedMap) -> dict[str, Any] | None:
    """The merged answers of the file ``doc`` extends (kept inside the folder), or None."""
    ext = doc.get("extends")
    if not isinstance(ext, str):
        return None
    base_path = (path.parent / ext).resolve()
    if not base_path.is_relative_to(folder.resolve()) or not base_path.is_file():
        return None
    try:
        data = base_answers(base_path)
    except AnswerFileError:
        return None
    return {k: as_written(v) for k, v in data.items() if k != "extends"}
