"""The workspace's organisation profiles (``<folder>/organisations/<id>.yaml``) in the
interview, through ``docgen.organisations`` (docgen reads and validates them).

A post may name a party by its id alone; docgen completes it from the profile, and
the employer's ``policy`` fills each policy key the post does not state. The
interview shows the post as docgen reads it (:func:`complete`: names, not "Partner 2")
but writes only what the person states: a partner whose details all still match its
profile stays an id (:func:`minimal_party`), and policy answers equal to the profile's
are not copied into the post (:func:`policy_under`, pruned like an ``extends`` base).
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import docgen
from docgen.answers.organisation import POLICY_KEYS, profile_wanted
from docgen.errors import DocgenError

#: the policy sections (each key in them is taken whole): docgen's list of what an
#: employer's profile may give, read where docgen merges a profile
WHOLE = tuple(POLICY_KEYS)


def organisations(folder: Path) -> list[dict[str, Any]]:
    """Each valid profile of the folder: ``id``, ``name``, ``party`` (what a post naming
    it by id takes), ``policy`` and ``jurisdiction`` (the law it states, or None: what a
    new post's law is taken from); a profile docgen finds fault with is left out."""
    try:
        listed = docgen.organisations(folder)
    except (DocgenError, OSError):
        return []
    return [{"id": o["id"], "name": o["name"], "party": o["party"], "policy": o["policy"],
             "jurisdiction": o.get("jurisdiction")}
            for o in listed if not o["problems"] and o.get("party")]


def profiles(folder: Path) -> dict[str, dict[str, Any]]:
    """Profile id → profile (see :func:`organisations`)."""
    return {o["id"]: o for o in organisations(folder)}


def _id_of(entry: Any) -> str | None:
    if isinstance(entry, str):
        return entry
    return entry.get("id") if isinstance(entry, dict) and isinstance(entry.get("id"), str) \
        else None


def _completed(entry: Any, known: dict[str, dict[str, Any]]) -> Any:
    """A party as docgen reads it: given by id (or with keys left out), completed from its
    profile; a party written out in full (docgen does not read its profile:
    :func:`~docgen.answers.organisation.profile_wanted`), or with no profile, as written."""
    wanted = profile_wanted(entry)
    pid = wanted[0] if wanted is not None else None
    if pid is None or pid not in known:
        return entry
    given = entry if isinstance(entry, dict) else {}
    return {**copy.deepcopy(known[pid]["party"]), **given}


def policy_under(data: dict[str, Any], known: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The employer's profile policy a post takes where it says nothing itself (a post
    with no post-holder never takes the pension scheme, as docgen reads it). None when the
    employer is written out in full: docgen reads neither its profile nor its policy."""
    employer = data.get("employer")
    listed = data.get("parties")
    parties: list[Any] = listed if isinstance(listed, list) else []
    if not isinstance(employer, str) or employer not in known or not any(
            (wanted := profile_wanted(p)) is not None and wanted[0] == employer
            for p in parties):
        return {}
    return {section: copy.deepcopy(values)
            for section, values in (known[employer]["policy"] or {}).items()
            if section in WHOLE and isinstance(values, dict)
            and (section != "postholder" or isinstance(data.get("postholder"), dict))}


def complete(data: Any, known: dict[str, dict[str, Any]]) -> Any:
    """The answers as docgen reads them with the profiles: parties completed, the
    employer's policy beneath what the post states (a copy; ``data`` is not changed)."""
    if not known or not isinstance(data, dict) or not isinstance(data.get("parties"), list):
        return data
    out = dict(data)
    out["parties"] = [_completed(p, known) for p in data["parties"]]
    for section, values in policy_under(data, known).items():
        own = out.get(section)
        if own is None:
            out[section] = values
        elif isinstance(own, dict):
            out[section] = {**values, **own}
    return out


def minimal_party(given: Any, item: dict[str, Any], known: dict[str, dict[str, Any]]) -> Any:
    """What to write for a partner after its page: ``item`` (the page's answers, merged
    over what the post said) less every detail the post did not state and the profile
    already says, so an unchanged partner given by id stays an id."""
    pid = _id_of(item) or _id_of(given)
    if pid not in known:
        return item
    stated = set(given) if isinstance(given, dict) else {"id"}
    profile = known[pid]["party"]
    kept = {k: v for k, v in item.items()
            if k in stated or k == "id" or k not in profile or v != profile[k]}
    if set(kept) == {"id"}:
        return pid if isinstance(given, str) or given is None else kept
    return kept


__all__ = ["complete", "minimal_party", "organisations", "policy_under", "profiles"]


def name_key(value: object) -> str:
    """A name as two of them typed for one organisation are compared: spacing and case
    aside ("Northtown  council" is "Northtown Council"); "" for no name."""
    return " ".join(value.split()).casefold() if isinstance(value, str) else ""
