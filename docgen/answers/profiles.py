"""Stage 1a, continued: organisation profiles merged beneath an answer file.

A council that shares ten posts writes its legal name, signatory and standing
policy once, in ``organisations/<id>.yaml`` in the *workspace*; a post then
names the party by id. The rules (also in ``docs/profiles.md``):

- **Workspace**: the answer file's folder, or its nearest ancestor holding an
  ``organisations/`` folder, searching no higher than the project folders (the
  answer file's folder and the folders named on the command line, as for
  ``extends``).
- **Parties**: a party written as a bare id (``- eastwick``) or as a mapping that
  leaves out any of its required keys takes each key it leaves out from its profile,
  whole (a ``signatory`` the post writes replaces the profile's); with no profile, it is
  short of them. A party written in full never reads one (employer_policy warns of it).
- **Policy**: when the employer's profile is used, each key of its ``policy`` that
  the post (with its ``extends`` bases) does not state is taken from it, whole
  (``payment.vat`` as one block). ``postholder.pension_scheme`` only applies to a
  post with a ``postholder`` block, so a post being recruited to stays one.
- **Clauses**: the employer's profile clause folders are overlays, after the
  ``--clauses`` folders and before the post's own ``clauses`` (later folders win).

Paths in a profile are relative to it and must stay inside the workspace. Every
value taken from a profile keeps the profile's file and line, for messages and
for :func:`provenance`.
"""

from __future__ import annotations

import contextlib
import copy
import os
from pathlib import Path
from typing import Any

from docgen.answers.bounded import LINK_LOOP, LinkLoop, _inside, looped
from docgen.answers.employer_policy import note_unread, written_in_full
from docgen.answers.organisation import (
    AGREEING_JURISDICTIONS,
    PARTY_KEYS,
    POLICY_KEYS,
    PROFILE_FOLDER,
    REQUIRED_PARTY_KEYS,
    profile_wanted,
)
from docgen.answers.party_ids import ID_MAX_LENGTH, is_party_id
from docgen.answers.powers import STATUTORY_POWERS
from docgen.answers.profile_files import (
    Profile,
    check_profile,
    duplicate_profiles,
    find_workspace,
    is_profile_file,
    list_organisations,
    load_profile,
    profile_candidates,
    profile_files,
)
from docgen.answers.profile_hints import missing_profile_hint, no_folder_hint
from docgen.answers.yamlfile import Located, load_answer_file, read_yaml
from docgen.errors import AnswerFileError, KeyPath, Problem, closest, format_path

#: the code of "there is no organisation profile for this id" (the browser reads it too)
PROFILE_MISSING = "profile_missing"


def _profile_for(pid: str, workspace: Path | None, post: Path, where: Problem,
                 read: dict[Path, Profile] | None = None,
                 roots: tuple[Path, ...] | None = None) -> Profile:
    """The profile of ``pid``, or an error naming the id, the folder and the profiles there
    and where the profile probably is (``post``: the answer file; ``read``: profiles already
    read in this run, by file; a programme's rows share them; ``roots``: the project, for
    the hints about where the profile is: None for a post whose workspace was given, as
    the interview's, where nothing outside the workspace is looked at)."""
    def fail(message: str, code: str = "") -> AnswerFileError:
        return AnswerFileError([Problem(message, where.path, where.file, where.line,
                                        code=code)])

    here = post.parent
    if workspace is None:
        hint = no_folder_hint(pid, post, roots) if roots is not None else ""
        folder = here if here.parts else Path.cwd()
        raise fail(
            f"party '{pid}' is given by its id alone, but there is no {PROFILE_FOLDER}/ "
            f"folder in {folder} or the folders above it in the project{hint}; "
            f"{'or ' if hint else ''}write {PROFILE_FOLDER}/{pid}.yaml "
            f"{f'in {folder}' if hint else 'there'} (docgen new --organisation "
            f"{PROFILE_FOLDER}/{pid}.yaml starts one), or write the party out in full")
    folder = workspace / PROFILE_FOLDER
    candidates = profile_candidates(workspace, pid)
    for looping in (p for p in (folder, *candidates) if looped(p)):
        raise fail(f"{looping} is {LINK_LOOP}; put the profile itself there (or a link to "
                   "it), or write the party out in full")
    if not _inside(folder, (workspace.resolve(),)):
        raise fail(f"{folder} leads outside the workspace {workspace} (to "
                   f"{folder.resolve()}); keep the profiles inside it")
    if len(candidates) > 1:
        raise fail(duplicate_profiles(pid, candidates))
    for candidate in candidates:
        if not _inside(candidate, (workspace.resolve(),)):
            raise fail(f"the profile {candidate} leads outside the workspace "
                       f"{workspace} (to {candidate.resolve()}); keep it there")
        if read is None:
            return load_profile(candidate, workspace)
        if candidate not in read:
            read[candidate] = load_profile(candidate, workspace)
        return read[candidate]
    for odd in (d for d in (folder / f"{pid}.yaml", folder / f"{pid}.yml") if d.is_dir()):
        raise fail(f"{odd} is a folder, not a profile file; rename the folder and write the "
                   f"profile in a file of that name, or write the party out in full")
    known = _profile_ids(workspace)
    close = closest(pid, known)
    listed = (f"did you mean '{close}'? " if close else "") + (
        f"the profiles there are: {', '.join(known)}" if known else "it holds no profiles")
    raise fail(f"there is no organisation profile for '{pid}' in {folder} ({listed}); "
               f"add {PROFILE_FOLDER}/{pid}.yaml, or write the party out in full"
               f"{missing_profile_hint(pid, workspace, post, roots) if roots is not None else ''}",
               code=PROFILE_MISSING)


def _profile_ids(workspace: Path) -> list[str]:
    """The ids of the workspace's profiles (their files' names)."""
    return [p.stem for p in profile_files(workspace) if not p.is_dir()]


def _unread(located: Located, index: int, workspace: Path) -> None:
    """The unread profile's policy of the employer written in full, for words alone."""
    pid = str(located.data["employer"])
    found = profile_candidates(workspace, pid) if is_party_id(pid) else []
    with contextlib.suppress(AnswerFileError, LinkLoop):  # left to the posts that use it
        if len(found) == 1 and found[0].is_file() and _inside(found[0], (workspace.resolve(),)):
            note_unread(located, index, found[0], read_yaml(found[0])[0].get("policy"))


def _graft(located: Located, profile: Profile, source: KeyPath, target: KeyPath) -> None:
    """Record the profile's lines for ``source`` (and below) as those of ``target``."""
    for key, where in profile.lines.items():
        if key[:len(source)] == source:
            located.lines[(*target, *key[len(source):])] = where


def _policy_of_unnamed(located: Located, employer: str, roots: tuple[Path, ...],
                       workspace: Path | None, read: dict[Path, Profile] | None) -> None:
    """A post that names no partners yet takes no profile (its employer's policy reaches it
    through the employer named among them), but what that policy gives is known: it is
    recorded (``located.policies``, nothing taken into the post), so the "missing" errors
    it would answer are not said while the partners are missing
    (:func:`~docgen.answers.employer_policy.unknown_employer_first`): the post is told what
    it must write once they are named, as a workbook row with an empty Partners cell is."""
    if workspace is None:
        workspace = find_workspace(located.path.parent, roots)
    if workspace is None:
        return
    with contextlib.suppress(AnswerFileError):  # no profile, or a broken one: said when named
        profile = _profile_for(employer, workspace, located.path,
                               located.problem(("employer",), ""), read)
        located.policies[profile.id] = _policy_paths(profile)


def apply_profiles(located: Located, roots: tuple[Path, ...] = (),
                   workspace: Path | None = None,
                   read: dict[Path, Profile] | None = None) -> Located:
    """Complete the parties given by id from their profiles, and the post from the
    employer's policy (see the module's rules); returns ``located``, changed in place.
    ``read``: profiles read earlier in the same run (many posts, one reading each)."""
    parties = located.data.get("parties")
    named = located.data.get("employer")
    if parties is None and isinstance(named, str) and is_party_id(named):
        _policy_of_unnamed(located, named, roots, workspace, read)
    if not isinstance(parties, list):
        return located
    wanted = [(i, *w) for i, entry in enumerate(parties)
              if (w := profile_wanted(entry)) is not None]
    in_full = written_in_full(located.data, REQUIRED_PARTY_KEYS)
    if not wanted and in_full is None:
        return located
    here = located.path.parent
    hints = roots if workspace is None else None  # a workspace given: look nowhere else
    if workspace is None:
        workspace = find_workspace(here, roots)
        if workspace is not None and not located.path.is_absolute():
            with contextlib.suppress(ValueError):  # another drive (Windows): keep it whole
                workspace = Path(os.path.relpath(workspace))  # messages name files as given
    if in_full is not None and workspace is not None:  # its profile, not read: said
        _unread(located, in_full, workspace)
    if not wanted:
        return located
    located.workspace = workspace
    problems: list[Problem] = []
    used: dict[int, Profile] = {}
    for i, pid, id_only in wanted:
        where = located.problem(("parties", i), "")
        if not is_party_id(pid):
            problems.append(located.problem(("parties", i), f"a party given by its id alone "
                            "needs a short lower-case id such as eastwick (found "
                            f"'{pid[:ID_MAX_LENGTH]}');"
                            " or write the party out in full (id, name, short_name, kind, "
                            "address, signatory, notices)"))
            continue
        try:
            used[i] = _profile_for(pid, workspace, located.path, where, read, hints)
        except AnswerFileError as exc:  # a party written out in part with no profile: its
            # own missing keys are its errors, at each key (a broken profile is still said,
            # and so is an id a letter away from a profile's: 'eastwik' meant eastwick)
            if id_only or workspace and (any(p.code != PROFILE_MISSING for p in exc.problems)
                                         or closest(pid, _profile_ids(workspace))):
                problems += exc.problems
    if problems:
        raise AnswerFileError(problems)
    parties = located.data["parties"] = list(parties)
    for i, profile in used.items():
        given = parties[i] if isinstance(parties[i], dict) else {}
        if not given:
            located.lines[("parties", i, "id")] = located.lines.get(
                ("parties", i), (located.path, 0))
        taken = {k: copy.deepcopy(profile.data[k]) for k in PARTY_KEYS
                 if k in profile.data and k not in given}
        parties[i] = {"id": profile.id, **taken, **given}
        for key in taken:
            _graft(located, profile, (key,), ("parties", i, key))
        located.profiles[profile.id] = (profile.path, profile.raw)
        located.policies[profile.id] = _policy_paths(profile)
        _disagreements(located, i, profile, given)
        if profile.house_style is not None:
            located.house_styles[profile.id] = profile.house_style
            if "house_style" not in given:  # a problem with it is at the profile's line
                _graft(located, profile, ("house_style",), ("parties", i, "house_style"))
    employer = next((p for p in used.values() if p.id == located.data.get("employer")), None)
    if employer is not None:
        _apply_policy(located, employer)
        located.profile_clauses = list(employer.clauses)
    return located


def _disagreements(located: Located, index: int, profile: Profile,
                   given: dict[str, Any]) -> None:
    """Warn where the post and the profile disagree on what the organisation *is*: the law
    it is constituted under, or its kind of body (both decide which powers apply)."""
    name = profile.data.get("short_name") or profile.id
    law, post_law = profile.data.get("jurisdiction"), located.data.get("jurisdiction")
    power = located.data.get("legal_basis")
    if isinstance(law, str) and isinstance(post_law, str) and power in STATUTORY_POWERS.values() \
            and power != STATUTORY_POWERS.get(law) \
            and post_law not in AGREEING_JURISDICTIONS.get(law, (law,)):
        line = profile.lines.get(("jurisdiction",), (profile.path, 0))[1]
        located.warnings.append(located.problem(
            ("jurisdiction",), f"{profile.path}:{line} says {name} is constituted under the "
            f"law of {law} (jurisdiction: {law}), but this post's jurisdiction is {post_law} "
            f"and its legal basis ({power}) a power of that law, which {name} cannot use. "
            f"If the post is under the law of {law}, write jurisdiction: {law} and "
            f"legal_basis: {STATUTORY_POWERS[law]} here; for an arrangement across the "
            "border, write legal_basis: secondment (or other, with legal_basis_text) and "
            "the governing law a lawyer confirms", severity="warning", rule="PROFILE",
            code="profile_law"))
    kind = profile.data.get("kind")
    if isinstance(kind, str) and isinstance(given.get("kind"), str) and given["kind"] != kind:
        located.warnings.append(located.problem(
            ("parties", index, "kind"), f"this post gives {name} the kind {given['kind']}, "
            f"but its profile {profile.path} says kind: {kind}; a body is the same kind in "
            f"every post it shares (the kind decides which powers and pension scheme apply). "
            f"Leave kind out of the post to take the profile's, or correct the profile, e.g. "
            f"kind: {given['kind']}", severity="warning", rule="PROFILE", code="profile_kind"))


def _policy_paths(profile: Profile) -> frozenset[KeyPath]:
    """The answers (section, key) the profile's ``policy`` gives a post it employs."""
    policy = profile.data.get("policy")
    return frozenset((section, key) for section, values in (
        policy.items() if isinstance(policy, dict) else ()) if isinstance(values, dict)
        for key in values)


def _apply_policy(located: Located, profile: Profile) -> None:
    """Each policy key the post does not state, taken whole from the employer's profile."""
    for section, values in (profile.data.get("policy") or {}).items():
        if not isinstance(values, dict) or section not in POLICY_KEYS:
            continue
        target = located.data.get(section)
        if target is None and section == "postholder":
            continue  # no post-holder block: a post being recruited to stays one
        if target is None:  # begun here: a key it lacks is missing from the post, not the
            target = {}  # profile (the section has no line: the post does not write it)
            located.policy_sections.add(section)
        if not isinstance(target, dict):
            continue  # the post's own shape error is reported by validation
        target = dict(target)
        for key, value in values.items():
            if key not in target:
                target[key] = copy.deepcopy(value)
                _graft(located, profile, ("policy", section, key), (section, key))
            else:  # the post's own answer: what leaving it out would take, for its messages
                file, line = profile.lines.get(("policy", section, key), (profile.path, None))
                located.set_aside[(section, key)] = (value, file, line, profile.id)
        located.data[section] = target


def load_post(path: Path | str, roots: tuple[Path, ...] | None = None) -> Located:
    """An answer file with its ``extends`` bases and the profiles of its parties."""
    path = Path(path)
    located = load_answer_file(path, roots=roots)
    project = (path.resolve().parent, *(Path(r).resolve() for r in roots or ()))
    return apply_profiles(located, project)


def clause_folders(located: Located, answer_clauses: list[str],
                   given: list[Path] | None = None) -> list[Path]:
    """The overlay folders of a post, in the order they apply (later ones win): those
    given by the caller, the employer's profile's, then the answer file's own."""
    return [*(given or []), *located.profile_clauses,
            *((located.base or located.path.parent) / c for c in answer_clauses)]


def provenance(located: Located) -> dict[str, dict[str, Any]]:
    """Where each value came from: key path → file, line and the organisation profile
    (its id) when the value was taken from one."""
    by_file = {path.resolve(): pid for pid, (path, _) in located.profiles.items()}
    out: dict[str, dict[str, Any]] = {}

    def walk(node: Any, path: KeyPath) -> None:
        if isinstance(node, dict) and node:
            for key, value in node.items():
                walk(value, (*path, key))
        elif isinstance(node, list) and node:
            for i, value in enumerate(node):
                walk(value, (*path, i))
        else:
            file, line = located.where(path)
            out[format_path(path)] = {"file": str(file), "line": line,
                                      "organisation": by_file.get(Path(file).resolve())}
    walk(located.data, ())
    return out


__all__ = ["Profile", "apply_profiles", "check_profile", "clause_folders", "find_workspace",
           "is_profile_file", "list_organisations", "load_post", "load_profile",
           "profile_files", "provenance"]
