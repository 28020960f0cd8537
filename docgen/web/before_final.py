"""What stands between a post and "Final", and why "Final" was refused, in the interview's
words: the answers still to give, the warnings open (docgen's own test, shared with the
command line's count) and the sections still holding docgen's own suggestions the officer
has not checked (the interview's, not docgen's: a new post's standing answers). Split from
checking.py, whose live checks count the first two the same way."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from docgen.answers.kinds import BY_KIND, DOCUMENT_KINDS
from docgen.api.interview import join_words
from docgen.errors import (
    MISSING,
    NOT_KNOWN_CODES,
    NOT_KNOWN_NEEDED,
    NOT_KNOWN_OPTIONAL,
    OVERLAY_RULE,
    TOO_FEW,
    KeyPath,
    Problem,
)
from docgen.final_open import (
    FINAL_ONLY,
    GAP_FINAL,
    NOT_USED,
    STILL_TO_GIVE,
    documents_of,
    open_at_final,
)
from docgen.web.fields import no_postholder
from docgen.web.nouns import phrase

#: what a recruit can make final before the appointee is known (not the contract), and
#: their names in a sentence ("agreement and job specification"), from the one table
WITHOUT_CONTRACT = [kind for kind in DOCUMENT_KINDS if kind != "contract"]
WITHOUT_CONTRACT_NAMES = join_words([BY_KIND[kind].noun for kind in WITHOUT_CONTRACT])


@dataclass
class Open:
    """What stands between a post and "Final", as docgen's problems (each at its question):
    the answers still to give and the warnings neither accepted nor put right; ``unsure``
    when docgen stopped at an error of another kind, before counting them."""

    answers: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    unsure: bool = False
    #: the sections (their slugs) still holding docgen's own suggestions, not confirmed
    #: by the officer (the interview's, not docgen's check: tasks.to_confirm)
    suggested: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.answers or self.warnings or self.unsure or self.suggested)


def made(plain: dict[str, Any]) -> tuple[str, ...]:
    """The documents the post makes."""
    kinds = plain.get("documents")
    return tuple(k for k in kinds if isinstance(k, str)) if isinstance(kinds, list) \
        else DOCUMENT_KINDS


def still_to_give(errors: list[Problem]) -> list[Problem]:
    """The answers a final post still needs among ``errors``, one a question."""
    out: dict[KeyPath, Problem] = {}
    for p in errors:
        if p.code in STILL_TO_GIVE:
            out.setdefault(p.path, p)
    return list(out.values())


def open_warnings(warnings: list[Problem], kinds: tuple[str, ...],
                  answers: Sequence[Problem] = ()) -> list[Problem]:
    """The warnings a final post may not keep (docgen's own test, shared with the command
    line's count: :func:`docgen.final_open.open_at_final`), one at the question of an
    answer listed (``answers``: the post to return to) counted as that answer."""
    return open_at_final(warnings, kinds, [p.path for p in answers])


#: the code of a clause overlay's warning that was "not used" (:data:`NOT_USED`) on the
#: strength of a value not known yet: counted at "Final" and said as used, both until
#: every answer is given
UNTIL_KNOWN = "not_used_until_known"
#: the same, counted as used while an answer docgen refuses is among the answers (every
#: answer may be given): said as counted until every question is answered without errors
UNTIL_RIGHT = "not_used_until_right"
#: the code of "Final" refused as the interview says it, counted from docgen's problems
#: (docgen.web.checking.counted): its message is :func:`docgen.web.messages.final_open`'s
FINAL_COUNTED = "final_open_counted"
#: a problem whose words count what the whole post holds (open warnings, answers still to
#: give): from a check with stand-ins, the count is the stand-ins', so it is said without
#: (docgen.web.checking.first_said)
FINAL_UNSURE = "final_open_unsure"
#: the codes of an answer left out (a key not given, a list without the items it needs): a
#: question asks for it ("Enter …", "Select …": docgen.web.messages.error)
LEFT_OUT = frozenset({MISSING, TOO_FEW})
#: the codes of an error that is an answer not given yet (left out, not known yet, a gap a
#: final post must fill, or the final status's own count, as docgen codes it or the live
#: check recodes it): any other error is an answer docgen refuses
NOT_GIVEN = frozenset({*LEFT_OUT, NOT_KNOWN_NEEDED, NOT_KNOWN_OPTIONAL, *FINAL_ONLY, FINAL_COUNTED,
                       FINAL_UNSURE})


def rules_ran(errors: Sequence[Problem]) -> bool:
    """Whether docgen's rules ran on the answers as given, by their check's ``errors``
    (some): each is a rule's (a rule's own error, such as a steering group without a member
    for a partner; the final status's count of the warnings open,
    :data:`~docgen.final_open.FINAL_OPEN`, and the gaps beside it), none about the answer
    file's shape (a section left out, a date that is not a date) or a value not known yet in
    a final post, which stop docgen's check before its rules. No stand-in was needed, so an
    overlay left out is not counted as used (:func:`as_used`) but for a draft's value not
    known yet (:func:`while_not_known`), by "Final" (whose errors are then the final
    status's alone) or by check your answers. Gaps alone (:data:`STILL_TO_GIVE`, no count
    of warnings open) are answers still to give: both pages check them with stand-ins."""
    return (bool(errors) and all(p.rule and p.code not in NOT_KNOWN_CODES for p in errors)
            and not {p.code for p in errors} <= set(STILL_TO_GIVE))


def until(errors: Sequence[Problem]) -> str:
    """The code :func:`as_used` gives an overlay left out, by the ``errors`` of a check
    that stopped before docgen's rules (the real answers' and those the officer is shown):
    :data:`UNTIL_RIGHT` when one is an answer docgen refuses, else :data:`UNTIL_KNOWN`."""
    return UNTIL_RIGHT if any(p.code not in NOT_GIVEN for p in errors) else UNTIL_KNOWN


def as_used(warnings: list[Problem], code: str = UNTIL_KNOWN) -> list[Problem]:
    """``warnings`` checked with a stand-in (or a draft's placeholder) for a value not
    known yet, each clause overlay's counted as used (``code``: :data:`UNTIL_KNOWN`, or
    :data:`UNTIL_RIGHT` while an answer is wrong): its clause's condition was evaluated on
    the stand-in, so "not used" may not hold of the value given. Check your answers says it
    so; "Final" counts it too when docgen stopped only for the answers still to give (then
    it lists the overlay): with an answer docgen refuses, "Final" is refused before counting
    any warning (``Open.unsure``) and lists none, asking for every question to be answered
    without errors first. So the two never give opposite instructions."""
    return [replace(w, code=code) if w.rule == OVERLAY_RULE and w.code == NOT_USED
            else w for w in warnings]


def while_not_known(problems: Sequence[Problem], warnings: list[Problem]) -> list[Problem]:
    """``warnings`` :func:`as_used` when ``problems`` (one check's) hold a value not known
    yet (:data:`docgen.errors.NOT_KNOWN_CODES`): when "Final" would be counted with
    stand-ins (if the answers have an error docgen refuses too, "Final" is refused before
    counting warnings, as :func:`as_used` says)."""
    return as_used(warnings) if any(p.code in NOT_KNOWN_CODES for p in problems) \
        else warnings


def recruiting(plain: dict[str, Any]) -> bool:
    """Whether the post is being recruited to, with a contract to make for the appointee."""
    return no_postholder(plain) and "contract" in made(plain)


def recruit_can_wait(plain: dict[str, Any], found: Open) -> bool:
    """Whether a recruit's post can be final once the contract waits for the appointee:
    nothing open but the contract's gaps (its documents would be the agreement and job
    specification only)."""
    return recruiting(plain) and not found.unsure and not found.suggested \
        and bool(found.answers) and all(p.code == GAP_FINAL and p.path == ("postholder",)
                                        for p in found.answers) \
        and not [w for w in found.warnings if set(documents_of(w)) - {"contract"}]


#: About's "Before the post can be final" item for a section still holding docgen's own
#: suggestions (tasks.to_confirm), linked to its page, where Continue confirms them
CHECK_SUGGESTED = "Check the suggested answers in {page}"


def _count(n: int, one: str, more: str) -> str:
    return f"{n} {one if n == 1 else more}"


def only_put_right(warning: Problem) -> bool:
    """Whether ``warning`` cannot be accepted, only put right: an organisation's own
    wording of a clause written for an earlier version of docgen's (OVERLAY, the clause
    library's, not a rule's: whoever keeps that wording reviews it)."""
    return warning.rule == OVERLAY_RULE


def warnings_open(n: int, overlays: int = 0) -> tuple[str, str]:
    """How many warnings are open and what to do about them, in the interview's words: one
    about an organisation's own wording of a clause (``overlays`` of the ``n``) is never
    offered to be accepted (the words of that: before_final in problem_words.yaml)."""
    if overlays == n:
        return (_count(n, "warning is", "warnings are") + " not put right",
                phrase("before_final.only_put_right"))
    return (_count(n, "warning is", "warnings are") + " not accepted or put right",
            phrase("before_final.some_put_right") if overlays else
            "accept or put right each warning")


def refusal(found: Open, can_wait: bool = False) -> str:
    """Why "Final" was not saved, counted from ``found`` (see :func:`Open`): what the list
    beneath it ("Before the post can be final") names one by one; the answers before the
    warnings, as check your answers counts them (:func:`docgen.web.messages.final_open`)."""
    said = []
    if found.answers:
        said.append(_count(len(found.answers), "answer is", "answers are") +
                    " still to be given")
    if found.warnings:
        said.append(warnings_open(len(found.warnings),
                                  sum(map(only_put_right, found.warnings)))[0])
    if found.unsure or not (said or found.suggested):
        said = ["every question must be answered without errors and every warning accepted "
                "or put right"]
    if found.suggested:
        said.append(_count(len(found.suggested), "section still has", "sections still have")
                    + " suggested answers that you have not checked")
    why = join_words(said)
    then = f" Or make the {WITHOUT_CONTRACT_NAMES} final now, and the " \
        f"{BY_KIND['contract'].noun} once the appointee is known." if can_wait else ""
    return f"\u2018Final\u2019 was not saved, so the post is still a draft. It cannot be " \
        f"final yet: {why}. Do each thing listed under \u2018Before the post can be " \
        f"final\u2019, then choose \u2018Final\u2019 again.{then}"

