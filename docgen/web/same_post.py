"""One post, twice: saving answers whose reference another post in the folder has, and
uploading a file the interview already holds.

Two posts with one reference cannot both be built (``docgen build`` refuses the second),
so a save never makes a second one. The officer is offered the two ways out: replace that
post's file with these answers (a new version of it, say, sent back by legal), after a
page that names the file replaced, or change this post's reference. The file replaced is
written over only if it is still the one that page named (compare-and-swap, under the
file's lock), and its text as it was is kept beside it as ``_<name>.replaced-<n>.yaml``:
the ``_`` keeps it out of builds, as ``docgen intake read`` keeps a file edited by hand.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from filelock import Timeout
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from docgen.answers.folder_names import reference_text
from docgen.api.interview import atomic_write, content_hash, reference_in
from docgen.errors import DocgenError
from docgen.web.drafts import (
    Conflict,
    Draft,
    list_files,
    read_base,
    reference_taken,
    safe_path,
)
from docgen.web.pages import draft_of, page, posted, source, store
from docgen.web.when import said, said_iso
from docgen.web.yamltext import dump, parse

#: the check page's query naming the file a replaced post's text was kept in
KEPT = "kept"


def reference_of(draft: Draft) -> str | None:
    """The draft's reference, as docgen reads it (a base's too), if it gives one."""
    return reference_text(source(draft).get("reference"))


def holder(request: Request, draft: Draft) -> str | None:
    """The post in the folder, other than the draft's own file, that already has the
    draft's reference (its file name), if any."""
    reference = reference_of(draft)
    return reference_taken(request.app.state.folder, reference, draft.name) \
        if reference else None


def to_replace(request: Request, draft: Draft) -> str | None:
    """The post :func:`holder` names, when saving the draft under its own name (if it has
    one) would give that post's reference a second post: what replacing is offered for (a
    post of a folder already holding two with one reference is saved as any other)."""
    return holder(request, draft) if draft.name is None \
        else breaks_folder(request, draft, draft.name)  # the same post, or None


def breaks_folder(request: Request, draft: Draft, name: str) -> str | None:
    """The other post whose reference saving ``draft`` as ``name`` would give a second
    post, if any (a save keeping a file's own reference, in a folder already holding two
    posts with it, leaves the folder as it was, so is not refused for it)."""
    reference = reference_of(draft)
    folder = request.app.state.folder
    other = reference_taken(folder, reference, name) if reference else None
    if other is None or not reference:
        return None
    path = folder / name
    if name != draft.name and (path.exists() or path.is_symlink()):
        return None  # another file of that name: the save refuses it for that
    had = reference_in(path) if path.is_file() and not path.is_symlink() else None
    return None if (had or "").casefold() == reference.casefold() else other


def refusal(reference: str, other: str, own: str | None) -> str:
    """Why the save was refused, and the ways out, in the officer's words (the draft's own
    file, ``own``, is saved under its name, not replaced)."""
    way = "To save these answers as another post, change this post's reference" \
        if other == own else f"Replace {other} with these answers, or change this post's " \
        "reference"
    return (f"{other} already has the reference {reference}, and two posts in the folder "
            f"cannot have the same reference, so nothing was saved. {way}")


def aside_name(path: Path) -> Path:
    """Where a replaced post's text is kept: ``_<stem>.replaced-<n>.yaml``, the first free."""
    n = 1
    while (kept := path.with_name(f"_{path.stem}.replaced-{n}{path.suffix}")).exists():
        n += 1
    return kept


def replace_file(request: Request, draft: Draft, name: str, seen: str) -> Path:
    """Write the draft over the post ``name`` (atomically, under the file's lock) if the
    file still has the hash ``seen`` the confirmation page was shown with; keep the text it
    had beside it (:func:`aside_name`). The file the text was kept in."""
    keeper = store(request)
    path = safe_path(keeper.folder, name)
    data = draft.text.encode("utf-8")
    try:
        with draft.lock, keeper.lock_for(name):
            old = path.read_bytes() if path.is_file() else None
            if old is None or content_hash(old) != seen:
                raise Conflict(f"{name} was changed in the folder since you were asked "
                               "about replacing it, so nothing was written. Check your "
                               "answers and choose again")
            kept = aside_name(path)
            try:
                atomic_write(kept, old)
                atomic_write(path, data)
            except OSError as exc:
                raise DocgenError(f"cannot save {name}: {exc.strerror}. Nothing was "
                                  "replaced; check the folder can be written to") from None
            draft.name, draft.base_hash = name, content_hash(data)
            draft.written = data.decode("utf-8")
            draft.base = read_base(keeper.folder, path, draft.doc)
    except Timeout:
        raise Conflict(f"{name} is being saved by someone else right now. Nothing was "
                       "written; try again in a moment") from None
    keeper.persist(draft)
    return kept


def _asked(request: Request, draft: Draft, name: str) -> dict[str, Any]:
    """What the confirmation page says of the post ``name`` it would replace."""
    path = request.app.state.folder / name
    changed = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC)
    return {"draft": draft, "file": name, "reference": reference_of(draft),
            "seen": content_hash(path.read_bytes()),
            "changed": said(changed),
            "kept": aside_name(path).name}


async def replace_get(request: Request) -> Response:
    """"Replace shared-head-of-hr.yaml with these answers?" (a post is replaced only from
    here, by the file it names)."""
    draft = draft_of(request)
    name = to_replace(request, draft)
    if name is None:  # no other post has the reference (any more): an ordinary save
        return RedirectResponse(f"/edit/{draft.id}/check", 303)
    return page(request, "replace.html", _asked(request, draft, name))


async def replace_post(request: Request) -> Response:
    draft = draft_of(request)
    form = await posted(request)
    name, seen = form.get("name") or "", form.get("seen") or ""
    if name != to_replace(request, draft):  # not the post this draft's reference is in
        return RedirectResponse(f"/edit/{draft.id}/replace", 303)
    try:
        kept = replace_file(request, draft, name, seen)
    except DocgenError as exc:
        raise HTTPException(409, str(exc)) from None
    query = urlencode({"saved": name, KEPT: kept.name})
    return RedirectResponse(f"/edit/{draft.id}/check?{query}", 303)


def kept_aside(request: Request, draft: Draft) -> str | None:
    """The file "Saved as" says the replaced post's text was kept in (``?kept=``), only
    when it is that post's and in the folder."""
    kept = request.query_params.get(KEPT) or ""
    stem = (draft.name or "").rsplit(".", 1)[0]
    return kept if draft.name and kept.startswith(f"_{stem}.replaced-") and (
        request.app.state.folder / kept).is_file() else None


def same_upload(request: Request, raw: bytes, text: str) -> Draft | None:
    """The draft an uploaded file is already (reopened, never a second identical one): the
    post in the folder with the same bytes, else a draft not saved yet holding the same
    answers, told so once on the page it opens."""
    keeper = store(request)
    sent = content_hash(raw)
    for path in list_files(request.app.state.folder):
        try:
            if content_hash(path.read_bytes()) != sent:
                continue
            draft = keeper.open(path.name)
        except (OSError, DocgenError):
            continue
        if not draft.notice:  # its own (changes not saved yet) says more: kept
            draft.notice = {"heading": f"This file is the same as {path.name} in the "
                            "folder", "text": "So that post is opened: change it here and "
                            "save it."}
        return draft
    written = dump(parse(text))
    for kept in keeper.saved_drafts():
        draft = kept["draft"]
        if isinstance(draft, Draft) and draft.name is None and draft.text == written:
            when = said_iso(kept["updated"])
            draft.notice = {"heading": "You opened this file before",
                            "text": f"This is the draft made from it then (last changed "
                                    f"{when}), not a second copy of it."}
            return draft
    return None
