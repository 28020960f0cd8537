"""The workspace's organisation profiles (``<folder>/organisations/<id>.yaml``), as the
"New post" page offers them.

A small adapter: it reads each profile's standing facts (name, address, signatory,
notices) and its ``policy`` itself, bounded and confined to the folder, so the
interview writes complete parties into the post and works whether or not this
docgen validates profiles; where ``docgen.organisations`` exists, a profile it
reports problems for is left out.
"""

from __future__ import annotations

import inspect
import re
from pathlib import Path
from typing import Any

import docgen
from docgen.answers.bounded import read_bounded
from docgen.answers.model import Party
from docgen.errors import AnswerFileError, DocgenError
from docgen.web.drafts import parse, to_plain

ORG_DIR = "organisations"
ID_RE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
MAX_PROFILES = 200


def in_workspace(folder: Path) -> dict[str, Any]:
    """``workspace=folder`` for ``docgen.check``/``render`` where this docgen reads profiles
    (so a post naming its parties by id is checked against them), else nothing."""
    if "workspace" in inspect.signature(docgen.check).parameters:
        return {"workspace": folder}
    return {}


def _invalid(folder: Path) -> set[str]:
    """Ids of profiles docgen itself finds fault with (none when it has no profiles)."""
    listing = getattr(docgen, "organisations", None)
    if listing is None:
        return set()
    try:
        return {str(o.get("id")) for o in listing(folder) if o.get("problems")}
    except (DocgenError, OSError):
        return set()


def organisations(folder: Path) -> list[dict[str, Any]]:
    """Each valid profile: ``id``, ``name``, ``party`` (the answer file's party entry) and
    ``policy`` (standing answers for posts it employs)."""
    home = folder / ORG_DIR
    if not home.is_dir() or home.is_symlink():
        return []
    bad = _invalid(folder)
    out = []
    for path in sorted(home.glob("*.yaml"))[:MAX_PROFILES]:
        if not ID_RE.match(path.stem) or path.is_symlink() or path.stem in bad:
            continue
        try:
            data = to_plain(parse(read_bounded(path).decode("utf-8", errors="replace")))
        except (AnswerFileError, DocgenError, OSError):
            continue
        if not isinstance(data.get("name"), str):
            continue
        party = {"id": path.stem, **{k: v for k, v in data.items()
                                      if k in Party.model_fields and k != "id"}}
        policy = data.get("policy") if isinstance(data.get("policy"), dict) else {}
        out.append({"id": path.stem, "name": data["name"], "party": party, "policy": policy})
    return out
