""""Final" and a clause overlay written for an older standard clause (OVERLAY), in the
interview: the employer's organisation profile names the overlay's folder, so docgen's check
(which the interview asks) gives the warning at the employer, with the documents its clause
is in. "Final" is refused while it is open and the post asks for one of them, and the
interview never offers to accept it (it cannot be: the overlay must be brought up to date);
a post asking only for other documents is made final, told the warning needs nothing of it
(it was told the agreement it does not have could not be final)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from yaml_text import load_yaml

pytest.importorskip("starlette")

from docgen.web.checking import live  # noqa: E402
from docgen.web.messages import final_open, problem_text  # noqa: E402

from .helpers import Browser, Shown, own_wording_warning  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
FOI = ROOT / "docgen" / "data" / "clauses" / "agreement" / "1300-foi.yaml"


def _post(folder: Path, more: str = "") -> str:
    """The Head of HR example (its parties by id) in ``folder``, whose Eastwick profile
    names a clause folder holding an overlay of the agreement's FOI clause written for
    its version 1 (it is at 2)."""
    shutil.copytree(ROOT / "inputs" / "organisations", folder / "organisations")
    words = folder / "organisations" / "eastwick-clauses"
    words.mkdir()
    (words / "agreement.foi.yaml").write_text(FOI.read_text("utf-8").replace(
        "\nversion: 2\n", "\nversion: 9\nreplaces_version: 1\n", 1), "utf-8")
    profile = folder / "organisations" / "eastwick.yaml"
    profile.write_text(profile.read_text("utf-8").replace(
        "docgen_organisation: 1\n", "docgen_organisation: 1\nclauses: [eastwick-clauses]\n"),
        "utf-8")
    text = (ROOT / "inputs" / "shared-head-of-hr.yaml").read_text("utf-8")
    parties = text.split("parties:\n", 1)[1].split("\n\n", 1)[0]
    return text.replace("parties:\n" + parties, "parties: [eastwick, westmere]") + more


def _final(tmp_path: Path, more: str = "") -> tuple[Browser, Shown]:
    web = Browser.on(tmp_path, "post.yaml", _post(tmp_path, more))
    return web, web.press(web.go(f"{web.base}/about"), status="final")


#: the warning as check your answers says it: whose wording, the clause by its title, the
#: document it is in, and who can put it right
SAID = ("Eastwick's own wording of the \u2018Freedom of information\u2019 clause in the "
        "inter-organisation agreement was written for an earlier version of docgen's standard "
        "clause. Ask whoever looks after Eastwick's organisation profile to review it; until "
        "then the inter-organisation agreement cannot be final")
#: what docgen's message says for whoever keeps the clause folder, never for an HR officer
#: (a file, the clause id, the YAML key, the jargon)
NOT_SAID = ("eastwick-clauses", ".yaml", "agreement.foi", "replaces_version",
            "replaces version", "overlay", "version 2")


def _warned(web: Browser) -> str:
    """The warning about the wording as check your answers shows it (none of docgen's words
    for the clause folder's keeper in it, no offer to accept it)."""
    warning = own_wording_warning(web)
    said = " ".join(warning.text_content().split())
    for word in NOT_SAID:
        assert word not in said.lower(), (word, said)
    assert not warning.xpath(".//textarea | .//button"), said  # nothing to accept
    return said.removeprefix("! Warning ")


def test_final_is_refused_with_the_way_out_and_no_offer_to_accept(tmp_path: Path) -> None:
    web, refused = _final(tmp_path)
    assert refused.status == 422, refused.text()
    said = refused.text("//div[contains(@class, 'govuk-error-summary')]")
    assert "It cannot be final yet: 1 warning is not put right." in said, said
    [[todo, href]] = refused.links("//div[@id='before-final']//a")
    assert todo == ("Ask whoever looks after Eastwick's organisation profile to review "
                    "Eastwick's own wording of the \u2018Freedom of information\u2019 clause "
                    "(this warning cannot be accepted)")
    # no question puts it right: the link is to the warning, not the employer's question
    assert href.endswith("/check#warnings")
    # the live check's words for the refusal, as check your answers shows them
    data = {**load_yaml((tmp_path / "post.yaml").read_text("utf-8")), "status": "final"}
    [final] = [problem_text(p.message, p.path, code=p.code)
               for p in live(data, workspace=tmp_path).errors]
    assert final.endswith("The post cannot be final yet: 1 warning is not put right. Put "
                          "right each warning (a warning about an organisation's own wording "
                          "of a clause cannot be accepted), or choose \u2018Draft\u2019"), final
    assert "accept or" not in (said + todo + final).lower()
    for word in NOT_SAID:
        assert word not in (said + todo + final).lower(), word
    assert _warned(web) == SAID


def test_the_posts_own_wording_is_said_as_the_posts(tmp_path: Path) -> None:
    """An overlay in a folder the post's own ``clauses`` names: the post's own wording."""
    folder = tmp_path / "post-clauses"
    folder.mkdir()
    (folder / "agreement.foi.yaml").write_text(FOI.read_text("utf-8").replace(
        "\nversion: 2\n", "\nversion: 9\nreplaces_version: 1\n", 1), "utf-8")
    text = (ROOT / "inputs" / "shared-head-of-hr.yaml").read_text("utf-8")
    web = Browser.on(tmp_path, "post.yaml", text + "clauses: [post-clauses]\n")
    assert _warned(web) == (
        "This post's own wording of the \u2018Freedom of "
        "information\u2019 clause in the inter-organisation agreement was written for an "
        "earlier version of docgen's standard clause. Ask whoever gave this post its own "
        "wording of clauses to review it; until then the inter-organisation agreement "
        "cannot be final")
    refused = web.press(web.go(f"{web.base}/about"), status="final")
    [[todo, href]] = refused.links("//div[@id='before-final']//a")
    assert todo.startswith("Ask whoever gave this post its own wording of clauses to review "
                           "this post's own wording of the \u2018Freedom of information\u2019")
    assert href.endswith("/check#warnings")


def test_a_post_without_the_overlays_document_is_made_final(tmp_path: Path) -> None:
    web, saved = _final(tmp_path, "documents: [contract, job_spec]\n")
    assert saved.status == 200 and saved.url.endswith("/check"), saved.text()
    draft = web.client.app.app.state.store.get(web.base.rsplit("/", 1)[1])
    assert draft is not None and draft.doc["status"] == "final"
    # warned, not counted, and not of the agreement it does not have: nothing to do for it
    assert _warned(web) == (
        "Eastwick's own wording of the \u2018Freedom of information\u2019 clause was written "
        "for an earlier version of docgen's standard clause. That clause is in none of this "
        "post's documents, so nothing needs doing for this post")


def test_with_other_warnings_open_accepting_is_offered_for_those_alone() -> None:
    assert final_open(0, 3, 1) == (
        "The post cannot be final yet: 3 warnings are not accepted or put right. Accept or "
        "put right each warning (one about an organisation's own wording of a clause can "
        "only be put right), or choose \u2018Draft\u2019")
    assert final_open(0, 2) == (  # no overlay: the words as they were
        "The post cannot be final yet: 2 warnings are not accepted or put right. Accept or "
        "put right each warning, or choose \u2018Draft\u2019")
