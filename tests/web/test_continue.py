"""Continue goes to the next section that still needs answers, never through sections
already completed: an HR officer starting a post of two profiled councils was walked
through Post-holder, Confidentiality, Conflicts of interest, Governance, Review and Exit,
each already answered by the start page, and pressed Continue on each without changing a
thing. A "Change" link from check your answers still returns there."""

from __future__ import annotations

import shutil
from pathlib import Path

import lxml.html
import pytest

pytest.importorskip("starlette")

from docgen.web.tasks import remember_back  # noqa: E402

from .helpers import Interview  # noqa: E402
from .walk import (  # noqa: E402
    TWO_COUNCILS,
    begin_council_and_nhs,
    begin_two_councils,
    walk,
    walk_from,
)

HERE = Path(__file__).resolve().parent
EXAMPLES = HERE.parents[1] / "docgen" / "data" / "examples"


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    out = tmp_path / "workspace"
    shutil.copytree(HERE / "data" / "organisations", out / "organisations")
    shutil.copy(EXAMPLES / "shared-head-of-hr.yaml", out)
    return out


def test_continue_skips_the_sections_the_start_page_completed(workspace: Path) -> None:
    web = Interview(workspace)
    tasks = begin_two_councils(web)
    seen = walk(web, TWO_COUNCILS, tasks)
    # before: tasks, post, postholder, time-split, payment, confidentiality, conflicts,
    # management, governance, review, exit, job, check (13 pages, 6 of them wasted);
    # conflicts, governance, review and exit hold docgen's suggestions (judgements for the
    # partners), which Continue on their pages confirms: walked, not left for Final to refuse
    assert seen == ["tasks", "post", "time-split", "payment", "conflicts", "management",
                    "governance", "review", "exit", "job", "check"]
    assert "Suggested answers" not in web.task_states().values()
    check = web.client.get(f"{web.base}/check").text
    assert "There is a problem" not in check


def test_the_last_section_left_leads_to_check_your_answers(workspace: Path) -> None:
    web = Interview(workspace)
    web.open("shared-head-of-hr.yaml")  # every section completed
    response = web.submit("payment", payment__salary="£95,000")
    assert response.status_code == 200 and response.url.path.endswith("/check")


def test_a_section_left_with_answers_missing_is_next_even_if_earlier(workspace: Path) -> None:
    """Continue from the last open section goes back round to one still open, rather
    than to check your answers with the post unfinished."""
    web = Interview(workspace)
    begin_two_councils(web)
    for slug in ("post", "time-split", "payment", "management"):
        web.submit(slug, **{k.replace(".", "__"): v for k, v in TWO_COUNCILS[slug].items()})
    # the job is still open; the post is changed and left without its title
    web.submit("post", post__title="")
    response = web.submit("job", **{k.replace(".", "__"): v
                                    for k, v in TWO_COUNCILS["job"].items()})
    assert response.status_code == 200 and response.url.path.endswith("/post")


@pytest.mark.parametrize(("then", "lands"), [("check", "/check"),
                                              ("section", "/check/payment")])
def test_a_change_link_still_returns_where_it_came_from(workspace: Path, then: str,
                                                        lands: str) -> None:
    web = Interview(workspace)
    begin_two_councils(web)  # most sections still open: Continue would go to one of them
    values = web.form("payment")
    values.update({"payment.salary": ["52000"], "then": [then], "action": ["continue"]})
    response = web.client.post(f"{web.base}/payment", data=values)
    assert response.status_code == 200 and response.url.path.endswith(lands)


ICB = "southvale"  # the id docgen new would give "Southvale Integrated Care Board"
#: what a council and NHS Director of Public Health still needs after the start page
DPH: dict[str, dict[str, str]] = {
    "post": {"post.title": "Joint Director of Public Health",
             "post.purpose": "To lead the protection and improvement of health.",
             "post.start_date-day": "1/5/2027", "post.hours_per_week": "37",
             "post.politically_restricted": "yes"},
    "postholder": {"postholder.name": "Dr Sarah Lindqvist",
                   "postholder.address": "7 Abbey Close, Northbridge NB4 6TT",
                   "postholder.consulted_on-day": "2/2/2027"},
    "time-split": {"time_split.shares.eastwick": "70", f"time_split.shares.{ICB}": "30"},
    "payment": {"payment.salary": "126000"},
    "management": {"management.line_managers.eastwick": "Chief Executive",
                   f"management.line_managers.{ICB}": "Chief Medical Officer"},
    "job": TWO_COUNCILS["job"],
}


def test_a_council_and_nhs_post_walks_only_the_sections_still_open(workspace: Path) -> None:
    web = Interview(workspace)
    partner = begin_council_and_nhs(web)
    form = next(f for f in lxml.html.fromstring(partner).forms
                if f.get("action", "").endswith("/partners/1"))
    values = dict(form.form_values())
    values.update({"parties.1.short_name": "the ICB", "action": "continue",
                   "parties.1.address": "1 Health Way, Southvale SV1 1AA",
                   "parties.1.signatory.name": "Dr Ann Lee",
                   "parties.1.signatory.title": "Chief Executive",
                   "parties.1.notices.title": "Board Secretary",
                   "parties.1.notices.email": "board@southvale.example.nhs.uk"})
    listed = web.client.post(f"{web.base}/partners/1", data=values)
    assert listed.url.path.endswith("/partners"), listed.url
    seen = walk_from(web, DPH, "partners")
    # the council's standing answers do not fit a post with an NHS partner (they speak of
    # councils): the sections they filled are walked too, not passed as completed
    assert seen == ["partners", "post", "postholder", "time-split", "payment",
                    "confidentiality", "conflicts", "management", "governance", "review",
                    "exit", "job", "check"]
    check = web.client.get(f"{web.base}/check").text
    assert "There is a problem" not in check


def test_back_returns_to_the_section_continue_came_from(workspace: Path) -> None:
    """Continue now passes completed sections, so Back on Time split, reached from The
    post, led to Post-holder, a page the officer never saw; it leads to The post."""
    web = Interview(workspace)
    begin_two_councils(web)
    values = {k.replace(".", "__"): v for k, v in TWO_COUNCILS["post"].items()}
    response = web.submit("post", **values)
    assert response.url.path.endswith("/time-split")
    back = web.submit("time-split", action="back")  # Back: a button of the page's form
    assert back.url.path == f"{web.base.removeprefix('http://testserver')}/post", back.url


def test_back_still_returns_there_after_a_restart(workspace: Path) -> None:
    """Where Continue came from was kept in memory only: after "Save and come back later"
    and a restart of the server, Back on Time split led to Post-holder again."""
    web = Interview(workspace)
    begin_two_councils(web)
    values = {k.replace(".", "__"): v for k, v in TWO_COUNCILS["post"].items()}
    assert web.submit("post", **values).url.path.endswith("/time-split")
    assert web.submit("time-split", action="later").url.path == "/"
    again = Interview(workspace)  # a new server on the same folder
    again.base = web.base
    back = again.submit("time-split", action="back")  # Back: a button of the page's form
    assert back.url.path == f"{web.base.removeprefix('http://testserver')}/post", back.url


def test_back_never_loops_between_two_sections() -> None:
    """Continue from A to C and, later, from C round to A remembered both ways: Back went
    A, C, A, C... Only a forward Continue is remembered."""
    came: dict[str, str] = {}
    remember_back(came, "post", "payment")  # forward
    assert came == {"payment": "post"}
    remember_back(came, "payment", "post")  # round to an earlier section
    assert came == {"payment": "post"}  # Back on The post: the section before it
