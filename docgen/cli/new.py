"""``docgen new FILE [--like NAME]``: a starter answer file with every key explained."""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any, NoReturn

import click

from docgen.api.files import ANSWER_ENDINGS, is_answer_name, save
from docgen.api.starters import (
    DATE_FORMS,
    NOT_KNOWN,
    ORGANISATION_SCHEMA_FILE,
    PROFILE_SUFFIXES,
    SCHEMA_FILE,
    answer_schema,
    blank_answers,
    example_answers,
    in_range,
    is_not_known,
    is_party_id,
    money_hint,
    organisation_schema,
    organisation_starter,
    party_id,
    profile_policy,
    range_words,
    starter,
    typed_date,
    typed_money,
    workspace_profiles,
)
from docgen.errors import KeyPath
from docgen.shellwords import make_folder_command, shell_path

EXAMPLES = {
    "hr": ("shared-head-of-hr.yaml", "a Head of HR shared by two London boroughs"),
    "dph": ("joint-director-public-health.yaml",
            "a Director of Public Health shared by a council and an NHS body"),
    "legal": ("shared-legal-services-three-councils.yaml",
              "a head of legal services shared by three councils"),
}
#: added to every refusal: an answer may always be left not known yet (by Enter, unless
#: the prompt offers a value, which Enter takes)
NOT_KNOWN_TAIL = ", or leave it blank (tbc) if not known yet"
OFFERED_TAIL = ", or write tbc if not known yet"
#: a plain number as the workbook reads one (37, 37.5, -5): never 1e3, 1_000 or NaN
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
#: what a file name holds that a reference may not (compiled as the module loads)
_NOT_REFERENCE = re.compile(r"[^A-Za-z0-9._-]+")
#: what percent shares add up to (``docgen check``'s rule; a new file's unit is percent)
WHOLE = Decimal(100)
Convert = Callable[[str], Any]


def _not_known_or(convert: Convert, tail: str = NOT_KNOWN_TAIL) -> Convert:
    """A prompt's value: tbc when left blank or written as not known, else converted; a
    ``ValueError`` from ``convert`` says what is wrong (then ``tail``), and the prompt
    asks again."""
    def proc(text: str) -> Any:
        text = text.strip()
        if not text or is_not_known(text):
            return NOT_KNOWN
        try:
            return convert(text)
        except ValueError as exc:
            raise click.BadParameter(f"{exc}{tail}") from None
    return proc


def _shown(text: str) -> str:
    """Text as a message quotes it: a long answer cut short."""
    return text if len(text) <= 40 else text[:37] + "..."


def _plain(value: Decimal) -> int | float:
    """A number as the answer file is written: 37, not 37.0."""
    return int(value) if value == value.to_integral_value() else float(value)


def _number_at(path: KeyPath, what: str, example: str, whole: bool = False,
               percent: bool = False) -> Convert:
    """A number the answer model allows at ``path``, refused in ``docgen check``'s words
    when it is none or out of the model's range. A percentage may end in %, as in a
    workbook's cell."""
    def convert(text: str) -> int | float:
        typed = text.removesuffix("%").rstrip() if percent else text
        kind = "a whole number" if whole else "a number"
        if not NUMBER.match(typed) or (whole and "." in typed):
            raise ValueError(f"write {what} as {kind} {range_words(path)}, e.g. {example} "
                             f"(found '{_shown(text)}')")
        value = Decimal(typed)
        if not in_range(path, value):
            raise ValueError(f"{what} must be {range_words(path)}, e.g. {example} (found "
                             f"{_shown(text)})")
        return _plain(value)
    return convert


def _money_at(path: KeyPath, example: str) -> Convert:
    """Money as the workbook reads it (£52,000 is 52000), in the model's range."""
    def convert(text: str) -> int | float:
        amount = typed_money(text)
        if amount is None:
            raise ValueError(f"write money as a number, e.g. {example} (found "
                             f"'{_shown(text)}'){money_hint(text)}")
        if not in_range(path, amount):
            raise ValueError(f"the amount must be {range_words(path)}, e.g. {example} "
                             f"(found {_shown(text)})")
        return _plain(amount)
    return convert


def _date(text: str) -> dt.date:
    """A date as the workbook and the browser read one typed in one box."""
    date = typed_date(text)
    if date is None:
        raise ValueError(f"'{_shown(text)}' is not a date; write a date, e.g. {DATE_FORMS}")
    return date


def _share(pid: str, before: dict[str, Any], after: list[str]) -> Convert:
    """A party's percent of the time. With the shares ``before`` it all known, the last
    share must make them add up to 100, and one before the last must leave some over for
    the parties ``after`` it; a share of 0 is refused, as ``docgen check`` refuses it."""
    percent = _number_at(("time_split", "shares", pid), "a share of the time", "60",
                         percent=True)

    def convert(text: str) -> int | float:
        value = Decimal(str(percent(text)))
        if value == 0:
            raise ValueError("every party needs a share above zero; a party with no time "
                             "is not part of a shared post")
        if any(is_not_known(v) for v in before.values()):
            return _plain(value)  # one not known yet: the total is checked later
        total = sum((Decimal(str(v)) for v in before.values()), value)
        given = ", ".join(f"{p} {v}" for p, v in [*before.items(), (pid, _plain(value))])
        if not after and total != WHOLE:
            raise ValueError(f"shares add up to {total.normalize():f}% ({given}); they must "
                             f"add up to {WHOLE}%: write {(WHOLE - total + value).normalize():f}"
                             f" for {pid}")
        if after and total >= WHOLE:
            raise ValueError(f"shares add up to {total.normalize():f}% already ({given}), "
                             f"leaving nothing for {', '.join(after)}; they must add up to "
                             f"{WHOLE}% with every party's share above zero")
        return _plain(value)
    return convert


def _ask(question: str, convert: Convert = str, default: str = NOT_KNOWN) -> Any:
    tail = NOT_KNOWN_TAIL if default == NOT_KNOWN else OFFERED_TAIL
    return click.prompt(question, default=default, value_proc=_not_known_or(convert, tail))


def _ask_shares(ids: list[str]) -> dict[str, Any]:
    """Each party's percent of the time. The last is offered as what the others leave
    (Enter takes it); a total other than 100 is refused as it is typed."""
    shares: dict[str, Any] = {}
    for i, pid in enumerate(ids):
        rest = WHOLE - sum((Decimal(str(v)) for v in shares.values()), Decimal(0)) if (
            shares and not any(is_not_known(v) for v in shares.values())) else None
        last = i == len(ids) - 1
        shares[pid] = _ask(f"Percent of the time for {pid}", _share(pid, dict(shares),
                                                                      ids[i + 1:]),
                           f"{rest.normalize():f}" if last and rest else NOT_KNOWN)
    return shares


def _policy(profiles: dict[str, Path], pid: str) -> dict[str, Any]:
    """The standing policy of a profiled party (empty for a party written out)."""
    return profile_policy(profiles[pid]) if pid in profiles else {}


def ask_answers(data: dict[str, Any], profiles: dict[str, Path] | None = None
                ) -> dict[str, Any]:
    """The essential questions; each answer is filled in, every blank stays tbc. A partner
    given by the id of a profile (``profiles``) is written by id, and its profile's
    standing policy, when it employs, is neither asked for nor written."""
    profiles = profiles or {}
    click.echo("A few questions (press Enter to leave an answer as tbc, not known yet):",
               err=True)
    if profiles:
        click.echo(f"Organisation profiles here: {', '.join(profiles)}. Give a partner by "
                   "its id and its details and standing policy come from its profile.",
                   err=True)
    names = [n.strip() for n in click.prompt(
        "Partner bodies: profile ids or names, separated by ';'" if profiles else
        "Names of the partner bodies, separated by ';'",
        default="; ".join(list(profiles)[:2]) if len(profiles) >= 2 else "tbc; tbc"
    ).split(";") if n.strip()]
    while len(names) < 2:
        names.append(NOT_KNOWN)
    ids: list[str] = []
    for name in names:
        # a body written out is unlike every profile's id too: NHS Highland is not the
        # profile highland (The Highland Council), named or not
        ids.append(name if name in profiles and name not in ids else
                   party_id(name if not is_not_known(name) else "party", [*ids, *profiles]))
    fresh = blank_answers(ids, data["reference"])
    for i, name in enumerate(names):
        if ids[i] in profiles and name == ids[i]:
            fresh["parties"][i] = name  # by id: the profile gives the rest
        elif not is_not_known(name):
            fresh["parties"][i]["name"] = name
            fresh["parties"][i]["short_name"] = ids[i].replace("_", " ").title()
    fresh["employer"] = click.prompt("Which of them employs the post-holder?",
                                     type=click.Choice(ids), default=ids[0])
    policy = _policy(profiles, fresh["employer"]) if fresh["employer"] in names else {}
    for section, keys in policy.items():
        for key in keys if isinstance(keys, dict) else ():
            if isinstance(fresh.get(section), dict):
                fresh[section].pop(key, None)
    fresh["post"]["title"] = _ask("Title of the post")
    fresh["post"]["start_date"] = _ask("Start date (e.g. 1 April 2027 or 2027-04-01)", _date)
    fresh["post"]["hours_per_week"] = _ask(
        "Hours a week", _number_at(("post", "hours_per_week"), "the hours a week", "37"), "37")
    fresh["time_split"]["shares"] = _ask_shares(ids)
    fresh["payment"]["salary"] = _ask("Annual salary (e.g. 78000 or £78,000)",
                                      _money_at(("payment", "salary"), "78000"))
    if "on_costs" not in policy.get("payment", {}):
        on_costs = []
        for i, label in enumerate(("Employer pension contribution",
                                   "Employer National Insurance")):
            pct = _ask(f"{label}, percent of salary", _number_at(
                ("payment", "on_costs", i, "percent"), "a percentage", "13.9", percent=True))
            on_costs.append({"name": label, "percent": pct})
        fresh["payment"]["on_costs"] = on_costs
    if "notice_months" not in policy.get("exit", {}):
        fresh["exit"]["notice_months"] = _ask(
            "Notice to leave the arrangement, in months",
            _number_at(("exit", "notice_months"), "the notice in months", "6",
                       whole=True), "6")
    fresh["exit"]["postholder_reverts_to"] = click.prompt(
        "If the arrangement ends, the post-holder works full time for",
        type=click.Choice(ids), default=fresh["employer"])
    return fresh


def _reference(path: Path) -> str:
    return _NOT_REFERENCE.sub("-", path.stem).strip("-._") or "NEW-POST"


@click.command("new")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--like", type=click.Choice(sorted(EXAMPLES)), default=None,
              help="Start from an example: hr (Head of HR, two boroughs), dph (Director of "
                   "Public Health, council and NHS), legal (legal services, three councils).")
@click.option("--ask/--no-ask", default=None,
              help="Ask the essential questions first (default: when run in a terminal).")
@click.option("--organisation", is_flag=True,
              help="Write an organisation profile instead (organisations/<id>.yaml: one body's "
                   "standing facts and policy, named by id in answer files).")
def new_cmd(file: Path, like: str | None, ask: bool | None, organisation: bool) -> None:
    """Write a starter answer file, with a comment on every key: what it means, the
    values allowed and an example.

    Values not known yet are written as tbc; `docgen check FILE` lists them. The
    file's first line points editors at answer-file.schema.json (written next to
    it) for completion and hover help. An existing file is never overwritten.
    """
    if file.exists():
        _fail(f"{file} already exists; docgen new never overwrites a file. Choose another "
              "name or delete it first.")
    if not organisation and not is_answer_name(file.name):  # what check and build take
        _fail(f"{file.name}: an answer file's name ends {ANSWER_ENDINGS}, as docgen check "
              f"and build read only those, for example: "
              f"{_new_command(_as_answer_name(file), like, organisation)}")
    if organisation:
        _check_profile_name(file, like)  # before any folder is made for it
        if file.parent.name == "organisations" and file.parent.parent.is_dir():
            file.parent.mkdir(exist_ok=True)  # a profile's own folder, as profiles.md starts it
    if not file.parent.is_dir():  # never create folders the user did not name
        if file.parent.exists():  # no command makes a folder there: only another name does
            what = "is a file, not a folder; docgen new writes into a folder. Name another"
        else:
            what = ("does not exist; docgen new writes into an existing folder. Create it "
                    f"first ({make_folder_command(file.parent)}) or name another")
        _fail(f"{file.parent} {what}, for example: "
              f"{_new_command(file.name, like, organisation)} (in this folder)")
    if organisation:
        _new_organisation(file, like)
        return
    if like:
        name, what = EXAMPLES[like]
        data = example_answers(name)
        header = [f"Started from the example '{like}': {what}.",
                  "Replace its values with your own; `docgen check` lists what is wrong."]
    else:
        asking = sys.stdin.isatty() if ask is None else ask
        data = blank_answers(["party_a", "party_b"], _reference(file))
        if asking:
            data = ask_answers(data, workspace_profiles(file.parent))
        header = ["A new shared post. tbc means not known yet: the documents show a",
                  "highlighted gap until it is given. Choices nobody was asked about hold the",
                  "most common value; check each against its comment."]
    if not save(file, starter(data, header), replace=False):
        click.echo(click.style(f"error: {file} was written by someone else meanwhile; "
                               "docgen new never overwrites a file. Choose another name.",
                               fg="red"), err=True)
        sys.exit(1)
    schema_file = file.parent / SCHEMA_FILE
    if not schema_file.exists():
        save(schema_file, json.dumps(answer_schema(), indent=2) + "\n", replace=False)
    click.echo(f"wrote {file}; next: docgen check {shell_path(file)}")


def _as_answer_name(file: Path) -> Path:
    """``file`` with its ending made .yaml, in the folder it was named in (``nn/My
    Post.txt`` → ``nn/My Post.yaml``): what a refused name is suggested as."""
    return file.with_suffix(".yaml") if file.suffix else file.with_name(f"{file.name}.yaml")


def _new_command(name: str | Path, like: str | None, organisation: bool) -> str:
    """``docgen new`` for ``name`` with the options given, as the user's shell takes it."""
    options = " --organisation" if organisation else f" --like {like}" if like else ""
    return f"docgen new{options} {shell_path(name)}"


def _fail(message: str) -> NoReturn:
    """Refuse what was asked (a usage error: exit 2, as the README's table says)."""
    click.echo(click.style(f"error: {message}", fg="red"), err=True)
    sys.exit(2)


def _check_profile_name(file: Path, like: str | None) -> None:
    """A profile starts blank and is named by its id: anything else is refused."""
    if like:
        _fail("--like starts an answer file; an organisation profile starts blank (`docgen "
              "schema --organisation` describes every key)")
    if not is_party_id(file.stem) or file.suffix not in PROFILE_SUFFIXES:
        _fail(f"a profile is named by its id: lower-case letters, digits and '_', then .yaml "
              f"(found {file.name}); for example organisations/eastwick.yaml")


def _new_organisation(file: Path, like: str | None) -> None:
    """A starter organisation profile named by its file: organisations/eastwick.yaml."""
    _check_profile_name(file, like)
    org_id = file.stem
    if file.parent.name != "organisations":
        click.echo(f"note: answer files find profiles in an organisations/ folder; move "
                   f"{file.name} into one (for example organisations/{file.name})", err=True)
    file.write_text(organisation_starter(org_id), encoding="utf-8")
    schema_file = file.parent / ORGANISATION_SCHEMA_FILE
    if not schema_file.exists():
        schema_file.write_text(json.dumps(organisation_schema(), indent=2) + "\n",
                               encoding="utf-8")
    click.echo(f"wrote {file}; fill in the tbc values, then name the party by id in an "
               f"answer file: parties: [{org_id}, ...]")
