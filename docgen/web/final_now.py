"""A recruit's post final without its contract (About's "final now" button), and the
contract made again, with the status checked again, once the appointee is named."""

from __future__ import annotations

from starlette.requests import Request

from docgen.errors import Problem
from docgen.web.before_final import (
    WITHOUT_CONTRACT,
    WITHOUT_CONTRACT_NAMES,
    recruiting,
    refusal,
)
from docgen.web.drafts import Draft
from docgen.web.guards import Refused, final_open, refuse_final, todo
from docgen.web.pages import source
from docgen.web.tasks import to_confirm

#: About's button (shown with a refusal, see interview's ``_refused_page``): a recruit's
#: post final without its contract, which is made once the appointee is known
FINAL_NOW = "final-without-contract"
FINAL_NOW_SAID = f"Make the {WITHOUT_CONTRACT_NAMES} final now"

#: "final now" sent from a page shown before the appointee was named (another tab)
NAMED_SINCE = f"The {WITHOUT_CONTRACT_NAMES} were not made final alone: the person " \
    "appointed has been named since this page was shown, so their contract is made too. " \
    "To make all three final, choose \u2018Final\u2019 and press Continue"


def final_now(request: Request, draft: Draft) -> Refused | None:
    """:data:`FINAL_NOW`: the post final, making the agreement and job specification only;
    refused (and nothing kept) when more than the contract stands in the way, or when the
    post is no longer a recruit's whose contract alone waits (the appointee named since
    the button was shown: their contract is not dropped)."""
    plain = {**source(draft), "status": "final"}
    if not recruiting(plain):  # the appointee named since (a recruit's other answers still
        # to give are refused below, listing what the agreement and job spec need)
        found = final_open(plain, request.app.state.folder)
        found.suggested = [s.slug for s in to_confirm(draft)]
        if not found:
            return Refused(Problem(NAMED_SINCE, ("status",), code="final_refused"))
        return Refused(Problem(refusal(found), ("status",), code="final_refused"),
                       todo(draft, found))
    kinds = draft.doc.get("documents")
    draft.doc["documents"] = list(WITHOUT_CONTRACT)
    was = draft.doc.get("status")
    draft.doc["status"] = "final"
    refused = refuse_final(request, draft, was)
    if refused is not None:
        if kinds is None:
            draft.doc.pop("documents", None)
        else:
            draft.doc["documents"] = kinds
    return refused


#: said on the next page when naming the appointee makes a final post a draft again
DRAFT_AGAIN = {
    "heading": "This post is a draft again",
    "text": "Now the person appointed is named, their contract is made too, and it cannot "
            "be final until every answer it needs is given and every warning is accepted "
            "or put right. When they are, choose \u2018Final\u2019 on About:",
    "links": []}


def contract_again(request: Request, draft: Draft) -> None:
    """A post-holder named on a post made final without its contract (:data:`FINAL_NOW`):
    the contract is made again, with the rest (docgen's default documents); the post stays
    final only if all three can be (else it is a draft again, and the next page says
    why): kept final, every document would be refused."""
    if not (isinstance(draft.doc.get("postholder"), dict) and
            draft.doc.get("documents") == WITHOUT_CONTRACT):
        return
    draft.doc.pop("documents", None)
    if draft.doc.get("status") != "final":
        return
    if final_open(source(draft), request.app.state.folder):
        draft.doc["status"] = "draft"
        draft.notice = {**DRAFT_AGAIN, "links": [("About", f"/edit/{draft.id}/about")]}
