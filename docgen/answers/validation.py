"""Stage 1c: turn loaded data into an :class:`AnswerFile`, or into problems a person can fix.

Shape errors from pydantic are rewritten to say which key, on which line, and
what to write instead; then the checks between keys run (party ids exist,
shares add up, dates in order), and run too beside shape errors, over the keys
without one. The checks between keys are in ``between_keys.py``;
good-practice advice is not here: see ``docgen/rulebook/``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from docgen.answers.between_keys import check_references, check_what_validated
from docgen.answers.characters import check_characters
from docgen.answers.employer_policy import (
    said_of_policy,
    unknown_employer_first,
    with_unread_hint,
)
from docgen.answers.folder_names import SAFE_REFERENCE
from docgen.answers.forms import (
    example,
    field_at,
    found,
    leaving_out,
    model_at,
    not_known_branch,
    right_form,
    to_fill_in,
    value_taken,
)
from docgen.answers.model import AnswerFile
from docgen.answers.notknown import is_not_known, not_known_and_partly
from docgen.answers.party_ids import ID_FORM, ids_given
from docgen.answers.pence import pence_problems
from docgen.answers.plainwords import (
    NOT_ACKNOWLEDGED,
    RULE_ID,
    pair_message,
    pair_path,
    plainly,
)
from docgen.answers.prepared import keep, validator
from docgen.answers.ranges import RANGE_ERRORS
from docgen.answers.yamlfile import Located, load_answer_file
from docgen.errors import (
    ACCEPTANCE_NO_REASON,
    ACCEPTANCE_RULE_FORM,
    MISSING,
    NOT_KNOWN,
    NOT_KNOWN_FINAL,
    NOT_KNOWN_NEEDED,
    NOT_KNOWN_OPTIONAL,
    PLACEHOLDER,
    PLACEHOLDER_FINAL,
    TOO_FEW,
    AnswerFileError,
    KeyPath,
    Problem,
    closest,
    format_path,
)

#: the key every answer file begins with (``docgen: 1``): the format's version
VERSION_KEY = "docgen"


#: the spaces and hyphens of an id typed as a name ("Royal Westmere"): its id's underscores
_ID_GAPS = re.compile(r"[\s-]+")


def known_keys(path: KeyPath) -> list[str]:
    """The keys allowed in the mapping at ``path`` (for did-you-mean suggestions)."""
    model = model_at(path)
    return list(model.model_fields) if model is not None else []


def _data_path(data: Any, loc: tuple[str | int, ...], keep_last: bool) -> KeyPath:
    """Drop pydantic's union-member tags from ``loc``, keeping real keys and indices."""
    out: list[str | int] = []
    node = data
    for i, part in enumerate(loc):
        in_dict = isinstance(node, dict) and part in node
        in_list = isinstance(node, list) and isinstance(part, int) and part < len(node)
        if in_dict or in_list:
            node = node[part]
            out.append(part)
        elif keep_last and i == len(loc) - 1:
            out.append(part)
    return tuple(out)


def misspelt(errors: list[ErrorDetails], data: Any,
             options: Callable[[KeyPath], list[str]]) -> list[ErrorDetails]:
    """``errors`` without each 'required but missing' that an unknown key beside it is a
    misspelling of (``salry:`` for ``salary``): one mistake, reported once, as the unknown
    key, whose did-you-mean names the key it should be. ``options`` gives the keys allowed
    at a path, as the did-you-mean is worked out from them."""
    meant: set[KeyPath] = set()
    for e in errors:
        if e["type"] == "extra_forbidden":
            path = _data_path(data, e["loc"], keep_last=True)
            close = closest(str(path[-1]), options(path[:-1])) if path else None
            if close:
                meant.add((*path[:-1], close))
    return [e for e in errors if e["type"] != "missing"
            or _data_path(data, e["loc"], keep_last=True) not in meant]


def _rewrite(err: ErrorDetails, data: dict[str, Any], located: Located) -> Problem:
    kind = err["type"]
    path = _data_path(data, err["loc"], keep_last=kind in ("missing", "extra_forbidden"))
    pair = pair_path(err, path)
    if pair is not None:  # pay_range: [88000], not "pay_range[1] is missing"
        return located.problem(pair, pair_message(pair, ids_given(data)))
    msg, code = plain_problem(err, path, ids_given(data), _taken_from_base(located, path))
    if kind == "missing" and tuple(path) == (VERSION_KEY,):  # its place is the first line
        return Problem(message=msg, path=tuple(path), file=located.where(path)[0], line=1,
                       code=code)
    return located.problem(path, msg, code=code)


def plain_message(err: ErrorDetails, path: KeyPath, party_ids: list[str]) -> str:
    """What is wrong with the value at ``path`` (an answer file's key path), in plain words
    with an example; organisation profiles use it too, for the keys they share."""
    return plain_problem(err, path, party_ids)[0]


def _taken_from_base(located: Located, path: KeyPath) -> str | None:
    """What leaving the key at ``path`` out of this file takes, when its employer's policy
    (in its organisation profile) or its ``extends`` base gives it ("leave end_date out to
    take 2029-03-31 from its base file, base.yaml (line 49)"): not what
    the model says a key left out means, which is true only where no base gives it. None
    where the base gives nothing there, or the key is in a list (a list is the file's own,
    whole)."""
    if (aside := located.set_aside.get(tuple(path))) is not None:  # the employer's policy
        value, file, line, employer = aside
        whose = f"{employer}'s profile"
    else:
        beneath, value = located.beneath, located.beneath.data if located.beneath else None
        for key in path:
            if not isinstance(key, str) or not isinstance(value, dict) or key not in value:
                return None
            value = value[key]
        if beneath is None or tuple(path) not in beneath.lines:
            return None
        (file, line), whose = beneath.lines[tuple(path)], "its base file"
    if value is None or is_not_known(value):
        return None
    # a section's whole value is "its value", however short
    shown = "its value" if isinstance(value, (dict, list)) else value_taken(value)
    try:  # named from the answer file's folder (organisations/eastwick.yaml), as given
        named = file.resolve().relative_to(located.path.resolve().parent).as_posix()
    except (ValueError, OSError):
        named = file.name
    return f"leave {path[-1]} out to take {shown} from {whose}, {named}" + (
        f" (line {line})" if line else "")


def plain_problem(err: ErrorDetails, path: KeyPath, party_ids: list[str],
                  left_out: str | None = None) -> tuple[str, str]:
    """:func:`plain_message` and the problem's ``code`` (``Problem.code``), so a reader
    with its own words (the browser) need not read the message's text. ``left_out``: what
    leaving the key out takes where a base file gives it (:func:`_taken_from_base`)."""
    kind = err["type"]
    code = {"missing": MISSING, "extra_forbidden": "unknown_key",
            "too_short": TOO_FEW}.get(kind, "")
    if kind == "missing" and tuple(path) == (VERSION_KEY,):
        msg = (f"the file has no '{VERSION_KEY}: 1' line, which every answer file begins with; "
               f"add {VERSION_KEY}: 1 as its first line")
    elif kind == "missing":
        shown = example(path, party_ids)
        info = field_at(path)
        meaning = f" ({info.description.rstrip('.')})" if info and info.description else ""
        msg = (f"'{path[-1]}' is required here but missing{meaning}; add it"
               + (f", e.g. {shown}" if shown else "") + to_fill_in(shown)
               + " (docgen schema --markdown describes every key)")
    elif kind == "extra_forbidden":
        key = str(path[-1])
        options = known_keys(path[:-1])
        close = closest(key, options)
        hint = f"did you mean '{close}'?" if close else (
            f"allowed keys here: {', '.join(options)}" if options else "remove it")
        msg = f"unknown key '{key}'; {hint}"
    elif (said := plainly(err, path, party_ids)) is not None:
        msg = said
        code = "out_of_range" if kind in RANGE_ERRORS else (
            "too_long" if kind == "string_too_long" else code)  # too_few kept
    elif (form := right_form(err, path, party_ids, left_out)) is not None:
        msg = form
        code = (NOT_KNOWN_OPTIONAL if left_out or leaving_out(path) else NOT_KNOWN_NEEDED) \
            if is_not_known(err.get("input")) else (
            "not_a_party" if kind == "string_pattern_mismatch" else
            "not_a_date" if kind.startswith(("date_", "datetime_")) else
            "not_a_number" if kind.startswith(("decimal_", "float_", "int_")) else "")
    else:
        msg = err["msg"].replace("Input should be", "must be").replace("Value error, ", "")
        msg = (msg.replace("a valid decimal", "a number").replace(" after validation", "")
               .replace("a valid integer, unable to parse string as an integer", "a whole number")
               .replace("a valid integer", "a whole number"))
        if kind.startswith(("string_type", "int_", "decimal_", "bool_", "date_", "literal_",
                            "list_", "dict_", "float_", "model_", "tuple_", "greater", "less",
                            "string_pattern", "too_")):
            msg += found(err.get("input"))
        if kind == "email_form":  # the CLI says what was found; the browser drops it
            msg += found(err.get("input"))[:-1] + ", which is not an email address)"
            code = "not_an_email"
        elif kind == "string_pattern_mismatch" and path[-1:] == ("reference",):
            msg, code = f"{SAFE_REFERENCE}{found(err.get('input'))}", "reference_form"
        elif kind == "string_pattern_mismatch":
            typed = err.get("input")
            meant = _ID_GAPS.sub("_", typed.strip().lower()) if isinstance(typed, str) else ""
            if tuple(path[-1:]) != ("id",) and party_ids:  # it names a partner: one of them
                meant = meant if meant in party_ids else closest(meant, party_ids) or ""
            msg = ("must be a short id in lower case: letters, digits and '_', starting with "
                   f"a letter{found(typed)}"
                   + (f"; write it as {meant}" if ID_FORM.fullmatch(meant) else ""))
            code = "party_id_form"
    return msg, _acceptance_code(path, kind, err.get("input")) or code


def _acceptance_code(path: KeyPath, kind: str, value: Any) -> str:
    """An accepted warning's reason left empty or out, or its rule id not in its form
    ('gp014', put right in capitals): coded, so a reader with its own words (the browser)
    says which, not that docgen has no such warning; "" for any other problem."""
    if len(path) != 3 or path[0] != "acknowledge":
        return ""
    if path[2] == "reason" and (kind in ("missing", "string_too_short") or value is None):
        return ACCEPTANCE_NO_REASON
    fixed = value.strip().upper() if isinstance(value, str) else ""
    if path[2] == "rule" and kind == "string_pattern_mismatch" and fixed not in \
            NOT_ACKNOWLEDGED and RULE_ID.fullmatch(fixed):  # not 'TBC', a warning no rule's
        return ACCEPTANCE_RULE_FORM
    return ""


def _other_branch(err: ErrorDetails, errors: list[ErrorDetails]) -> bool:
    """The text branch of ``date | tbc`` refusing a date with a time, or nothing: the date
    branch's own message says what to write, so this one is not repeated."""
    loc = err["loc"]
    return (err["type"] == "string_type" and loc[-1:] == ("constrained-str",)
            and any(e is not err and e["loc"][:-1] == loc[:-1] for e in errors))


_NOT_KNOWN = {NOT_KNOWN_OPTIONAL, NOT_KNOWN_NEEDED}


def _merge_union_errors(problems: list[Problem]) -> list[Problem]:
    """A value failing ``Literal | int`` gives one error per member: say it once."""
    merged: dict[tuple[KeyPath, Path | None, int | None], Problem] = {}
    for p in problems:
        key = (p.path, p.file, p.line)
        if key in merged and merged[key].message == p.message:
            continue
        if key in merged and {merged[key].code, p.code} <= _NOT_KNOWN:
            merged[key] = p  # tbc, said by each member alike: the member taking any value
            continue  # (the number's, "e.g. duration_after_end: indefinite") says it best
        if key in merged and "required" not in p.message:
            prev = merged[key]
            first = prev.message.split(" (found")[0]
            second = p.message.split(" (found")[0].removeprefix("must be ")
            found = p.message[len(p.message.split(" (found")[0]):]
            merged[key] = Problem(f"{first} or {second}{found}", p.path, p.file, p.line,
                                  code=prev.code)
        else:
            merged.setdefault(key, p)
    return list(merged.values())


def validate(located: Located) -> AnswerFile:
    """The answer file as a model, or :class:`AnswerFileError` with every problem found."""
    bad_chars = check_characters(located)
    if bad_chars:
        raise AnswerFileError(bad_chars)
    prepared = validator()  # the command line's, kept from an earlier run; else pydantic's
    answers: AnswerFile
    try:
        if prepared is not None:
            answers = prepared.validate_python(located.data)
        else:
            answers = AnswerFile.model_validate(located.data)
            keep()
    except ValidationError as exc:
        errors = misspelt(exc.errors(), located.data, known_keys)
        problems = [_rewrite(e, located.data, located) for e in errors
                    if not not_known_branch(e) and not _other_branch(e, errors)]
        wrong = {str(e["loc"][0]) for e in errors if e["loc"]}
        between = check_what_validated(located.data, wrong, located,
                                       {p.path for p in problems}) if all(
            e["loc"] for e in errors) else []  # the whole file is of the wrong kind
        said = [with_unread_hint(located, said_of_policy(located, p))
                for p in _merge_union_errors(problems)]
        raise AnswerFileError(unknown_employer_first(located, said + between)) from None
    problems = (check_references(answers, located) + pence_problems(answers, located)
                + not_known_problems(answers, located))
    if problems:
        raise AnswerFileError(problems)
    return answers


def not_known_problems(a: AnswerFile, located: Located) -> list[Problem]:
    """Values not known yet: a warning in a draft (added to ``located.warnings``), an error
    when ``status: final``."""
    errors: list[Problem] = []
    # as written (cheaper than dumping the model), both kinds in one walk
    paths, partly = not_known_and_partly(located.data)
    given = located.data.get("postholder")
    if a.postholder is not None and isinstance(given, dict):
        paths += [("postholder", key) for key in ("name", "address", "consulted_on")
                  if key not in given]  # left out of a partly known block: tbc
    # where, what, a draft's documents, the code in a draft and in a final post
    said: list[tuple[KeyPath, str, str, str, str]] = []
    for path in paths:
        given = _given(located.data, path)
        shown = f"'{given}'" if given is not None else "not given, so tbc"
        said.append((path, f"is not known yet ({shown})",
                     "the documents show a highlighted gap until it is given", NOT_KNOWN,
                     NOT_KNOWN_FINAL))
    said += [(path, f"still holds '{marker}'", "the documents print it as written, so give "
              "the real value before they are final", PLACEHOLDER, PLACEHOLDER_FINAL)
             for path, marker in partly]
    for path, what, draft, code, final_code in said:
        if a.status == "final":
            errors.append(located.problem(path, f"{what} but status is final; give the real "
                                          "value, or set status: draft", code=final_code))
        else:
            located.warnings.append(located.problem(path, f"{what}; {draft}",
                                                    severity="warning", rule="TBC", code=code))
    return errors


def _given(data: Any, path: KeyPath) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def load(path: Path | str) -> tuple[AnswerFile, Located]:
    """Load and validate one answer file; raises :class:`AnswerFileError`."""
    located = load_answer_file(path)
    return validate(located), located


__all__ = ["load", "plain_message", "validate", "check_references", "known_keys", "format_path"]
