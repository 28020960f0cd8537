"""An HTTP client that fills in the interview's forms as a browser without JavaScript would;
and every page in Chromium checked for sideways scrolling and by axe-core."""

from __future__ import annotations

import json
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Self
from urllib.parse import urldefrag, urljoin

import lxml.html
import yaml
from starlette.testclient import TestClient

from docgen.web import create_app
from docgen.web.fields import STEPS

from .conftest import EXAMPLES, Server, screenshot
from .conftest import NoPreviewsInAdvance as NoPreviewsInAdvance


class Interview:
    """Opens answer files and sends each step's form with its current values (plus changes).

    By default (``previews_in_advance`` false) the app makes no previews in the background
    (see ``NoPreviewsInAdvance``): each costs a render and three pandoc runs, which went on
    into the tests after the one that opened the post, for a test that never previews (a
    preview page still makes its own). Every visit to "check your answers" queued them: two
    thirds of the CPU of test_audit.py, half of test_continue.py's and test_drafts.py's.
    The tests of previews made in advance ask for them (``previews_in_advance=True``)."""

    previews_in_advance = False

    def __init__(self, folder: Path, previews_in_advance: bool | None = None,
                 **kw: object) -> None:
        self.folder = folder
        kw.setdefault("extra_hosts", ("testserver",))
        app = create_app(folder, **kw)
        if not (self.previews_in_advance if previews_in_advance is None
                else previews_in_advance):
            app.app.state.background = NoPreviewsInAdvance()
        self.client = TestClient(app, raise_server_exceptions=False)
        self.client.get("/")  # the CSRF cookie
        self.base = ""

    @classmethod
    def opened(cls, folder: Path, name: str) -> Self:
        """A worked example (docgen's, ``name``) copied into ``folder`` and opened there."""
        shutil.copy(EXAMPLES / name, folder)
        web = cls(folder)
        web.open(name)
        return web

    @property
    def token(self) -> str:
        return self.client.cookies.get("docgen_csrf") or ""

    def kept(self) -> dict[str, Any] | None:
        """The answers of the draft as kept on disk (what a restart would open), or None
        when none is kept there."""
        store = self.client.app.app.state.store  # type: ignore[attr-defined]
        path = store.home / f"{self.base.rsplit('/', 1)[1]}.json"
        if not path.is_file():
            return None
        answers = yaml.safe_load(json.loads(path.read_text("utf-8"))["text"])
        assert isinstance(answers, dict), answers
        return answers

    def on_disk(self) -> dict[str, Any]:
        """:meth:`kept`, which must be there."""
        answers = self.kept()
        assert answers is not None, "no draft kept on disk"
        return answers

    def task_states(self) -> dict[str, str]:
        """Each section's state on the task list, by its name."""
        page = Shown(self.client.get(f"{self.base}/tasks"))
        return {" ".join(li.xpath(".//a|.//*[contains(@class,'govuk-task-list__name')]")[0]
                         .text_content().split()):
                " ".join(li.xpath(".//*[contains(@class,'govuk-task-list__status')]")[0]
                         .text_content().split())
                for li in page.find("//li[contains(@class,'govuk-task-list__item')]")}

    def open(self, name: str) -> str:
        response = self.client.get(f"/open/{name}")
        assert response.status_code == 200, response.text
        self.base = str(response.url).rsplit("/", 1)[0]
        return response.text

    def new(self, example: str = "") -> None:
        response = self.client.post("/new", data={"csrf_token": self.token, "example": example})
        assert response.status_code == 200, response.text
        self.base = str(response.url).rsplit("/", 1)[0]

    def begin(self, reference: str, partners: tuple[str, ...] = ("eastwick", "westmere"),
              employer: str = "eastwick", postholder_known: str = "no",
              **more: str) -> Any:
        """A new post as the start page makes it: ``reference``, the profiled ``partners``,
        the ``employer`` and whether the post-holder is known (``more``: other fields of the
        page, e.g. ``other_name``); the response to Continue."""
        self.new()
        response = self.client.post(f"{self.base}/begin", data={
            "csrf_token": self.token, "action": "continue", "reference": reference,
            "partners": list(partners), "employer": employer,
            "postholder_known": postholder_known, **more})
        self.base = str(response.url).rsplit("/", 1)[0]
        return response

    def remove_partner(self, index: int) -> Any:
        """Remove partner ``index`` as a person does: "Yes, remove" on its confirmation page
        (the form names the partner it asks about)."""
        asked = self.client.get(f"{self.base}/partners/{index}/remove")
        form = next(f for f in lxml.html.fromstring(asked.text).forms
                    if f.get("action", "").endswith(f"/partners/{index}/remove"))
        return self.client.post(f"{self.base}/partners/{index}/remove",
                                data=dict(form.form_values()))

    def form(self, slug: str) -> dict[str, list[str]]:
        html = self.client.get(f"{self.base}/{slug}").text
        form = next(f for f in lxml.html.fromstring(html).forms if f.get("id") == "step-form")
        values: dict[str, list[str]] = {}
        for key, value in form.form_values():
            values.setdefault(key, []).append(value)
        return values

    def submit(self, slug: str, action: str = "continue", **changes: str):  # noqa: ANN201
        values = self.form(slug)
        for key, value in changes.items():
            values[key.replace("__", ".")] = [value]
        values["action"] = [action]
        return self.client.post(f"{self.base}/{slug}", data=values)

    def save(self, name: str):  # noqa: ANN201
        return self.client.post(f"{self.base}/save", data={"csrf_token": self.token,
                                                           "name": name})


class Shown:
    """A page as a browser without JavaScript shows it: the address reached (after any
    redirect), the status, and the HTML read by lxml: boxes, choices, the error summary."""

    def __init__(self, response: Any) -> None:
        self.url = str(response.url)
        self.path: str = response.url.path
        self.status: int = response.status_code
        self.html = lxml.html.fromstring(response.text)

    def find(self, xpath: str) -> list[Any]:
        return list(self.html.xpath(xpath))

    def by_id(self, id_: str) -> Any:
        """The element with ``id_`` (exactly one), as ``#id_`` finds in a browser."""
        found = self.find(f"//*[@id='{id_}']")
        assert len(found) == 1, (id_, len(found), self.url)
        return found[0]

    def value(self, name: str) -> str:
        """What the one box named ``name`` holds."""
        found = self.find(f"//input[@name='{name}'] | //textarea[@name='{name}']")
        assert len(found) == 1, (name, len(found), self.url)
        return str(found[0].value or "")

    def typed(self, by_id: Mapping[str, str]) -> dict[str, str]:
        """``by_id`` (a box's id: what is typed in it) by the boxes' names, to press with."""
        return {self.by_id(id_).get("name"): value for id_, value in by_id.items()}

    def checked(self, name: str) -> list[str]:
        """The values of the radios or boxes named ``name`` that are chosen."""
        return [str(e.get("value")) for e in self.find(f"//input[@name='{name}'][@checked]")]

    def label(self, element: Any) -> str:
        """The text of ``element``'s label."""
        return self.text(f"//label[@for='{element.get('id')}']")

    def text(self, xpath: str = "//main") -> str:
        """The text of the elements at ``xpath``, each run of white space one space; one
        found inside another is read with it, once (``//div[contains(@class,
        'govuk-error-summary')]`` finds the summary and its body too: its list read twice)."""
        found = self.find(xpath)
        return " ".join(" ".join(e.text_content() for e in found if not any(
            a in found for a in e.iterancestors())).split())

    def section(self, heading: str) -> str:
        """The words from the ``h2`` ``heading`` to the next ``h2`` or the page's end."""
        h2 = self.find(f"//h2[normalize-space()='{heading}']")
        assert len(h2) == 1, self.text()
        words = []
        for e in h2[0].itersiblings():
            if e.tag == "h2":
                break
            words.append(" ".join(e.text_content().split()))
        return " ".join(words)

    def errors(self) -> list[list[str]]:
        """[text, href] of each link in the error summary."""
        return [[" ".join(a.text_content().split()), a.get("href")] for a in self.find(
            "//div[contains(@class, 'govuk-error-summary')]//a")]

    def links(self, xpath: str) -> list[list[str]]:
        """[text, href] of each link at ``xpath``."""
        return [[" ".join(a.text_content().split()), a.get("href")] for a in self.find(xpath)]


class Browser(Interview):
    """An ``Interview`` that moves only as a person does in a browser without JavaScript:
    by a link's address (``go``) or by a button on the page shown (``press``), which sends
    that button's form as the page has it, with what was typed or chosen."""

    @classmethod
    def on(cls, folder: Path, name: str, text: str) -> Browser:
        """A browser on the post ``name`` (written with ``text`` in ``folder``), opened."""
        (folder / name).write_text(text, encoding="utf-8")
        web = cls(folder)
        web.open(name)
        return web

    def go(self, href: str, page: Shown | None = None) -> Shown:
        """The page at ``href`` (relative to ``page``'s address; its #fragment not sent)."""
        return Shown(self.client.get(urldefrag(urljoin(page.url if page else
                                                       "http://testserver/", href))[0]))

    def follow(self, page: Shown, link_id: str) -> Shown:
        """The page the link ``#link_id`` on ``page`` goes to."""
        return self.go(page.by_id(link_id).get("href"), page)

    def back(self, page: Shown) -> Shown:
        """Back pressed on ``page``: a section's page's Back button (a button of its form,
        which saves the page as typed first, step.html), else its back link followed."""
        if page.find("//button[@id='back']"):
            return self.press(page, "#back")
        return self.go(page.find("//a[contains(@class, 'govuk-back-link')]")[0].get("href"),
                       page)

    def start(self, reference: str, **fields: str | list[str]) -> Shown:
        """"Start a new post" pressed, then Continue with ``reference`` and ``fields``; by
        default the first two profiled partners, the first employing, the post-holder not
        known yet (as conftest's ``new_two_partner_post``)."""
        page = self.press(self.go("/"), "#new-post")
        assert page.path.endswith("/begin"), page.url
        return self.press(page, reference=reference, **{
            "partners": ["eastwick", "westmere"], "employer": "eastwick",
            "postholder_known": "no", **fields})

    def press(self, page: Shown, button: str = "continue",
              fields: Mapping[str, str | list[str]] | None = None,
              files: Mapping[str, tuple[str, bytes, str]] | None = None, **more: str) -> Shown:
        """Press ``button`` on ``page`` (``#id``, else the value of a button named action)
        after typing or choosing ``fields`` and ``more`` (by name, ``__`` for ``.`` in
        ``more``; a list for several boxes ticked): the button's form (the one around it
        or that its ``form`` names) is sent as a browser sends it. Each field must be on
        that form and not hidden, and a choice one of its own; a file only goes with a
        multipart form."""
        if button.startswith("#"):
            pressed = page.by_id(button[1:])
        else:
            found = page.find(f"//button[@name='action'][@value='{button}']")
            assert found, (button, page.url)
            pressed = found[-1]
        owner = pressed.get("form")
        form = page.by_id(owner) if owner else next(pressed.iterancestors("form"))
        values: dict[str, list[str]] = {}
        for key, value in form.form_values():
            values.setdefault(key, []).append(value)
        # boxes and choices outside the form that name it (form="…") are sent with it too
        outside = [e for e in page.find(f"//*[@form='{form.get('id')}']")
                   if e.tag in ("input", "textarea", "select") and e.get("name")] \
            if form.get("id") else []
        for e in outside:
            if e.get("type") in ("radio", "checkbox") and e.get("checked") is None:
                continue
            if e.get("type") not in ("submit", "button", "image", "file"):
                values.setdefault(e.get("name"), []).append(
                    e.text or "" if e.tag == "textarea" else e.get("value", ""))
        for e in form.inputs:  # lxml sends a chosen radio's value="" as "on"; a browser, ""
            if e.get("type") in ("radio", "checkbox") and e.get("value") == "" and (
                    e.get("checked") is not None):
                values[e.get("name")] = ["" if v == "on" else v for v in values[e.get("name")]]
        names = {e.get("name") for e in [*form.inputs, *outside] if e.get("type") != "hidden"}
        changes = {**(fields or {}), **{k.replace("__", "."): v for k, v in more.items()}}
        for name, value in changes.items():
            assert name in names, (name, "is not on the form", page.url)
            values[name] = [value] if isinstance(value, str) else list(value)
            offered = [e.get("value") for e in form.inputs if e.get("name") == name
                       and e.get("type") in ("radio", "checkbox")] + [
                o.get("value", o.text) for o in form.xpath(f".//select[@name='{name}']//option")]
            assert not offered or set(values[name]) <= set(offered), (name, value, offered)
        if pressed.get("name"):
            values[pressed.get("name")] = [pressed.get("value", "")]
        if files:
            assert form.get("enctype") == "multipart/form-data", form.get("enctype")
        address = urljoin(page.url, form.get("action") or page.url)
        if (form.get("method") or "get").lower() != "post":
            return Shown(self.client.get(address, params=values))
        return Shown(self.client.post(address, data=values, files=files))

    def accept_every_warning(self, reason: str = "Agreed by both partners") -> None:
        """Each warning on check your answers accepted, as its form sends it."""
        for _ in range(40):
            check = self.go(f"{self.base}/check")
            forms = check.find("//form[contains(@action, '/acknowledge')]"
                               "[.//input[@name='rule']]")
            if not forms:
                return
            self.client.post(forms[0].get("action"), data={
                **dict(forms[0].form_values()), "reason": reason})
        raise AssertionError("warnings kept coming")

    def answer_removed(self, page: Shown, key: str, lands_on: str) -> Shown:
        """``page`` asking to confirm the removal of the unused answer ``key``, then "Yes,
        remove it": the page it came from (its path ending ``lands_on``), the answer gone."""
        assert page.status == 200 and f"Remove the answer \u2018{key}\u2019?" in page.text("//h1")
        done = self.press(page, "#confirm-remove")
        assert done.status == 200 and done.path.endswith(lands_on), done.url
        assert not done.find("//*[@id='unknown-answers']")  # removed
        return done

    def press_with_both(self, page: Shown, button: str, name: str, typed: str) -> Shown:
        """``page`` sent by ``button`` with ``typed`` in the box ``name`` and its "Not known
        yet" ticked: the page shown again (422), asking which was meant, the words kept as
        typed and the tick not applied."""
        shown = self.press(page, button, {name: typed, f"{name}-tbc": "tbc"})
        assert shown.status == 422 and shown.path == page.path, shown.url
        said = [text for text, _ in shown.errors()]
        assert any(text.endswith(", or tick \u2018Not known yet\u2019, not both")
                   for text in said), said
        assert shown.value(name) == typed  # kept as typed
        assert not shown.checked(f"{name}-tbc")  # the tick not applied
        return shown


# -- filling in a step in Chromium ------------------------------------------------------
def fill(page: Any, field_id: str, value: str) -> None:
    """Type ``value`` into the question ``field_id`` (its id without the ``f-``)."""
    page.fill(f"#f-{field_id}", value)


def choose(page: Any, name: str, value: str) -> None:
    """Choose the radio (or tick the box) ``value`` of the field named ``name``."""
    page.check(f'input[name="{name}"][value="{value}"]')


# -- every page in Chromium (test_browser_round2*.py) ------------------------------------
HERE = Path(__file__).resolve().parent
AXE = HERE / "vendor" / "axe-core-4.14.1" / "axe.min.js"
#: axe's serious and critical violations on the page, as "rule: first three targets"
AXE_RUN = """async () => (await axe.run(document, {
    resultTypes: ['violations']})).violations
    .filter(v => ['serious', 'critical'].includes(v.impact))
    .map(v => ({...v, nodes: v.nodes.filter(n => !(
        // GOV.UK Frontend's conditional reveal sets aria-expanded on the
        // radio on purpose (its documented choice); not ours to change
        v.id === 'aria-allowed-attr' && n.html.includes('govuk-radios__input')
        && n.failureSummary.includes('aria-expanded')))}))
    .filter(v => v.nodes.length)
    .map(v => v.id + ': ' + v.nodes.slice(0, 3)
         .map(n => n.target.join(' ')).join(', '))"""


def round2_workspace(tmp_path: Path) -> Path:
    """A folder with the test organisations' profiles and the Head of HR example."""
    out = tmp_path / "workspace"
    shutil.copytree(HERE / "data" / "organisations", out / "organisations")
    shutil.copy(HERE.parents[1] / "docgen" / "data" / "examples" / "shared-head-of-hr.yaml", out)
    return out


#: what a programmer would say and an HR officer must never read: key paths, YAML, rule
#: ids, commands, the buttons' actions
PROGRAMMER_WORDS = ("tbc", "parties.", "post.", "payment.", "confidentiality.", "yaml", "--",
                    "GP0", "add-", "remove:", "drop-ask")


def said_plainly(page: Shown, *more: str) -> None:
    """The page's error summary and the notice above it say something, and nothing from
    :data:`PROGRAMMER_WORDS` (or ``more``)."""
    text = page.text("//div[contains(concat(' ', @class, ' '), ' govuk-error-summary ')]"
                     " | //div[contains(concat(' ', @class, ' '), ' govuk-notification-banner ')]")
    assert text, page.url
    for word in (*PROGRAMMER_WORDS, *more):
        assert word not in text, (word, text)


def write_profile(folder: Path, pid: str, law: str | None = "england", *, name: str = "",
                  kind: str = "local_authority", policy: str = "") -> None:
    """A short organisation profile of ``pid`` in ``folder``'s organisations: a body of
    ``kind`` named ``name`` (default "<Pid> Council"), stating ``law`` (None: none), and
    ``policy`` (YAML lines) after it."""
    (folder / "organisations").mkdir(parents=True, exist_ok=True)
    said = f"jurisdiction: {law}\n" if law else ""
    (folder / "organisations" / f"{pid}.yaml").write_text(
        f"docgen_organisation: 1\nname: {name or pid.title() + ' Council'}\n"
        f"short_name: {pid.title()}\nkind: {kind}\n{said}address: 1 High Street, {pid.title()}\n"
        "signatory: {name: Alex Reid, title: Chief Executive}\n"
        f"notices: {{title: Monitoring Officer, email: mo@{pid}.example.gov.uk}}\n{policy}",
        encoding="utf-8")


def two_councils(folder: Path, reference: str, policy: str = "") -> Interview:
    """A new post started on the start page between two English councils profiled in
    ``folder`` (Ashby, employing, with ``policy``, and Brent), on its task list."""
    write_profile(folder, "ashby", policy=policy)
    write_profile(folder, "brent")
    web = Interview(folder)
    response = web.begin(reference, partners=("ashby", "brent"), employer="ashby")
    assert response.url.path.endswith("/tasks"), response.url
    return web


def inputs_workspace(tmp_path: Path) -> Path:
    """A new folder ``workspace`` in ``tmp_path`` holding inputs/'s organisation profiles
    (Eastwick, Westmere, Northtown …), as a user's project has them."""
    folder = tmp_path / "workspace"
    shutil.copytree(HERE.parents[1] / "inputs" / "organisations", folder / "organisations")
    return folder


def profiled_interview(tmp_path: Path) -> tuple[Interview, Path]:
    """An interview (no previews made in advance) on :func:`inputs_workspace`, and that
    workspace's folder."""
    folder = inputs_workspace(tmp_path)
    return Interview(folder, previews_in_advance=False), folder


def every_page(server: Any, browser: Any) -> list[tuple[str, str]]:
    """(name, path) of every kind of page, for one opened post and one new draft."""
    context = browser.new_context(base_url=server.url)
    page = context.new_page()
    page.goto("/open/shared-head-of-hr.yaml")
    post = page.url.rsplit("/", 1)[0].removeprefix(server.url)
    page.goto("/")
    page.click("#new-post")
    new = page.url.rsplit("/", 1)[0].removeprefix(server.url)
    context.close()
    return [("start", "/"), ("begin", f"{new}/begin"), ("tasks", f"{post}/tasks"),
            *[(f"step-{s.slug}", f"{post}/{s.slug}") for s in STEPS],
            ("check", f"{post}/check"), ("check-payment", f"{post}/check/payment"),
            ("partner", f"{post}/partners/0"), ("preview", f"{post}/preview/contract"),
            ("not-found", f"{post}/nowhere"), ("new-about", f"{new}/about")]


def page_problems(browser: Any, workspace: Path, widths: tuple[int, ...], out: Path) -> list[str]:
    """Every page (``every_page``) in Chromium at each of ``widths`` px: the pages that scroll
    sideways and axe's serious or critical violations; a screenshot of each in ``out`` when
    $DOCGEN_SCREENSHOTS asks for them. Each page is loaded once, at the first width, then
    resized to the others (GOV.UK Frontend's width-dependent parts follow the resize through
    their media-query listeners); one walk for every width, not one a width, saves a third of
    the CPU of walking them apart. axe-core is given to the context as a script every page
    runs first, not sent again to each page (500 kB a page: 2 s of a 10 s walk); a page
    without it would fail ``AXE_RUN`` (``axe`` undefined), never pass unchecked."""
    problems: list[str] = []
    with Server(workspace) as server:
        pages = every_page(server, browser)
        context = browser.new_context(viewport={"width": widths[0], "height": 900},
                                      base_url=server.url, bypass_csp=True)
        context.add_init_script(path=str(AXE))
        page = context.new_page()
        for name, path in pages:
            page.goto(path)
            for width in widths:
                page.set_viewport_size({"width": width, "height": 900})
                screenshot(page, out / f"{name}-{width}.png")
                wide = page.evaluate("[document.documentElement.scrollWidth, "
                                     "document.documentElement.clientWidth]")
                if wide[0] > wide[1]:
                    problems.append(f"{name} at {width} px scrolls sideways: {wide}")
                problems += [f"{name} at {width} px: {v}" for v in page.evaluate(AXE_RUN)]
        context.close()
    return problems


def own_wording_warning(web: Browser) -> Any:
    """The warning about an organisation's own wording of a clause (OVERLAY) on check your
    answers: its element (one, or the test fails)."""
    shown = web.go(f"{web.base}/check")
    [warning] = [w for w in shown.find("//div[@id='warnings']/div") if "own wording" in
                 w.text_content()]
    return warning


def own_wording_said(web: Browser) -> str:
    """:func:`own_wording_warning`'s words, spaced as read, without the "! Warning" mark."""
    return " ".join(own_wording_warning(web).text_content().split()).removeprefix(
        "! Warning ")
