"""Checker messages in the browser's words: GOV.UK error phrasing ("Enter the salary, for
example 52000") for a question, and plain English for anything else (no key paths, YAML
words, rule ids or commands). The command line keeps its own messages.
"""

from __future__ import annotations

import re
from typing import Any

from docgen.answers.model import AnswerFile
from docgen.errors import KeyPath
from docgen.web.fields import question_at
from docgen.web.wording import CHOICES, WORDS, Words, words

#: messages about several answers at once, as an HR officer would say them
REPHRASE: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(a), b) for a, b in (
    (r"the time_fee mechanism needs", "Enter the fee, whether it is for each day or each "
     "hour, and the working weeks charged a year"),
    (r"the fixed_fee mechanism needs", "Enter what each partner other than the employer "
     "pays a year"),
    (r"fee applies to time_fee and fixed_fee only", "A fee is only asked for when the "
     "partners pay a fee; choose how the partners pay again"),
    (r"fee\.amounts is for fixed_fee", "Amounts are only for a fixed fee each year"),
    (r"cost_shares applies only to", "Cost shares are only for a salary share; leave them "
     "blank"),
    (r"^must be the id of one of the parties", "Select one of the partners"),
    (r"is not a (?:party id|party id \(or 'shared'\)) of this file", "Select one of the "
     "partners"),
    (r"legal_basis is 'other'", "Name the power the arrangement is made under"),
    (r"is not known yet.*status is final", "This is not known yet, so the post can only be "
     "a draft; fill it in, or make the post a draft"),
    (r"^is not known yet", "This is not known yet, but the documents need it; fill it in"),
    (r"^must be a short id in lower case", "Enter a short code in lower-case letters, for "
     "example eastwick"),
    (r"^must be a safe file name", "Use only letters, digits, dots, dashes and underscores, "
     "starting with a letter or digit, for example EWK-WSM-HR-01"),
    (r"^unknown key", "This answer is not one docgen knows; remove it"),
    (r"(?i)no organisation profile for", "Enter the partner's legal name, address, who "
     "signs and who receives notices (there is no profile for this organisation in the "
     "folder)"),
    (r"^[Ll]ist should have at least 2 items", "Add at least two partners"),
    (r"^[Ll]ist should have at least (?:1 item|\d+ items)", "Add at least one"),
    # an integration joint board's part (Scotland)
    (r"integration joint boards are set up under", "An integration joint board exists only "
     "in Scotland: leave the board blank, or choose Scotland for which law applies"),
    (r"^the integration joint board whose part", "Enter the name of the integration joint "
     "board the post serves"),
    (r"^the board signs as a party", "The board signs the agreement itself and so can "
     "enforce those clauses already: choose no"),
    (r"already a party's short name; give the board", "The board's short name is already a "
     "partner's: ask your legal team to give the board its own"),
    (r"an integration joint board does not employ", "An integration joint board does not "
     "employ the chief officer: select the health board or council that does"),
    (r"is an integration joint board listed under parties", "An integration joint board "
     "cannot be a partner that shares the time and cost: remove it from the partners and "
     "enter it as the integration joint board the post serves"),
    (r"does not reach .*an integration joint board", "Section 35 of the Local Government "
     "(Scotland) Act 1966 does not reach an integration joint board that signs the "
     "agreement: choose another power and name the Public Bodies (Joint Working) (Scotland) "
     "Act 2014 and the integration scheme"),
    (r"^list the review months once each", "Give each review month once, in order, for "
     "example 6, 12"),
    # a file opened from the computer: text after " #" was a comment in the file
    (r"was read as a YAML comment", "Part of this answer in the file, from a # sign on, was "
     "left out: check the answer and type the missing words again"),
))
#: instructions a rule gives in the answer file's terms ("set registers: all_parties"),
#: each in the browser's words; the rest of the message (names, reasons) is kept
INSTEAD: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(a), b) for a, b in (
    (r"[Ss]et jurisdiction: england or jurisdiction: wales", "Choose England or Wales for "
     "which law applies"),
    (r"set jurisdiction: scotland", "choose Scotland for which law applies"),
    (r"set registers: all_parties", "choose all partners for whose register of interests"),
    (r"set conflicts_of_interest\.decided_by: steering_group(?: to make that the rule)?",
     "choose the steering group to decide conflicts of interest"),
    (r"Confirm it with exit\.prior_service: employer, or share it with "
     r"exit\.prior_service: shared", "Choose who pays that part on the Exit page: the "
     "employer alone, or the partners in their cost shares"),
    (r"Set management\.appraisal: joint", "Choose an appraisal carried out jointly by all "
     "partners"),
    (r"set meets: twice_yearly or quarterly", "have it meet twice a year or quarterly"),
    (r"Set legal_basis: other and name (.*) in legal_basis_text", r"Choose another power "
     r"and name \1"),
    (r"state the basis in legal_basis: other", "choose another power and name it"),
    (r"or use legal_basis: secondment", "or choose a secondment as the power"),
    (r"\(the postholder section, or exit\.reversion_post and exit\.reversion_grade\) or "
     r"keep status: draft", "(on the Post-holder page, or the post and grade they return to "
     "on the Exit page) or keep the post a draft"),
    (r"Set exit\.reversion_post and exit\.reversion_grade", "Give the post and grade they "
     "return to on the Exit page"),
    (r"Set payment\.expenses: each_party_own_business, or acknowledge GP\d+", "Choose that "
     "each partner pays for its own business, or accept this warning"),
    (r"set post\.politically_restricted: true", "answer yes to whether the post is "
     "politically restricted"),
    (r"(?<=[Aa]dd )a list under governance\.objectives\.shared", "shared objectives on the "
     "Governance page"),
    (r"(?<=[Aa]dd )a list under governance\.objectives for each party", "objectives for each "
     "partner on the Governance page"),
    (r"(?<=[Aa]dd )a list under job\.responsibilities for each party", "responsibilities for "
     "each partner on the Job page"),
    (r" \(employer: [a-z][a-z0-9_]*\)", ""),
))
#: what is left of "key: value" (a key the model knows, a value it allows), put as
#: "<what the question asks>: <the choice>", in words
_PAIR = re.compile(r"\b([a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*): (\{[^{}]*\}|[a-z0-9_]+)")
_KEYISH = re.compile(r"\b[a-z][a-z0-9]*(?:[._][a-z0-9]+)+\b")
_QUOTED = re.compile(r"'([^']{1,80})'")
_DROP = re.compile(r"\s*\((?:docgen|see docs|write dates|found '--)[^)]*\)|\s*\(found [^)]*\)")


def plain(message: str, names: dict[str, str] | None = None) -> str:
    """A checker's message with key paths, YAML words and ids put into plain words."""
    names = names or {}
    both = clash(message, (), names)
    if both is not None:
        return both
    for pattern, said in REPHRASE:
        if pattern.search(message):
            return said
    text = _DROP.sub("", message)
    for pattern, said in INSTEAD:
        text = pattern.sub(said, text)
    text = _PAIR.sub(_pair, text)
    text = _QUOTED.sub(lambda m: names.get(m.group(1)) or f"‘{m.group(1)}’", text)
    text = re.sub(r"\btbc\b", "not known yet", text, flags=re.IGNORECASE)
    text = re.sub(r"\bGP\d+\b", "this", text)
    text = re.sub(r"\b(?:true|false)\b", lambda m: "yes" if m.group() == "true" else "no", text)

    def key(m: re.Match[str]) -> str:
        token = m.group()
        if token in names:
            return names[token]
        found = WORDS.get(token)
        if found is not None:  # as a noun: "set the trial period in months", not a question
            return _noun(found)
        if token in CHOICES:
            return CHOICES[token].lower()
        if "_" not in token and token.split(".")[0] not in AnswerFile.model_fields:
            return token  # not a key: "e.g.", "s.2", "example.gov.uk" keep their dots
        last = token.replace("_", ".").split(".")
        return " ".join(last).lower()

    def words(part: str) -> str:
        part = _KEYISH.sub(key, part)
        part = re.sub(r"\b([a-z]+)_([a-z]+)\b", r"\1 \2", part)
        for pid, name in names.items():
            part = re.sub(rf"(?<![\w@.-]){re.escape(pid)}(?![\w@-]|\.\w)", name, part)
        return part

    def quoted(part: str) -> str:
        """A quoted key ('time_split') is put into words; a value the person typed
        ('register.csv') stays exactly as typed."""
        inner = part[1:-1]
        known = (inner in names or inner in WORDS or inner in CHOICES
                 or inner.split(".")[0] in AnswerFile.model_fields)
        return f"\u2018{words(inner)}\u2019" if known else part

    text = "".join(quoted(part) if part.startswith("\u2018") else words(part)
                   for part in re.split("(\u2018[^\u2019]*\u2019)", text))
    text = text.strip().rstrip(";,")
    return text[:1].upper() + text[1:]


def _pair(m: re.Match[str]) -> str:
    """``cost_shares: {eastwick: 60}`` or ``registers: employer``, for a key the model has,
    as "<what the question asks>: <the choice>"; anything else as it was."""
    key, value = m.group(1), m.group(2)
    found = WORDS.get(key) or next((w for k, w in WORDS.items()
                                    if k.endswith("." + key)), None)
    if found is None and key.split(".")[0] not in AnswerFile.model_fields:
        return m.group()
    if value.startswith("{"):  # {eastwick: 60, westmere: 40}: the partners' shares
        shares = [part.split(":") for part in value.strip("{}").split(",") if ":" in part]
        return ", ".join(f"{k.strip()} {v.strip()}%" for k, v in shares)
    choice = CHOICES.get(f"{key}:{value}") or CHOICES.get(value)
    if choice is None and value not in ("true", "false") and not value.isdigit():
        return m.group()  # "the employer: that is a change …" is English, not a value
    said = {"true": "yes", "false": "no"}.get(value, choice[:1].lower() + choice[1:]
                                              if choice else value)  # "section 113 of the
    # Local Government Act 1972 (England and Wales)": only its first letter made small
    return f"{_noun(found)}: {said}"


def _noun(found: Words | None) -> str:
    """What the question asks for, as a noun ("the salary", "the start date")."""
    for verb in ("Enter ", "Select "):
        if found is not None and found.missing.startswith(verb):
            return found.missing.removeprefix(verb).split(", for example")[0]
    label = (found.label if found else "this answer").rstrip("?")
    return label[:1].lower() + label[1:]


#: a range as docgen words it: "from 1 to 600", "more than 0 and at most 80", "at least 1"
_NUM = r"-?[\d,]+(?:\.\d+)?"
RANGE = re.compile(rf"must be ((?:from {_NUM} to {_NUM})|(?:(?:more|less) than|at (?:least|most))"
                   rf" {_NUM}(?: and (?:(?:more|less) than|at (?:least|most)) {_NUM})?)")

_CLASH = re.compile(r"^(party id|short name) '([^']*)' is used by two parties")


def clash(message: str, path: KeyPath, names: dict[str, str] | None = None) -> str | None:
    """Two partners with one short code or short name, both named ("Southvale ICB and
    Royal Borough of Westmere have the same short code ‘westmere’"); None for another
    message."""
    found = _CLASH.match(message)
    if found is None:
        return None
    what = "short code" if found.group(1) == "party id" else "short name"
    key = "id" if found.group(1) == "party id" else "short_name"
    value = found.group(2)
    listed: list[dict[str, Any]] = getattr(names, "listed", [])
    at = path[1] if len(path) > 1 and isinstance(path[1], int) else None

    def name(i: int) -> str:
        return str(listed[i].get("name") or f"Partner {i + 1}")

    same = [i for i, p in enumerate(listed)
            if str(p.get(key) or "").casefold() == value.casefold()]
    if at is not None and at < len(listed) and len(same) > 1:
        other = next(i for i in same if i != at)
        return f"{name(at)} and {name(other)} have the same {what} ‘{value}’; give each " \
               "its own"
    return f"Two partners have the same {what} ‘{value}’; give each its own"


def error(message: str, path: tuple[str | int, ...], kind: str,
          names: dict[str, str] | None = None) -> str:
    """A problem at a question, as GOV.UK phrases errors: what to do, with an example."""
    both = clash(message, path, names)
    if both is not None:
        return both
    found = words(path)
    noun = _noun(found)
    missing = "required here but missing" in message or bool(
        re.search(r"at least \d+ items?", message))
    if missing and found and found.missing:
        return found.missing
    if missing:
        verb = "Select" if kind in ("radios", "party", "yesno", "select") else "Enter"
        return f"{verb} {noun}"
    longest = re.search(r"at most (\d+) characters", message)
    if longest:
        return f"{noun[:1].upper()}{noun[1:]} must be {longest.group(1)} characters or fewer"
    example = found.example if found else ""
    if kind == "date" and ("write dates" in message or "valid date" in message
                           or "must be" in message):
        said = noun[:1].upper() + noun[1:]
        typed = re.search(r"\(found '(.*)'\)", message)  # as the date boxes left it: 1//2027
        pieces = typed.group(1).split("/") if typed else []
        gaps = [part for part, piece in zip(("day", "month", "year"), pieces, strict=False)
                if not piece.strip()] if len(pieces) == 3 else []
        if gaps:  # the GOV.UK date input pattern's messages
            return f"{said} must include a {' and '.join(gaps)}"
        return f"{said} must be a real date"
    if kind in ("number", "intlist") and ("number" in message or "must be" in message):
        allowed = RANGE.search(message)  # docgen's own words for a range (answers/ranges.py)
        if allowed:  # "must be more than 0 and at most 80 (found 100)": a number, but
            said = noun[:1].upper() + noun[1:]  # out of range, so say the range
            return f"{said} must be {allowed.group(1)}"
        bound = re.search(r"(greater|less) than( or equal to)? ([\d.]+)", message)
        if bound:
            word = "more" if bound.group(1) == "greater" else "less"
            edge = " or equal to" if bound.group(2) else ""
            return f"{noun[:1].upper()}{noun[1:]} must be {word} than{edge} {bound.group(3)}"
        when = f", for example {example}" if example else ""
        return f"Enter {noun} as a number{when}"
    return plain(message, names)


def problem_text(message: str, path: KeyPath, names: dict[str, str] | None = None,
                 severity: str = "error") -> str:
    """A problem away from its question (check your answers, Save, a preview): an error in
    the words its section's page uses ("Enter the start date"), after the section's title;
    a warning in plain words."""
    if severity != "error" and path and re.match(r"is not known yet", message):
        step, q = question_at(path)  # which answer: the message alone does not say
        noun = _noun(words(path))
        said = f"{noun[:1].upper()}{noun[1:]} is not known yet; the documents show a " \
            "highlighted gap until it is given"
        return f"{step.title}: {said}" if step is not None else said
    if severity != "error" or not path:
        return plain(message, names)
    step, q = question_at(path)
    said = error(message, path, q.kind if q is not None else "", names)
    return f"{step.title}: {said}" if step is not None else said
