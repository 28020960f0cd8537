"""Which house style each document takes.

A party may name ``house_style: FILE.docx`` (relative to the file that names it: the
answer file, its ``extends`` base, or an organisation profile). The contract and the
job specification take the employer's; the agreement the employer's too, unless
``agreement_style: <party id>`` names another party. The files are read by
:mod:`docgen.word.styling`, loaded only when a post names one; what is wrong with a file
becomes a :class:`~docgen.errors.Problem` at the ``house_style`` line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import docgen.word
from docgen.answers.kinds import DOCUMENT_KINDS
from docgen.answers.model import AnswerFile
from docgen.answers.style_names import STYLE_SUFFIXES, not_a_word_file
from docgen.answers.yamlfile import Located
from docgen.errors import DocgenError, Problem

if TYPE_CHECKING:  # a style file is read when a post names one (docgen.word.__getattr__)
    import docgen.word.styling
    from docgen.ooxml.housestyle import HouseStyle


@dataclass(frozen=True)
class StyleChoice:
    """The house style one document takes, the file it came from, and whose it is."""

    style: HouseStyle
    path: Path
    party: str


def style_key(index: int) -> tuple[str | int, ...]:
    return ("parties", index, "house_style")


def _named_here(value: str, key: tuple[str | int, ...], located: Located,
                problems: list[Problem]) -> Path | None:
    """A house_style written in the answer file (or its base): relative to that file."""
    file, _ = located.where(key)
    if located.base is not None and not located.sources:  # in memory, with its folder
        path = located.base / value  # confined to that folder when the answers were read
    elif not located.sources or file is None or not Path(file).is_file():
        problems.append(located.problem(key, "house_style names a file on disk, which "
                                        "answers given as text or data cannot; build "
                                        "from an answer file, or give the folder the "
                                        "answers are relative to (workspace=FOLDER)"))
        return None
    else:
        path = Path(file).parent / value
    wrong = None if path.is_dir() else not_a_word_file(path.name)  # a folder: said on load
    if wrong is not None:
        problems.append(located.problem(key, wrong.replace(path.name, value, 1)))
        return None
    return path


def choose_styles(answers: AnswerFile, located: Located
                  ) -> tuple[dict[str, StyleChoice], list[Problem]]:
    """The house style of each document kind (absent: docgen's own), and what is wrong.

    Only the issuing parties' files are read (the employer's, and the agreement_style
    party's): a partner's letterhead plays no part in a post it does not issue for."""
    problems: list[Problem] = []
    loaded: dict[str, StyleChoice] = {}
    index = {p.id: i for i, p in enumerate(answers.parties)}
    from_profiles: dict[str, Path] = getattr(located, "house_styles", {})
    issuers = {answers.employer, answers.agreement_style or answers.employer}
    for party in answers.parties:
        if party.id not in issuers:  # only the styles the documents take are read
            continue
        key = style_key(index[party.id])
        if party.house_style is not None:
            path = _named_here(party.house_style, key, located, problems)
        else:  # named in the party's organisation profile (already resolved and confined):
            path = from_profiles.get(party.id)  # key's line is the profile's house_style
        if path is None:
            continue
        try:
            style = docgen.word.styling.load_house_style(path)
        except DocgenError as exc:
            problems.append(located.problem(key, str(exc)))
            continue
        # warnings become drafting notes in the documents: the file's name, not where it
        # sits on this computer (/home/...), goes to the other organisation
        problems += [located.problem(key, msg.replace(str(path.resolve()), path.name),
                                     severity="warning", rule="HOUSE_STYLE")
                     for msg in style.warnings]
        loaded[party.id] = StyleChoice(style, path, party.id)
    named = answers.agreement_style
    if named is not None and named in index and named not in loaded and not any(
            p.path[:2] == ("parties", index[named]) for p in problems):
        problems.append(located.problem(
            ("agreement_style",), f"{named} has no house_style, so the agreement takes "
            f"docgen's own style; give {named} a house_style, or leave agreement_style out",
            severity="warning", rule="HOUSE_STYLE"))
    chosen: dict[str, StyleChoice] = {}
    for kind in DOCUMENT_KINDS:
        who = answers.agreement_style if kind == "agreement" and answers.agreement_style \
            else answers.employer
        if who in loaded:
            chosen[kind] = loaded[who]
    return chosen, problems


__all__ = ["StyleChoice", "choose_styles", "STYLE_SUFFIXES"]
