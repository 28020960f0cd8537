"""Continue goes to the next section that still needs answers, never through sections
already completed: an HR officer starting a post of two profiled councils was walked
through Post-holder, Confidentiality, Conflicts of interest, Governance, Review and Exit,
each already answered by the start page, and pressed Continue on each without changing a
thing. A "Change" link from check your answers still returns there."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest.importorskip("starlette")

from .helpers import Interview  # noqa: E402
from .walk import TWO_COUNCILS, begin_two_councils, walk  # noqa: E402

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
    # management, governance, review, exit, job, check (13 pages, 6 of them wasted)
    assert seen == ["tasks", "post", "time-split", "payment", "management", "job", "check"]
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
