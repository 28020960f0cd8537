"""Previews made in advance (docgen/web/previews.py) are one job a draft, for its answers as
they are now, and a few at most: a change cancels the job for the earlier answers (or stops
it between documents), so stale renders neither pile up nor keep the background thread.

No test waits on time: each job that must still be running waits on an event the test
sets, and the test waits on the jobs' futures.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

pytest.importorskip("starlette")

from docgen.web.previews import Previews, content_key  # noqa: E402

from .helpers import Interview, NoPreviewsInAdvance  # noqa: E402

WAIT = 30  # seconds: only ever reached when something is broken


@pytest.fixture
def pool() -> Iterator[ThreadPoolExecutor]:
    with ThreadPoolExecutor(max_workers=1) as one:  # the app's: one thread, jobs in order
        yield one


def _job(made: list[tuple[str, str]], name: str, rendering: threading.Event | None = None,
         started: threading.Event | None = None) -> Callable[[Callable[[], bool]], None]:
    """A preview job as finish._prefetch makes one: a render (here, waiting for
    ``rendering`` to be set), then each document converted unless the job is no longer
    wanted."""
    def run(wanted: Callable[[], bool]) -> None:
        if started is not None:
            started.set()
        if rendering is not None:
            assert rendering.wait(WAIT)
        for document in ("agreement", "contract", "job_spec"):
            if not wanted():
                return
            made.append((name, document))
    return run


def test_a_change_cancels_the_waiting_preview_and_stops_the_running_one(pool) -> None:
    made: list[tuple[str, str]] = []
    rendering, started = threading.Event(), threading.Event()
    previews = Previews()
    first = previews.ask(pool, "draft", "answers 1", _job(made, "1", rendering, started))
    assert first is not None and started.wait(WAIT)  # rendering the first answers
    second = previews.ask(pool, "draft", "answers 2", _job(made, "2"))
    third = previews.ask(pool, "draft", "answers 3", _job(made, "3"))
    assert second is not None and second.cancelled()  # never started, never will
    assert previews.outstanding() == 1  # only the newest answers' job is counted
    rendering.set()
    assert third is not None
    third.result(WAIT)
    first.result(WAIT)
    # the first job's render ended after the answers changed: none of its documents was
    # converted, and the second's job never ran
    assert made == [("3", "agreement"), ("3", "contract"), ("3", "job_spec")]
    assert previews.ask(pool, "draft", "answers 3", _job(made, "again")) is None  # made
    assert previews.outstanding() == 0


def test_the_jobs_waiting_or_running_are_bounded_across_drafts(pool) -> None:
    made: list[tuple[str, str]] = []
    rendering, started = threading.Event(), threading.Event()
    previews = Previews(bound=3)
    futures = [previews.ask(pool, "draft 0", "answers", _job(made, "0", rendering, started))]
    assert started.wait(WAIT)
    for i in range(1, 10):  # nine more drafts while the first still renders
        futures.append(previews.ask(pool, f"draft {i}", "answers", _job(made, str(i))))
        assert previews.outstanding() <= 3
    assert all(f is not None and f.cancelled() for f in futures[1:7])  # the oldest gave way
    rendering.set()
    for f in futures:
        assert f is not None
        if not f.cancelled():
            f.result(WAIT)
    assert sorted({name for name, _ in made}) == ["7", "8", "9"]  # the first stopped too


def test_a_deleted_draft_forgets_its_preview(pool) -> None:
    made: list[tuple[str, str]] = []
    rendering, started = threading.Event(), threading.Event()
    previews = Previews()
    running = previews.ask(pool, "other", "answers", _job(made, "other", rendering, started))
    assert running is not None and started.wait(WAIT)
    waiting = previews.ask(pool, "draft", "answers", _job(made, "draft"))
    previews.forget("draft")
    previews.forget("other")
    assert waiting is not None and waiting.cancelled() and previews.outstanding() == 0
    rendering.set()
    running.result(WAIT)
    assert made == []


def test_check_your_answers_asks_again_only_when_the_answers_change(folder) -> None:
    """Through the app: the same answers are asked for once; changed answers cancel the
    job for the earlier ones; deleting the draft cancels its job."""
    web = Interview(folder, previews_in_advance=False)  # jobs asked for, never run
    state = web.client.app.app.state
    background, previews = state.background, state.previews
    assert isinstance(background, NoPreviewsInAdvance)
    web.open("shared-head-of-hr.yaml")  # lands on "check your answers"
    web.client.get(f"{web.base}/check")
    assert background.asked == 1 and previews.outstanding() == 1
    [(first_key, first)] = previews._jobs.values()
    assert web.submit("exit", exit__notice_months="9").status_code in (200, 303)
    web.client.get(f"{web.base}/check")
    assert background.asked == 2 and first.cancelled() and previews.outstanding() == 1
    [(key, newest)] = previews._jobs.values()
    assert key != first_key
    draft_id = web.base.rsplit("/", 1)[-1]
    response = web.client.post(f"/drafts/{draft_id}/delete",
                               data={"csrf_token": web.token, "confirm": "yes"})
    assert response.status_code in (200, 303)
    assert newest.cancelled() and previews.outstanding() == 0


def test_the_key_is_the_answers_rendered_with_each_value_of_its_own_type() -> None:
    """A job is keyed by the answers it renders: the same answers give the same key, a date
    and the string of its digits (which docgen reads differently) do not."""
    answers = {"reference": "EWK-01", "start_date": dt.date(2027, 4, 1), "fte": 1.0}
    assert content_key(answers) == content_key(dict(answers))
    assert content_key(answers) != content_key({**answers, "start_date": "2027-04-01"})
    assert content_key(answers) != content_key({**answers, "fte": 0.8})


def test_a_key_json_cannot_write_still_gives_a_key() -> None:
    """A base file (``extends``) may hold a mapping keyed by a date or a number beside text:
    "check your answers" must still open (the key is made another way)."""
    odd = {"notes": {dt.date(2027, 4, 1): "start", "text": "x"}}
    assert content_key(odd) == content_key({"notes": {dt.date(2027, 4, 1): "start",
                                                      "text": "x"}})
    assert content_key(odd) != content_key({"notes": {dt.date(2027, 4, 2): "start",
                                                      "text": "x"}})
