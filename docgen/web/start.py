"""The start page (posts in the folder, drafts kept on disk), new posts, copies, deleting a
draft, and a post's task list.
"""

from __future__ import annotations

import contextlib
import copy
import functools
from pathlib import Path
from typing import Any

from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

import docgen
from docgen.answers.notknown import is_not_known
from docgen.api.interview import base_answers, is_answer_name
from docgen.api.workbooks import workbooks_in
from docgen.errors import AnswerFileError, DocgenError
from docgen.web import checked
from docgen.web.checking import Live
from docgen.web.drafts import (
    COPIED,
    EXAMPLES,
    OPENED,
    Draft,
    examples,
    free_reference,
    list_files,
    safe_path,
)
from docgen.web.fields import STEP_BY_SLUG
from docgen.web.pages import draft_of, page, posted, run_live, store
from docgen.web.same_post import same_upload
from docgen.web.security import CSRF_COOKIE, CSRF_FIELD, token_ok
from docgen.web.summary import summary_rows
from docgen.web.tasks import progress, suggested_rows, task_list, to_choose, where_to
from docgen.web.when import said_iso
from docgen.web.wording import choice
from docgen.web.yamltext import parse

STATUS = {"draft": "Draft", "final": "Final"}


@functools.cache
def _example_title(name: str) -> str:
    with contextlib.suppress(DocgenError, AnswerFileError, OSError):
        return docgen.load(EXAMPLES / name).post.title
    return name


def _post_rows(request: Request) -> list[dict[str, Any]]:
    """Each post in the folder with its status and open problems: each file is checked,
    so the rows are kept a few seconds while no YAML file of the folder changes (a post,
    or a base file posts extend: web/checked.py)."""
    folder = request.app.state.folder
    every = sorted(p for p in folder.iterdir() if is_answer_name(p.name))
    rows = checked.kept(("rows", checked.files_state(every)), folder,  # the posts found
                        lambda: _checked_rows(folder, list_files(folder)))  # when not kept
    return copy.deepcopy(rows)


def _named(path: Path) -> tuple[str | None, str | None]:
    """The reference and post title ``path`` gives (over the bases it extends), read
    without docgen's checks, so a post with problems is listed by them as any other is;
    None for each it does not give as words (or when the file cannot be read at all)."""
    answers: Any = {}
    with contextlib.suppress(DocgenError, AnswerFileError, OSError):
        answers = base_answers(path)
    if not isinstance(answers, dict):
        return None, None
    post = answers.get("post")
    title = post.get("title") if isinstance(post, dict) else None
    return _words(answers.get("reference")), _words(title)


def _words(value: Any) -> str | None:
    """``value`` when it is words to show (not blank, not "not known yet"), else None."""
    return value if isinstance(value, str) and value.strip() and not is_not_known(value) \
        else None


def _checked_rows(folder: Path, files: list[Path]) -> list[dict[str, Any]]:
    rows = []
    for path in files:
        title = report = None
        with contextlib.suppress(DocgenError, AnswerFileError):  # said by check(path) below
            loaded = docgen.load(path, workspace=folder)  # read once: check takes what load
            report = docgen.check(loaded, workspace=folder)  # returns (the round trip)
            title = loaded.post.title if report.ok else None
        if report is None:
            report = docgen.check(path, workspace=folder)  # the file's own errors, by line
        reference = report.reference
        if not (reference and title):  # refused by a check: named as its file names it
            named = _named(path)
            reference, title = reference or named[0], title or named[1]
        facts = report.facts or {}
        rows.append({"name": path.name, "reference": reference or path.stem,
                     "named": bool(reference),  # the file gives it (not its file name)
                     "title": title or "—",
                     "status": STATUS.get(facts.get("status", ""), "Has problems"),
                     "errors": len(report.errors),  # warnings accepted with a reason are not open
                     "warnings": sum(not w.acknowledged for w in report.warnings)})
    return _shared(rows)


def _shared(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Mark each post whose reference another post in the folder has (``shared``: the
    other files): ``docgen build`` refuses one of them, which no post's own check sees."""
    by: dict[str, list[str]] = {}
    for row in rows:
        if row["named"]:
            by.setdefault(row["reference"].casefold(), []).append(row["name"])
    for row in rows:
        others = [n for n in by.get(row["reference"].casefold(), []) if n != row["name"]]
        if others:
            row.update(shared=others, errors=row["errors"] + 1, status="Has problems")
    return rows


def sections(request: Request, draft: Draft) -> tuple[list[dict[str, Any]], Live]:
    """Each section's state and the checks they come from: the one computation the task
    list and the start page's "N of 15 sections completed" both show."""
    result = run_live(request, draft)
    return task_list(draft.view(), result, draft.visited), result


def describe(request: Request, draft: Draft) -> dict[str, Any]:
    """What the start page says about a draft: its post, where it came from, progress."""
    doc = draft.view()
    tasks, _ = sections(request, draft)
    post = doc.get("post") if isinstance(doc.get("post"), dict) else {}
    return {"id": draft.id, "reference": doc.get("reference") or "New post",
            "title": post.get("title") or "—", "href": where_to(draft),
            "progress": "partners not chosen yet" if to_choose(draft)
            else progress(tasks),
            "source": f"Changes to {draft.name}, not saved yet" if draft.name
            else "Not saved yet"}


def _kept_href(request: Request) -> str | None:
    """Where "Carry on with it" leads, after "Save and come back later" (``?kept=``)."""
    draft = store(request).get(request.query_params.get("kept") or "")
    return where_to(draft) if draft is not None else None


async def index(request: Request) -> Response:
    kept = store(request).saved_drafts()
    drafts = [describe(request, d["draft"]) | {"updated": said_iso(d["updated"])}
              for d in kept]
    changed: dict[str, str] = {}  # each post's newest draft with changes not saved
    for d in kept:
        if d["draft"].name:
            changed.setdefault(d["draft"].name, d["draft"].id)
    rows = [r | {"draft": changed.get(r["name"])} for r in _post_rows(request)]
    return page(request, "index.html", {
        # it shows the folder's answer files and its workbooks' rows
        "rows": rows, "programme": bool(rows) or bool(workbooks_in(request.app.state.folder)),
        "drafts": drafts,
        "examples": [(e, _example_title(e)) for e in examples()],
        "folder": request.app.state.folder,
        "kept": _kept_href(request),
        "deleted": request.query_params.get("deleted") == "1"})


def _copy(request: Request, name: str) -> Any:
    """An existing post as the start of a new one: same partners and terms, a reference
    no post in the folder has (the copied one's, numbered) and no post-holder."""
    path = safe_path(request.app.state.folder, name)
    if not path.is_file():
        raise DocgenError(f"there is no post called {name} to copy")
    doc = parse(path.read_text(encoding="utf-8", errors="replace"))
    for key in ("postholder", "acknowledge"):
        doc.pop(key, None)
    if isinstance(doc.get("reference"), str):
        doc["reference"] = free_reference(request.app.state.folder, doc["reference"])
    else:
        doc.pop("reference", None)
    return doc


async def new(request: Request) -> Response:
    form = await posted(request)
    start = form.get("start") or ""
    if start.startswith("copy:"):
        draft = store(request).new(None, doc=_copy(request, start.removeprefix("copy:")))
        draft.visited.update([OPENED, COPIED])  # answered; no problems shown before a send
        store(request).persist(draft)
        return RedirectResponse(f"/edit/{draft.id}/about", 303)
    example = start.removeprefix("example:") or form.get("example") or None
    draft = store(request).new(example)
    if not example:
        return RedirectResponse(f"/edit/{draft.id}/begin", 303)
    return RedirectResponse(f"/edit/{draft.id}/tasks", 303)


MAX_UPLOAD = 1_000_000  # the answer-file limit of the command line


async def upload(request: Request) -> Response:
    """An answer file from the person's computer (sent by e-mail, say), opened as a new
    draft: nothing is written into the folder until it is saved under a name."""
    form = await request.form(max_files=1, max_fields=10)
    token = form.get(CSRF_FIELD)
    if not token_ok(request.cookies.get(CSRF_COOKIE), token if isinstance(token, str)
                    else None):
        raise HTTPException(403, "This form has expired or came from another site. Go back, "
                                 "reload the page and try again.")
    sent = form.get("file")
    data = await sent.read(MAX_UPLOAD + 1) if isinstance(sent, UploadFile) else b""
    if not data:
        raise HTTPException(400, "Choose the post's file to open: a .yaml file saved from "
                                 "docgen or sent to you. Go back to the start page and "
                                 "choose one.")
    if len(data) > MAX_UPLOAD:
        raise HTTPException(413, "That file is larger than a post's file can be (1 MB). "
                                 "Check it is the right file.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise HTTPException(400, "That file is not a post's file (it is not text). Check "
                                 "it is the .yaml file of a post.") from None
    doc = parse(text)
    if not isinstance(doc.get("docgen"), int) and "parties" not in doc:
        raise HTTPException(400, "That file does not hold a post's answers. Check it is the "
                                 ".yaml file of a post.")
    again = same_upload(request, data, text)  # already here: reopened, not a second copy
    if again is not None:
        return RedirectResponse(f"/edit/{again.id}/check", 303)
    draft = store(request).new(None, doc=doc)
    draft.visited.update([OPENED])
    store(request).persist(draft)
    return RedirectResponse(f"/edit/{draft.id}/check", 303)


async def delete_get(request: Request) -> Response:
    """"Are you sure you want to delete the draft …?" (a draft is deleted only from here)."""
    draft = store(request).get(request.path_params["draft"])
    if draft is None:
        raise HTTPException(404, "There is no such draft any more (it was deleted, or saved "
                                 "and closed). The start page lists your drafts and posts.")
    return page(request, "delete.html", {"d": describe(request, draft) | {
        "saved": draft.name is not None}})


async def delete(request: Request) -> Response:
    form = await posted(request)
    draft_id = request.path_params["draft"]
    if form.get("confirm") != "yes":  # not from the confirmation page: ask first
        return RedirectResponse(f"/drafts/{draft_id}/delete", 303)
    store(request).delete(draft_id)
    request.app.state.previews.forget(draft_id)  # its preview made in advance: not wanted
    return RedirectResponse("/?deleted=1", 303)


async def tasks(request: Request) -> Response:
    draft = draft_of(request)
    listed, result = sections(request, draft)
    # a section left with "Save and return" holding answers to correct (its slug, checked)
    to_correct = STEP_BY_SLUG.get(request.query_params.get("to_correct") or "")
    return page(request, "tasks.html", {"draft": draft, "tasks": listed,
                                        "progress": progress(listed),
                                        "complete": result.complete,
                                        "choice": choice, "to_correct": to_correct,
                                        "to_choose": to_choose(draft)})


async def check_section(request: Request) -> Response:
    """"Check your answers" for one section, as the task list links a completed one."""
    draft = draft_of(request)
    slug = request.path_params["step"]
    if slug not in STEP_BY_SLUG:
        raise HTTPException(404, f"There is no section called '{slug}'.")
    step = STEP_BY_SLUG[slug]
    result = run_live(request, draft, step.owns)
    problems = [p for p in result.errors if p.path and p.path[0] in step.owns]
    view = draft.view()  # rows still docgen's suggestions are marked, as on the whole page
    return page(request, "check_section.html", {
        "draft": draft, "step": step, "rows": summary_rows(step, view), "problems": problems,
        "suggested": suggested_rows(view, draft.profiles, draft.visited, [step])[slug]})
