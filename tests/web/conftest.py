"""A docgen server on a free loopback port, and Debian's Chromium driven by Playwright.

Chromium and Playwright are required in CI (.ci/run installs them); locally a
missing one skips the browser tests. With $DOCGEN_SCREENSHOTS set (to a folder, or to 1
for ``build/web-screenshots/``), screenshots of each step are kept there for a person to look
at; no test reads them, and they took a third of the browser tests' time, so by default
none is taken.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import pytest
from yaml_text import load_yaml

uvicorn = pytest.importorskip("uvicorn")

from docgen.web import checked, create_app  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "docgen" / "data" / "examples"
#: the Head of HR example's two councils' legal names (their corporate names), which their
#: profiles in inputs/organisations/ give too
EASTWICK, WESTMERE = (p["name"] for p in load_yaml(
    (EXAMPLES / "shared-head-of-hr.yaml").read_text("utf-8"))["parties"])
#: Playwright's own ``--disable-features`` list (playwright-core 1.65's chromiumSwitches.ts),
#: which a second ``--disable-features`` replaces (Chromium keeps a switch's last value) ...
_PLAYWRIGHT_OFF = ("AvoidUnnecessaryBeforeUnloadCheckSync,DestroyProfileOnBrowserClose,"
                   "HttpsUpgrades,HttpsFirstBalancedModeAutoEnable,LensOverlay,MediaRouter,"
                   "PaintHolding,ThirdPartyStoragePartitioning,"
                   "AvoidCorsURLLoaderRestartOnRedirect,TcpPortRandomizationWin,"
                   "OptimizationHints,NetworkTimeServiceQuerying,AimEnabled,PreconnectToSearch")
#: ... and what the tests turn off besides, none of it seen by a page: a new renderer
#: document for every navigation (RenderDocument) and browser services no test uses. A
#: navigation then costs Chromium about 9 ms of CPU where it cost 13; the browser test
#: files' CPU, Chromium's and theirs, falls by about a tenth.
_TESTS_OFF = ("RenderDocument,Translate,AcceptCHFrame,CertificateTransparencyComponentUpdater,"
              "GlobalMediaControls,ImprovedCookieControls,DialMediaRouteProvider")
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
                f"--disable-features={_PLAYWRIGHT_OFF},{_TESTS_OFF}"]


def _missing(what: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{what} is not installed; .ci/run must install it")
    pytest.skip(f"{what} is not installed (apt-get install chromium; pip install playwright)")


class _Uvicorn(uvicorn.Server):
    """uvicorn's server, whose main loop is woken when it is told to stop (``stop``), not
    only at its next tick: stopping it at the end of a test waited 0.05 s on average for
    that tick. The ticks are uvicorn's own (``on_tick``, every 0.1 s)."""

    _loop: asyncio.AbstractEventLoop | None = None

    async def main_loop(self) -> None:
        self._wake = asyncio.Event()
        self._loop = asyncio.get_running_loop()
        counter = 0
        while not await self.on_tick(counter):
            counter = (counter + 1) % 864_000
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(0.1):
                    await self._wake.wait()

    def stop(self) -> None:
        self.should_exit = True
        if self._loop is not None:  # else the loop is not running yet: it sees should_exit
            with contextlib.suppress(RuntimeError):  # the loop has closed: nothing to wake
                self._loop.call_soon_threadsafe(self._wake.set)


class NoPreviewsInAdvance:
    """In place of an app's background executor: "check your answers" asks for the previews
    to be made in advance (``docgen.web.finish._prefetch``) and they are not made (``asked``
    counts the requests). A preview page still makes its own when it is opened."""

    def __init__(self) -> None:
        self.asked = 0

    def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Future[Any]:
        self.asked += 1
        return Future()  # never run: waits until a newer one cancels it


class Server:
    """uvicorn serving ``create_app(folder)`` in a thread, stopped at the end of the test.

    As :class:`~tests.web.helpers.Interview`, it makes no previews in advance unless asked
    (``previews_in_advance``): each visit to "check your answers" queued a render and three
    pandoc runs in the background, CPU the other tests running beside it paid for (a
    preview page still makes its own when it is opened)."""

    def __init__(self, folder: Path, previews_in_advance: bool = False) -> None:
        self.folder = folder
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        app = create_app(folder)
        if not previews_in_advance:
            app.app.state.background = NoPreviewsInAdvance()
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        self.server = _Uvicorn(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:  # up in a few milliseconds
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("docgen serve did not start")
            time.sleep(0.002)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.stop()
        self.thread.join(timeout=10)


@pytest.fixture(autouse=True)
def _checks_not_kept_between_tests() -> None:
    """Each test starts with no check kept (docgen/web/checked.py keeps one a few seconds):
    a test that changes what docgen.check reads must never see the test before's report."""
    checked._KEPT.clear()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder of answer files holding a copy of the Head of HR example."""
    out = tmp_path / "answers"
    out.mkdir()
    shutil.copy(EXAMPLES / "shared-head-of-hr.yaml", out)
    return out


#: the organisation profiles the round 3 journeys start from
PROFILES = Path(__file__).parent / "data" / "organisations"


def begin_page(browser: Any, server: Server, javascript: bool = True) -> Any:
    """A browser page on the start of a new post (the page asking for its partners)."""
    context = browser.new_context(base_url=server.url, java_script_enabled=javascript)
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto("/")
    page.click("#new-post")
    page.wait_for_url("**/begin")
    return page


def new_two_partner_post(browser: Any, server: Server, reference: str,
                         javascript: bool) -> tuple[Any, str]:
    """A page on a new post of the first two profiled partners, the first employing and the
    post-holder not known yet, as the start page makes it; and the post's base address."""
    page = begin_page(browser, server, javascript)
    page.fill("#reference", reference)
    page.check("#partners")
    page.check("#partners-2")
    page.check("#employer")
    page.check("#postholder_known-2")
    page.click("button[value=continue] >> nth=-1")
    page.wait_for_url("**/tasks")
    return page, page.url.rsplit("/", 1)[0]


def add_profiles(folder: Path) -> Path:
    """``folder`` with the test organisations' profiles in ``organisations/``."""
    shutil.copytree(PROFILES, folder / "organisations")
    return folder


@pytest.fixture
def server(folder: Path) -> Iterator[Server]:
    with Server(folder) as running:
        yield running


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright (the Python package)")
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        _missing("chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=exe, args=BROWSER_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1200, "height": 900},
                                  base_url=server.url)
    page = context.new_page()
    page.set_default_timeout(20_000)
    yield page
    context.close()


@pytest.fixture(scope="session")
def shots() -> Path:
    wanted = os.environ.get("DOCGEN_SCREENSHOTS", "")
    out = ROOT / "build" / "web-screenshots" if wanted in ("", "1") else Path(wanted)
    if wanted:
        out.mkdir(parents=True, exist_ok=True)
    return out


def screenshot(page: Any, path: Path) -> None:
    """A full-page screenshot at ``path`` when $DOCGEN_SCREENSHOTS asks for them."""
    if os.environ.get("DOCGEN_SCREENSHOTS"):
        path.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(path), full_page=True)
