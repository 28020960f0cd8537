"""Stage 1c, for the employer's standing policy: the "missing" errors that follow from it.

A post whose parties come from organisation profiles takes its standing policy (invoicing,
VAT, confidentiality, disputes, exit costs ...) from its employer's profile
(:mod:`docgen.answers.profiles`). Two messages depend on that:

- **An employer that names no party** (``employer: eastwik``) takes no policy, so every
  answer the profile would have given is "required but missing": invented errors, the
  real one last. Those are dropped here, and the employer's own error put first; the
  answers the intended employer's profile (the party its name is closest to, else any
  party's) would give are the ones dropped.
- **An employer whose profile gives no policy for an answer** the post leaves out: the
  "missing" error says so, and where to give it (the post, or that profile), since the
  person may expect the profile to give it (another employer's did).
- **An employer written out in full beside its own profile** never reads it (so an answer
  file written before the profile builds as it did), nor the standing policy it holds.
  That is said, never silent: a warning (``PROFILE``, code ``profile_unread``) at the
  party when the profile gives policy the post does not state (its on-costs, say), and
  each "missing" error such policy would answer says the profile was not read, why, and
  how to use it, as data too (:class:`UnreadProfile`) for a reader that rewords it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from docgen.answers.forms import example, field_at, to_fill_in
from docgen.answers.organisation import POLICY_KEYS, WHOLE_SECTIONS
from docgen.answers.party_ids import ids_given
from docgen.answers.yamlfile import Located
from docgen.errors import (
    MISSING,
    PROFILE_UNREAD,
    KeyPath,
    Problem,
    ProfileHint,
    closest,
    format_path,
)
from docgen.shellwords import shown


def employer_unknown(located: Located) -> bool:
    """True when the post's employer names none of its parties (or none is given)."""
    employer = located.data.get("employer")
    return not isinstance(employer, str) or employer not in ids_given(located.data)


def _intended_policy(located: Located) -> frozenset[KeyPath]:
    """What the employer's profile would give, had the employer named its party: the
    profile of the party its name is closest to, else of every party given by a profile."""
    employer = located.data.get("employer")
    close = closest(employer, list(located.policies)) if isinstance(employer, str) else None
    chosen = [located.policies[close]] if close else list(located.policies.values())
    return frozenset().union(*chosen)


def _owed(path: KeyPath, policy: frozenset[KeyPath]) -> bool:
    """Whether ``policy`` would give the missing answer at ``path``: the answer itself, or
    a whole section each of whose required answers is policy (``confidentiality``)."""
    if len(path) == 1 and path[0] in WHOLE_SECTIONS:
        return any(p[0] == path[0] for p in policy)
    return tuple(path) in policy


def unknown_employer_first(located: Located, problems: list[Problem]) -> list[Problem]:
    """``problems`` without the "missing" errors that only follow from the employer naming
    no party (see the module's rules), the employer's own errors first."""
    if not employer_unknown(located) or not located.policies:
        return problems
    policy = _intended_policy(located)
    kept = [p for p in problems if not (p.code == MISSING and _owed(p.path, policy))]
    return [*(p for p in kept if p.path[:1] == ("employer",)),
            *(p for p in kept if p.path[:1] != ("employer",))]


def _policy_answer(path: KeyPath) -> bool:
    """Whether an employer's profile may give the answer at ``path``."""
    if len(path) == 1:
        return path[0] in WHOLE_SECTIONS
    return len(path) == 2 and path[1] in POLICY_KEYS.get(str(path[0]), ())


def _begun_by_policy(located: Located, problem: Problem) -> Problem:
    """A "missing" error inside a section the post does not write, which the employer's
    policy began (``governance`` with its ``disputes``): said of the post, at its file, with
    the section to add to it; never at the profile's line, as if the profile lacked it."""
    section = str(problem.path[0])
    value = located.data.get(section)
    employer = located.data.get("employer")
    profile = located.profiles.get(employer) if isinstance(employer, str) else None
    given = ", ".join(str(k).replace("_", " ") for k in value) if isinstance(value, dict) \
        else ""
    origin = (f" (the employer's organisation profile, {shown(profile[0])}, gives its "
              f"{given} only)" if profile is not None and given else "")
    info = field_at(problem.path)
    meaning = f" ({info.description.rstrip('.')})" if info and info.description else ""
    sample = example(problem.path, ids_given(located.data)) if len(problem.path) == 2 else None
    key = str(problem.path[-1])
    message = (f"'{key}' is required here but missing{meaning}; this post has no "
               f"'{section}' section{origin}: add one to this post with its {key}"
               + (f", e.g. {section}: {{{sample}}}" if sample else "") + to_fill_in(sample)
               + " (docgen schema --markdown describes every key)")
    return replace(problem, message=message, file=located.path, line=None)


def said_of_policy(located: Located, problem: Problem) -> Problem:
    """``problem`` as said of a post whose employer's profile gives policy: a "missing"
    error in a section only the policy began is the post's (:func:`_begun_by_policy`); one
    the employer's profile could give and does not says so (:func:`with_profile_hint`)."""
    if problem.code != MISSING or not problem.path:
        return problem
    if len(problem.path) > 1 and problem.path[0] in located.policy_sections:
        return _begun_by_policy(located, problem)
    return with_profile_hint(located, problem)


def with_profile_hint(located: Located, problem: Problem) -> Problem:
    """A "missing" error for an answer the employer's profile could give, and does not,
    saying so: the person may expect it from the profile (another employer's gave it)."""
    employer = located.data.get("employer")
    if problem.code != MISSING or not isinstance(employer, str) or \
            employer not in located.policies or employer not in located.profiles or \
            not _policy_answer(problem.path):
        return problem
    profile = shown(located.profiles[employer][0])
    what = str(problem.path[-1]).replace("_", " ")
    section = format_path(problem.path[:1])
    under = f"policy: {section}: " if len(problem.path) > 1 else "policy: "
    hint = ProfileHint(profile, what, under.strip())
    # the hint as data too: a reader that rewords the error (a workbook's row) says it its way
    return replace(problem, message=problem.message + hint.said("this post"), profile_hint=hint)


@dataclass(frozen=True)
class UnreadProfile(ProfileHint):
    """The employer's profile, not read because the post writes the employer out in full,
    that would give a missing answer: ``party`` its id, ``paths`` every answer it would
    give that the post does not state."""

    party: str = ""
    paths: frozenset[KeyPath] = frozenset()

    def said(self, where: str) -> str:
        """The hint: the profile gives it, was not read, and how to use it (in an answer
        file's terms for ``this post``; in a workbook's, its details left empty)."""
        how = (f" (- {self.party} in parties, in place of its keys), or leave out of it a key "
               "the profile gives (its address, say)" if where == "this post" else
               " (nothing beside its id), or leave empty one of the details the profile "
               "gives (its address, say)")
        return (f"; {self.profile} gives {self.party}'s policy for it ({self.under} in "
                f"that file) but was not read: the employer, {self.party}, is written out "
                f"in full in {where}, and a party written out in full never reads its "
                f"profile. To take it from there, give {self.party} by its id alone{how}")


def written_in_full(data: dict[str, Any], required: tuple[str, ...]) -> int | None:
    """The index of the employer's party when it is written out with every ``required``
    key (so never completed from a profile), else None."""
    parties, employer = data.get("parties"), data.get("employer")
    if not isinstance(parties, list) or not isinstance(employer, str):
        return None
    return next((i for i, p in enumerate(parties) if isinstance(p, dict)
                 and p.get("id") == employer and all(k in p for k in required)), None)


def _unstated(located: Located, policy: Any) -> list[KeyPath]:
    """The answers a profile's ``policy`` would give the post, were the employer given by
    id (as ``profiles._apply_policy`` takes them): each key it gives that the post does not
    state; ``postholder`` only for a post with a post-holder block."""
    out: list[KeyPath] = []
    for section, values in (policy.items() if isinstance(policy, dict) else ()):
        target = located.data.get(section)
        if not isinstance(values, dict) or section not in POLICY_KEYS or (
                target is None and section == "postholder") or (
                target is not None and not isinstance(target, dict)):
            continue
        out += [(section, key) for key in values if key not in (target or {})]
    return out


def note_unread(located: Located, index: int, profile: Path, policy: Any) -> None:
    """Warn when the employer at ``parties[index]``, written out in full, has a profile
    (``profile``, its ``policy``) giving policy the post does not state: said once at the
    party, and as data (:class:`UnreadProfile`) for :func:`with_unread_hint`."""
    paths = _unstated(located, policy)
    if not paths:
        return
    pid, where = profile.stem, shown(profile)
    listed = ", ".join(format_path(p) for p in paths)
    none = " (on_costs: [] for none)" if ("payment", "on_costs") in paths else ""
    located.warnings.append(located.problem(
        ("parties", index), f"{where} gives {pid}'s standing policy for {listed}, which "
        f"this post does not state, but was not read: {pid} is written out in full here, "
        "and a party written out in full never reads its profile, so the post goes without "
        f"them; to use the profile, give {pid} by its id alone (- {pid} in parties, in place "
        "of its keys) or leave out of it a key the profile gives (its address, say): it then "
        "takes the keys it leaves out, and the employer's policy, from the profile; to keep "
        f"the party as written, state each of them in this post{none}",
        severity="warning", rule="PROFILE", code=PROFILE_UNREAD,
        profile_hint=UnreadProfile(where, "", "", pid, frozenset(paths))))


def with_unread_hint(located: Located, problem: Problem) -> Problem:
    """A "missing" error for an answer the employer's unread profile gives, saying so."""
    if problem.code != MISSING or problem.profile_hint is not None or not problem.path:
        return problem
    hint = next((w.profile_hint for w in located.warnings if w.code == PROFILE_UNREAD
                 and isinstance(w.profile_hint, UnreadProfile)), None)
    if hint is None or not _owed(problem.path, hint.paths):
        return problem
    # where the profile holds it ("policy: payment: vat:"): a key's own name, never a
    # title made from it ("vat policy"), which the workbook would print as it is
    under = "policy: " + " ".join(f"{part}:" for part in problem.path)
    said = replace(hint, what=str(problem.path[-1]), under=under)
    return replace(problem, message=problem.message + said.said("this post"),
                   profile_hint=said)


__all__ = ["PROFILE_UNREAD", "UnreadProfile", "employer_unknown", "note_unread",
           "said_of_policy", "unknown_employer_first", "with_profile_hint", "with_unread_hint",
           "written_in_full"]
