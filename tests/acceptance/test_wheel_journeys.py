"""The journeys of the README and docs/*.md, as a user takes them: the wheel (built once, by
test_wheel.py's fixture) installed with the `serve` extra into a fresh venv, every command
run from an empty folder that is not the repository. What works in a checkout but not from
an install (package data left out of the wheel, a path into the repository, a folder the
docs start in that a user does not have) fails here."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tarfile
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest
from yaml_text import load_yaml

from acceptance.test_wheel import ROOT, SKIP, fresh_venv, run
from acceptance.test_wheel import wheel as wheel  # noqa: F401  (the shared fixture)

#: files in docgen/ that are not the package's (editors' and merge tools' leftovers)
NOT_SHIPPED = re.compile(r"(^|/)(__pycache__|\.[^/]*)(/|$)|\.pyc$|~$|\.(orig|rej|swp)$")


@pytest.fixture(scope="module")
def venv(wheel: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:  # noqa: F811
    """The bin folder of a fresh venv holding the wheel and the `serve` extra."""
    whl, _ = wheel
    return fresh_venv(tmp_path_factory.mktemp("journeys") / "venv", whl, "[serve]")


@pytest.fixture(scope="module")
def package(venv: Path) -> Path:
    """The installed package's folder (site-packages/docgen)."""
    done = run([venv / "python", "-c", "import docgen, pathlib; "
                "print(pathlib.Path(docgen.__file__).parent)"], cwd=venv)
    return Path(done.stdout.strip())


def docgen(venv: Path, *args: str | Path, cwd: Path, ok: bool = True,
           stdin: str | None = None) -> subprocess.CompletedProcess:
    done = subprocess.run([str(venv / "docgen"), *map(str, args)], cwd=cwd, input=stdin or "",
                          capture_output=True, text=True, timeout=300)
    said = done.stdout + done.stderr
    assert "Traceback" not in said, (args, said)
    if ok:
        assert done.returncode == 0, (args, said)
    return done


def test_every_file_of_the_package_is_in_the_wheel(wheel: tuple[Path, Path]) -> None:  # noqa: F811
    """Modules (a folder without __init__.py is not found as a package), templates, clause
    YAML, examples, columns.yaml, the web pages and the vendored GOV.UK Frontend with its
    licence: whatever lies in docgen/ of the source the wheel was built from."""
    whl, src = wheel
    in_wheel = set(zipfile.ZipFile(whl).namelist())
    in_source = {p.relative_to(src).as_posix() for p in (src / "docgen").rglob("*")
                 if p.is_file()}
    missing = sorted(p for p in in_source - in_wheel if not NOT_SHIPPED.search(p))
    assert not missing, f"in docgen/ but not in the wheel (pyproject.toml package-data): {missing}"
    assert "docgen/web/static/govuk-frontend-5.14.0/LICENSE" in in_wheel
    # docgen's own licence (MIT, as pyproject.toml declares), in the wheel's metadata
    licence = next(n for n in in_wheel if n.endswith(".dist-info/licenses/LICENSE"))
    text = zipfile.ZipFile(whl).read(licence).decode()
    assert text.startswith("MIT License") and "the docgen contributors" in text


def test_the_sdist_holds_what_its_wheel_needs(wheel: tuple[Path, Path], tmp_path: Path) -> None:  # noqa: F811
    """pip builds from the sdist where no wheel fits (and `python -m build` makes the wheel
    from it): the sdist must hold every file of the wheel's package, and what a build from
    it reads (pyproject.toml, the README it names, the licence). Listed, not built again:
    a second wheel build took 11 s of the suite."""
    whl, src = wheel
    copy = tmp_path / "src"
    shutil.copytree(src, copy, ignore=SKIP)  # making an sdist writes docgen.egg-info here
    run([sys.executable, "-c", "from setuptools import build_meta; "
         "build_meta.build_sdist('sdist')"], cwd=copy)
    sdist = next((copy / "sdist").glob("docgen-*.tar.gz"))
    with tarfile.open(sdist) as tar:
        top = sdist.name.removesuffix(".tar.gz")
        in_sdist = {n.removeprefix(f"{top}/") for n in tar.getnames()}
    package = {n for n in zipfile.ZipFile(whl).namelist() if n.startswith("docgen/")}
    assert not package - in_sdist, sorted(package - in_sdist)
    assert {"pyproject.toml", "README.md", "LICENSE"} <= in_sdist


def test_new_check_build_verify_for_each_example_and_the_schema(
        venv: Path, tmp_path: Path) -> None:
    work = tmp_path / "elsewhere"
    work.mkdir()
    for like in ("hr", "dph", "legal"):
        docgen(venv, "new", f"{like}.yaml", "--like", like, cwd=work)
    docgen(venv, "new", "blank.yaml", "--no-ask", cwd=work)
    missing = docgen(venv, "new", "inputs/post.yaml", cwd=work, ok=False)
    assert missing.returncode == 2 and "mkdir -p inputs" in missing.stderr
    assert missing.stderr.rstrip().endswith("docgen new post.yaml (in this folder)")
    assert (work / "answer-file.schema.json").is_file()
    docgen(venv, "check", "hr.yaml", "dph.yaml", "legal.yaml", cwd=work)
    blank = docgen(venv, "check", "blank.yaml", cwd=work, ok=False)
    assert blank.returncode == 1 and "blank.yaml:" in blank.stdout + blank.stderr
    docgen(venv, "build", "hr.yaml", "dph.yaml", "legal.yaml", cwd=work)
    posts = sorted(p.name for p in (work / "build").iterdir() if p.is_dir())
    assert posts == ["EWK-WSM-HR-01", "NBC-ICB-DPH-2027", "TRI-LEGAL-01"]
    assert "ok:" in docgen(venv, "verify", "build/NBC-ICB-DPH-2027", cwd=work).stdout
    docgen(venv, "schema", "--out", "s.json", cwd=work)
    docgen(venv, "schema", "--markdown", "--out", "answer-file.md", cwd=work)
    assert (work / "answer-file.md").read_text().startswith("# The answer file")
    assert '"GE001"' in docgen(venv, "rules", "--format", "json", cwd=work).stdout
    module = subprocess.run([str(venv / "python"), "-m", "docgen", "--version"], cwd=work,
                            capture_output=True, text=True, timeout=60)
    assert module.returncode == 0 and "docgen" in module.stdout


def test_clause_book_export_edit_import_build(venv: Path, tmp_path: Path) -> None:
    """docs/clause-book.md's four commands, the book edited with python-docx."""
    docgen(venv, "new", "post.yaml", "--like", "hr", cwd=tmp_path)
    docgen(venv, "clauses", "export", "agreement-book.docx", cwd=tmp_path)
    edit = (
        "import docx\n"
        "d = docx.Document('agreement-book.docx')\n"
        "p = next(p for p in d.paragraphs if p.text.startswith('The Parties recognise that'))\n"
        "p.runs[0].text = p.runs[0].text.replace('recognise', 'acknowledge', 1)\n"
        "d.save('agreement-book.docx')\n")
    run([venv / "python", "-c", edit], cwd=tmp_path)
    done = docgen(venv, "clauses", "import", "agreement-book.docx", "--into", "our-clauses",
                  cwd=tmp_path)
    # an edited clause is one version above the built-in wording's (read, not typed in)
    built_in = load_yaml((ROOT / "docgen" / "data" / "clauses" / "agreement" /
                               "1100-confidentiality.yaml").read_text(encoding="utf-8"))
    assert f"agreement.confidentiality: version {built_in['version'] + 1}" in done.stdout
    docgen(venv, "clauses", "lint", "--clauses", "our-clauses", cwd=tmp_path)
    docgen(venv, "build", "post.yaml", "--clauses", "our-clauses", cwd=tmp_path)
    read = ("import docx; d = docx.Document('build/EWK-WSM-HR-01/EWK-WSM-HR-01-agreement.docx');"
            "print(any(p.text.startswith('The Parties acknowledge that, in working')"
            " for p in d.paragraphs))")
    assert run([venv / "python", "-c", read], cwd=tmp_path).stdout.strip() == "True"


def test_programme_workbook_new_write_check_build_read(venv: Path, tmp_path: Path) -> None:
    docgen(venv, "intake", "new", "posts.xlsx", cwd=tmp_path)
    empty = docgen(venv, "check", "posts.xlsx", cwd=tmp_path, ok=False)
    assert empty.returncode == 1 and "the workbook has no posts" in empty.stdout + empty.stderr
    answers = tmp_path / "answers"
    answers.mkdir()
    docgen(venv, "new", "answers/hr.yaml", "--like", "hr", cwd=tmp_path)
    docgen(venv, "new", "answers/legal.yaml", "--like", "legal", cwd=tmp_path)
    docgen(venv, "intake", "write", "answers", "answers/programme.xlsx", cwd=tmp_path)
    docgen(venv, "check", "answers/programme.xlsx", cwd=tmp_path)
    docgen(venv, "build", "answers/programme.xlsx", "--out", "out", cwd=tmp_path)
    assert (tmp_path / "out" / "TRI-LEGAL-01" / "TRI-LEGAL-01-contract.docx").is_file()
    # the README's `docgen intake read posts.xlsx --into posts/`, the folder not made yet
    docgen(venv, "intake", "read", "answers/programme.xlsx", "--into", "rows/", cwd=tmp_path)
    assert sorted(p.name for p in (tmp_path / "rows").glob("*.yaml")) == [
        "EWK-WSM-HR-01.yaml", "TRI-LEGAL-01.yaml"]


def test_organisation_profiles_in_a_new_workspace(venv: Path, tmp_path: Path) -> None:
    """docs/profiles.md as written: `docgen new --organisation organisations/eastwick.yaml`
    in a folder that has no organisations/ yet, then a post naming its parties by id."""
    for org in ("eastwick", "westmere"):
        docgen(venv, "new", "--organisation", f"organisations/{org}.yaml", cwd=tmp_path)
    assert (tmp_path / "organisations" / "organisation.schema.json").is_file()
    like = docgen(venv, "new", "--organisation", "organisations/x.yaml", "--like", "hr",
                  cwd=tmp_path, ok=False)
    assert like.returncode == 2 and "inputs/" not in like.stderr  # the wheel has no inputs/
    fill = (
        "import yaml\n"
        "post = yaml.safe_load(open('post.yaml'))\n"
        "for party in post['parties']:\n"
        "    open(f\"organisations/{party['id']}.yaml\", 'w').write(\n"
        "        yaml.safe_dump({'docgen_organisation': 1, **party}))\n"
        "post['parties'] = [p['id'] for p in post['parties']]\n"
        "open('post.yaml', 'w').write(yaml.safe_dump(post))\n")
    docgen(venv, "new", "post.yaml", "--like", "hr", cwd=tmp_path)
    run([venv / "python", "-c", fill], cwd=tmp_path)
    where = docgen(venv, "check", "-v", "post.yaml", cwd=tmp_path).stdout
    assert "organisations/eastwick.yaml" in where
    docgen(venv, "build", ".", cwd=tmp_path)
    assert "ok:" in docgen(venv, "verify", "build/EWK-WSM-HR-01", cwd=tmp_path).stdout


def test_the_python_api_examples(venv: Path, tmp_path: Path) -> None:
    """docgen/__init__.py's docstring and the README's example, with the input they name
    written by `docgen new` (a wheel has no inputs/ folder)."""
    (tmp_path / "inputs").mkdir()
    docgen(venv, "new", "inputs/shared-head-of-hr.yaml", "--like", "hr", cwd=tmp_path)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    api = readme.split("## Python API", 1)[1].split("```python\n", 1)[1].split("```", 1)[0]
    script = ("import doctest, docgen\n"
              "assert doctest.testmod(docgen).failed == 0\n" + api +
              "assert batch.ok and rows[0]['reference'] == 'EWK-WSM-HR-01'\n")
    run([venv / "python", "-c", script], cwd=tmp_path)
    assert (tmp_path / "agreement.docx").is_file()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, b""


def _browser_check(url: str) -> None:
    """In Chromium: the start page's scripts run (live.js imports the vendored GOV.UK
    Frontend JS and marks the page), nothing fails to load, no script error."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if sync_playwright is None or exe is None:
        if os.environ.get("CI"):
            pytest.fail("Playwright and Debian's chromium are needed in CI")
        return
    bad: list[object] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=exe, args=["--no-sandbox"])
        page = browser.new_page()
        page.on("pageerror", lambda e: bad.append(e))
        page.on("response", lambda r: r.status >= 400 and bad.append((r.status, r.url)))
        page.goto(url)
        page.wait_for_function("document.body.classList.contains('govuk-frontend-supported')")
        labels = page.locator("label.govuk-radios__label").all_inner_texts()
        browser.close()
    assert not bad, bad
    assert any(t.startswith("A worked example") for t in labels), labels


def test_serve_from_the_wheel(venv: Path, package: Path, tmp_path: Path) -> None:
    """`docgen serve FOLDER`: the pages, and every stylesheet and script they load (the
    vendored GOV.UK Frontend among them) served from the installed package."""
    nowhere = docgen(venv, "serve", cwd=tmp_path, ok=False)  # no inputs/ outside a checkout
    assert nowhere.returncode == 2 and "docgen serve . (this folder)" in nowhere.stderr
    folder = tmp_path / "posts"
    folder.mkdir()
    docgen(venv, "new", "posts/hr.yaml", "--like", "hr", cwd=tmp_path)
    port = _free_port()
    server = subprocess.Popen([str(venv / "docgen"), "serve", "posts", "--port", str(port)],
                              cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                status, page = _get(base + "/")
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, \
                    server.stdout.read() if server.stdout else ""
                time.sleep(0.1)
        assert status == 200 and b"EWK-WSM-HR-01" in page
        assets = set(re.findall(r'(?:href|src)="(/static/[^"]+)"', page.decode()))
        live = (package / "web" / "static" / "live.js").read_text()
        assets |= {"/static/" + m for m in re.findall(r'from "\./([^"]+)"', live)}
        assert any(a.endswith("govuk-frontend.min.css") for a in assets), assets
        assert any(a.endswith("govuk-frontend.min.js") for a in assets), assets
        for asset in sorted(assets):
            status, body = _get(base + asset)
            assert status == 200, asset
            assert body == (package / "web" / asset.removeprefix("/")).read_bytes(), asset
        for path in ("/programme", "/open/hr.yaml", "/api/rules"):
            assert _get(base + path)[0] == 200, path
        check = urllib.request.Request(base + "/api/check", method="POST",
                                       data=(folder / "hr.yaml").read_bytes())
        with urllib.request.urlopen(check, timeout=60) as r:
            assert json.load(r)["ok"] is True
        _browser_check(base + "/")
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_nothing_is_written_into_the_installed_package(venv: Path, package: Path) -> None:
    """Run last in this file: the journeys above wrote only in their own folders."""
    record = next(package.parent.glob("docgen-*.dist-info")) / "RECORD"
    since = record.stat().st_mtime
    written = [p for p in package.rglob("*") if p.stat().st_mtime > since
               and "__pycache__" not in p.parts and p.is_file()]
    assert not written, written
