"""Problems found in an answer file, reported as ``file:line: key: message``.

Every user mistake becomes a :class:`Problem` rather than an exception with a
traceback, so that a batch can report all of them at once and carry on with
the other files.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

Severity = Literal["error", "warning"]
KeyPath = tuple[str | int, ...]
#: where each key path was written: the file and its line
KeyLines = dict[KeyPath, tuple[Path, int]]
#: the rule of the warning that a clause overlay replaces an older version of a standard
#: clause (the clause library's warning, which the check adds to the post's, stamped with
#: the documents that take its clause for the post, by its ``when``:
#: ``pipeline.older_overlays``). Here, not in
#: :mod:`docgen.results`, so the answer file's checks (below the results) can name it too
OVERLAY_RULE = "OVERLAY"
#: the rule of the warning that a post's document was edited by hand: a skipped post names
#: it (kept as it is), a forced build kept the edited copy; the CLI counts it apart. Here
#: beside OVERLAY_RULE, for the same reason: neither can be acknowledged
EDITED_RULE = "EDITED"
#: the rule of the warning that a rebuild removed the copies (PDF, Markdown, HTML) an
#: earlier build made in a format this one was not asked for: they described the documents
#: it replaced. Like EDITED, what the build did: it cannot be acknowledged
REMOVED_RULE = "REMOVED"
#: the codes of an error in a clause folder the post's documents are made with (a folder
#: missing, wording that cannot be used: ``pipeline.overlay_problems``): the post's own
#: (its ``clauses``), or its employer's organisation profile's. Its message names files,
#: clause ids and YAML for the folder's keeper; the interview says whose wording it is
CLAUSE_FOLDER = "clause_folder"
PROFILE_CLAUSE_FOLDER = "profile_clause_folder"
FOLDER_CODES = frozenset({CLAUSE_FOLDER, PROFILE_CLAUSE_FOLDER})
#: the code of an answer not known yet (``tbc``) and of one still holding a marker to fill
#: in ("[name]"), each a draft's warning (rule TBC), made by the answer file's check
#: (``answers/validation.not_known_problems``); ``…_FINAL``: the same answer in a final
#: post, an error, an answer still to give (``final_open.STILL_TO_GIVE``). Here, below
#: the answers, so the check that makes them and every reader (the interview) name them
#: from one place
NOT_KNOWN = "not_known"
PLACEHOLDER = "placeholder"
NOT_KNOWN_FINAL = "not_known_final"
PLACEHOLDER_FINAL = "placeholder_final"
#: all four: while one is in a check's problems, a clause's condition (``when``) was
#: evaluated on a placeholder or a stand-in, not the real value
NOT_KNOWN_CODES = (NOT_KNOWN, PLACEHOLDER, NOT_KNOWN_FINAL, PLACEHOLDER_FINAL)
#: the code of an error that a value not known yet is where the documents need one (a draft
#: too: the answer's form takes no ``tbc`` there)
NOT_KNOWN_NEEDED = "not_known_needed"
#: the code of an error that a value not known yet is written for a key that may be left
#: out (``end_date: tbc``): the key takes no ``tbc``; it is given or left out
NOT_KNOWN_OPTIONAL = "not_known_optional"
#: the code of an error that an answer the documents need was left out (a key required and
#: not given: ``answers/validation.plain_problem``), and of one that a list has fewer items
#: than it needs (two partners, a member for each): both an answer to give, not a wrong one
MISSING = "missing"
TOO_FEW = "too_few"
#: the codes of a problem with an accepted warning (``acknowledge``) that a page other than
#: the warning's own puts right: one without a reason and one whose rule id is not in its
#: form, capitals then digits (both ``answers/validation``), and one for a
#: warning that no longer fires and one of an error, which cannot be accepted (both
#: ``rulebook/engine``): the interview words each its own way
ACCEPTANCE_NO_REASON = "acceptance_no_reason"
ACCEPTANCE_RULE_FORM = "acceptance_rule_form"
ACCEPTANCE_NOT_APPLYING = "acceptance_not_applying"
ACCEPTANCE_OF_ERROR = "acceptance_of_error"
ACCEPTANCE_CODES = (ACCEPTANCE_NO_REASON, ACCEPTANCE_RULE_FORM, ACCEPTANCE_NOT_APPLYING,
                    ACCEPTANCE_OF_ERROR)
#: the code of the warning that an employer written out in full has an organisation profile
#: giving standing policy the post lacks, which it does not read
#: (``answers/employer_policy.note_unread``): said, never counted at final
#: (``final_open``), as the post builds as it did before the profile was written
PROFILE_UNREAD = "profile_unread"


def format_path(path: KeyPath) -> str:
    """Render a key path the way a user reads it: ``parties[1].signatory.name``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "(top level)"


def closest(word: str, options: list[str], cutoff: float = 0.6) -> str | None:
    """The option ``word`` was most likely meant to be, for a "did you mean" (None if
    none is close): one cut-off for every message that suggests a key or an id."""
    close = difflib.get_close_matches(word, options, n=1, cutoff=cutoff)
    return close[0] if close else None


#: one answer an instruction names: its key path and the value to give it ("" for an answer
#: to fill in or a list to add to, whatever it says; "-" to leave it out; "<=28", ">=3" or
#: "6..12" for a number in that range; ">=2028-03-31" or "<=…" for a date on or after, or
#: on or before, that day (a range on a money answer is said in pounds); "100" for a figure
#: for each partner: the total they make; a partner's short code for a repeating group whose rows
#: name a partner: a row to add for it; "?" for an answer to give as well, if it applies; "~"
#: for an answer already given, to change, whatever it says)
Setting = tuple[KeyPath, str]


@dataclass(frozen=True)
class Fix:
    """A problem's "how to fix" instruction as data, for a reader that words it its own way
    (the browser names the question and its choice): ``said`` is the instruction exactly
    as the message has it, so the reader can put its own words in that place; ``ways`` the
    ways to put the problem right, any one of them, each the answers it sets (all of them).
    The command line prints the message and never reads this."""

    said: str
    ways: tuple[tuple[Setting, ...], ...]


#: the words a "missing" error adds when the employer's profile gives no policy for it either
_PROFILE_HINT = ("; the employer's organisation profile, {profile}, gives no {what} policy "
                 "either: give it in {where}, or add it to that profile (under {under})")


@dataclass(frozen=True)
class ProfileHint:
    """The employer's profile that gives no policy for a missing answer, the answer's name
    and where in the profile it would go (``policy: payment:``): carried on the problem as
    data, so a reader that rewords the "missing" error (a workbook's row) keeps the hint in
    its own words without reading it back out of the message."""

    profile: str
    what: str
    under: str

    def said(self, where: str) -> str:
        """The hint, saying to give the answer in ``where`` ("this post") or the profile."""
        return _PROFILE_HINT.format(profile=self.profile, what=self.what, where=where,
                                    under=self.under)


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or worth a second look) in an answer file."""

    message: str
    path: KeyPath = ()
    file: Path | None = None
    line: int | None = None
    severity: Severity = "error"
    rule: str = ""
    acknowledged: str | None = None  # the reason given when a warning was acknowledged
    #: stamped by the rule that found it: the documents whose drafting notes show it
    #: (empty: every document) and the clauses a note attaches to, so the Word stage
    #: never has to ask the rule catalogue
    documents: tuple[str, ...] = ()
    clauses: tuple[str, ...] = ()
    #: what kind of problem this is, for a reader that words it its own way (the browser's
    #: interview): stable while the message is reworded; "" when no reader needs one
    code: str = ""
    #: the message's "how to fix" instruction as data (None: none, or none given as data)
    fix: Fix | None = None
    #: for a "missing" error the employer's profile could answer and does not, which
    #: profile and where in it (the message already ends with it said of the post)
    profile_hint: ProfileHint | None = None

    @property
    def key(self) -> str:
        return format_path(self.path)

    @property
    def hint(self) -> str | None:
        """How to fix it: messages read "what is wrong; what to do" (None if no advice)."""
        _, sep, rest = self.message.partition("; ")
        return rest if sep else None

    @property
    def location(self) -> str:
        where = str(self.file) if self.file else "<answer file>"
        return f"{where}:{self.line}" if self.line else where

    def __str__(self) -> str:
        prefix = "" if self.severity == "error" else f"{self.severity}: "
        return f"{self.location}: {prefix}{self.key}: {self.message}"


class HasProblems:
    """Errors and warnings of anything that carries ``problems`` (a post's result, a check
    report), told apart by severity in one place."""

    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]


@dataclass
class AnswerFileError(Exception):
    """Raised when an answer file cannot be used; carries every problem found."""

    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


class DocgenError(Exception):
    """A failure the user can act on (bad template, missing tool), shown without a traceback."""


#: a clause folder's error: the files or folders it concerns (none: docgen's own standard
#: clauses), and its message
FolderError = tuple[tuple[Path, ...], str]


class FolderErrors(DocgenError):
    """Clause folders that cannot be loaded, each error with the files or folders it
    concerns, so whose folder it is in is told by where it is, never by reading a path
    out of its message (one folder's name can be inside another's)."""

    def __init__(self, found: list[FolderError]) -> None:
        super().__init__("; ".join(message for _, message in found))
        self.found = found

    def __reduce__(self) -> tuple[type[FolderErrors], tuple[list[FolderError]]]:
        """Made again from ``found`` (its ``args`` hold the joined message, which
        ``__init__`` cannot take), so pickle and copy give the same errors back."""
        return type(self), (self.found,)


#: the code of a warning whose point the clause it concerns makes in its own note for legal
#: review (the clause's text; the rule gives the code only where the clause writes that
#: note, as GP054 does for a statutory office under another power): one point, one note
#: (docgen.word.notes writes none for it). The warning itself stays in the check and the
#: interview, and a final post must settle it
SAID_IN_CLAUSE = "said_in_clause"
