"""The edges of issue 22: every read failure fails the run; discovery reads a bounded
prefix; the small findings (point 6).

Each case gives a clear error naming the file and the reason, a non-zero exit, and no
traceback.
"""

from __future__ import annotations

import errno
import io
import logging
import os
import re
import shutil
import time
import tracemalloc
from pathlib import Path

import pytest
from asgi_call import run_apart
from click.testing import CliRunner
from conftest import EXAMPLES
from jinja2 import Environment, bccache
from lxml import etree
from render_apart import render_in_a_thread

import docgen
from docgen.answers.fields import MAX_ITEMS
from docgen.clauses import sandbox
from docgen.clauses.bytecode import BestEffortCache
from docgen.clauses.engine import compiling_code, environment, use_bytecode_cache
from docgen.cli import cli
from docgen.cli import new as new_module
from docgen.ooxml.numbering import paragraph_numbers
from docgen.ooxml.wordml import LEVEL_STYLES, W_NS
from docgen.publish import batch, discover, workers
from docgen.web.app import create_app
from docgen.word.textindex import TextIndex

HR = next(e for e in EXAMPLES if e.name == "shared-head-of-hr.yaml")


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output
    assert not isinstance(result.exception, Exception) or isinstance(result.exception,
                                                                     SystemExit)
    return result.exit_code, result.output


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    folder = tmp_path / "posts"
    folder.mkdir()
    shutil.copy(HR, folder / HR.name)
    return folder


# --- point 2: every read failure fails the run ------------------------------------------


def test_an_answer_file_in_another_encoding_fails_the_run(project: Path) -> None:
    bad = project / "utf16.yaml"
    bad.write_bytes(HR.read_text().replace("EWK-WSM-HR-01", "U16").encode("utf-16"))
    code, out = run("build", str(project), "--out", str(project.parent / "out"))
    assert code == 1, out
    assert "utf16.yaml" in out and "UTF-8" in out
    assert "skipped" not in out.lower().split("utf16.yaml")[0][-40:]


def test_a_folder_named_like_an_answer_file_fails_the_run(project: Path) -> None:
    (project / "x.yaml").mkdir()
    code, out = run("build", str(project / "*.yaml"), "--out", str(project.parent / "out"))
    assert code == 1, out
    assert "x.yaml" in out and "folder" in out


def test_a_broken_link_named_like_an_answer_file_fails_the_run(project: Path) -> None:
    (project / "gone.yaml").symlink_to(project / "nowhere.yaml")
    code, out = run("build", str(project), "--out", str(project.parent / "out"))
    assert code == 1, out
    assert "gone.yaml" in out and "No such file" in out


def test_an_answer_file_that_cannot_be_opened_fails_the_run(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Permissions (simulated: the tests run as root, who may read anything)."""
    locked = project / "locked.yaml"
    shutil.copy(HR, locked)
    for module in (os, io):
        monkeypatch.setattr(module, "open", _denying(module.open))
    code, out = run("build", str(project), "--out", str(project.parent / "out"))
    assert code == 1, out
    assert "locked.yaml" in out and "Permission denied" in out


def _denying(real_open):  # noqa: ANN001, ANN202 - wraps os.open or io.open
    def deny(path, *args, **kw):  # noqa: ANN001, ANN002, ANN003, ANN202
        if isinstance(path, str | Path) and Path(path).name == "locked.yaml":
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kw)
    return deny


# --- point 4: discovery reads a bounded prefix ------------------------------------------


def test_discovery_reads_a_bounded_prefix_of_a_huge_file(project: Path) -> None:
    """A 5 GB sparse file beside the posts: read 1 MB of it, reported, not read whole."""
    huge = project / "huge.yaml"
    with huge.open("wb") as fh:
        fh.truncate(5 * 1024**3)
    started = time.process_time()  # CPU: reading 5 GB of zeros takes far more than 2 s
    files, left_out = discover.find_answer_files([project])
    assert time.process_time() - started < 2
    assert [f.name for f in files] == [HR.name]
    assert [(f.name, "not an answer file" in why) for f, why in left_out] == [
        ("huge.yaml", True)]


# --- point 4: one set of bounds for clause text, in every thread ------------------------

CLAUSE = """id: zz.{name}
title: Bomb
version: 1
documents: [agreement]
order: 9990
text: |
  {text}
"""
BOMBS = {
    "plain": "{% for p in parties %}{{ p.name }} {% endfor %}(a clause never compiled before)",
    "center": "{{ 'x'|center(3000000000) }}",
    "format": "{{ '%3000000000d'|format(1) }}",
    "percent": "{{ '%3000000000d' % 1 }}",
    "str_format": "{{ '{:>3000000000}'.format(1) }}",
    "nested_width": "{{ '{:>{}}'.format(1, 3000000000) }}",
    "replace": "{% set s = 'x' * 100000 %}{{ s|replace('x', s) }}",
    "str_replace": "{% set s = 'x' * 100000 %}{{ s.replace('x', s) }}",
    "join": "{% set s = 'x' * 100000 %}{{ s|join(s) }}",
    "str_join": "{% set s = 'x' * 100000 %}{{ s.join(s) }}",
    "namespace": "{% set ns = namespace(x='xx') %}{% for i in range(40) %}"
                 "{% set ns.x = ns.x ~ ns.x %}{% endfor %}{{ ns.x|length }}",
    "plus": "{% set ns = namespace(x='xx') %}{% for i in range(40) %}"
            "{% set ns.x = ns.x + ns.x %}{% endfor %}{{ ns.x|length }}",
    "set_concat": "{% set a = 'x' * 100000 %}{% set b = a~a~a~a~a~a~a~a~a~a %}"
                  "{% set c = b~b~b~b~b~b~b~b~b~b %}{{ c|length }}",
    "ljust": "{{ 'x'.ljust(3000000000) }}",
    "indent": "{% set s = 'x' * 100000 %}{{ s|wordwrap(1)|indent(100000) }}",
    "expandtabs": "{{ ('\t' * 100000).expandtabs(100000) }}",
    "slice": "{{ [1]|slice(100000000)|list|length }}",
    "loops": "{% for c in 'x' * 150000 %}{% for d in 'x' * 150000 %}{% endfor %}{% endfor %}",
}


def _bomb(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    (folder / "bomb.yaml").write_text(CLAUSE.format(name=name, text=BOMBS[name]))
    return folder


@pytest.mark.parametrize("name", sorted(set(BOMBS) - {"plain"}))
def test_clause_text_is_bounded_in_a_worker_thread(tmp_path: Path, name: str) -> None:
    seconds, result = render_in_a_thread(HR, _bomb(tmp_path, name))
    assert f"clause 'zz.{name}'" in result and "bomb.yaml" in result, result
    assert re.search(r"more than 200,000|format width|more than 1,000 parts", result), result
    assert seconds < 10, seconds


def test_clause_text_is_bounded_in_the_main_thread_the_same_way(tmp_path: Path) -> None:
    with pytest.raises(docgen.DocgenError, match=r"zz\.namespace.*more than 200,000"):
        docgen.render(HR, clauses=[_bomb(tmp_path, "namespace")])


def test_a_memory_error_names_the_clause(tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    def no_memory(n: int = 1) -> None:
        raise MemoryError

    monkeypatch.setattr(sandbox, "step", no_memory)
    with pytest.raises(docgen.DocgenError, match=r"\.yaml: clause '[\w.]+'.*more memory"):
        docgen.render(HR, clauses=[_bomb(tmp_path, "loops")])


# --- point 6: the low findings ----------------------------------------------------------


def test_a_full_disk_under_the_clause_cache_does_not_fail_the_build(
        project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The cache of compiled clauses (what `docgen` sets up in main()) is a speed-up: with
    no room in it (ENOSPC on every write), the build still succeeds when --out has room."""
    monkeypatch.setattr(environment(), "bytecode_cache", None)  # put back afterwards
    use_bytecode_cache(tmp_path / "cache")

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(bccache.Bucket, "write_bytecode", full)
    folder = _bomb(tmp_path, "plain")  # text never compiled before: it must be cached
    code, out = run("build", str(project), "--out", str(tmp_path / "out"),
                    "--clauses", str(folder))
    assert code == 0, out


def test_a_damaged_cache_entry_is_a_miss(tmp_path: Path) -> None:
    cache = BestEffortCache(str(tmp_path), compiling_code() or "")
    bucket = bccache.Bucket(Environment(), "key", "checksum")
    Path(cache._get_cache_filename(bucket)).write_bytes(b"\x00" * 40)  # noqa: SLF001
    cache.load_bytecode(bucket)
    assert bucket.code is None


# --- point 4: list lengths capped; read-back linear -------------------------------------


def test_a_list_longer_than_the_cap_is_refused_with_its_key_and_line(project: Path) -> None:
    post = project / HR.name
    text = post.read_text()
    assert "  not_expected:\n" in text
    post.write_text(text.replace("  not_expected:\n", "  not_expected: [" + ", ".join(
        ["x"] * (MAX_ITEMS + 1)) + "]\n  was_not_expected:\n", 1))
    code, out = run("check", str(post))
    assert code == 1
    assert re.search(r"post\.not_expected\s.*has 501 items; at most 500", " ".join(
        out.split())), out
    line = text[:text.index("  not_expected:")].count("\n") + 1
    assert f"{post.name}:{line}" in out, out


def test_value_lookup_is_linear() -> None:
    """30,000 values looked up in the text they make: about 0.25 s of CPU (one scan per
    value took 15 s on this machine), and the same answers as ``in``. CPU time, not wall
    time: a busy machine's queue for the cores (which once took the wall time of this
    linear lookup past 3 s) does not count, and the bound still fails a scan per value."""
    values = [f"item {i} of the list" for i in range(30_000)]
    text = "; ".join(f"“{v}”" for v in values) + " middle-of-aword"
    started = time.process_time()
    index = TextIndex(text)
    assert all(v in index for v in values)
    assert time.process_time() - started < 3.0
    for probe in ("of-aword", "aword", "item 29999 of the list", "item 30000", "x", "“",
                  "list”; “item"):
        assert (probe in index) == (probe in text), probe


def test_clause_numbers_of_a_long_list_are_not_all_written_out() -> None:
    """Letters of a 30,000-item list run to 1,000 characters ("zzz…"); writing each of
    them costs memory growing with the square of the list. Only the numbers asked for
    (cross-references) are written."""
    root = etree.fromstring(
        f'<w:body xmlns:w="{W_NS}">' + "".join(
            f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr></w:p>'
            for style in [LEVEL_STYLES[0], LEVEL_STYLES[1]] + [LEVEL_STYLES[2]] * 30_000)
        + "</w:body>")
    paragraphs = list(root)
    tracemalloc.start()
    numbers = paragraph_numbers(paragraphs)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 20_000_000, peak
    assert numbers[paragraphs[2]].full == "1.1(a)"
    assert numbers[paragraphs[-1]].shown == f"({'v' * 1154})"  # Word's 30,000th letter
    assert numbers[paragraphs[28]].shown == "(aa)"


def test_two_docgen_new_at_once_never_both_win(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The other `docgen new` writes the file between this one's check and its write."""
    post = tmp_path / "post.yaml"
    real = new_module.starter

    def racing(*args: object, **kwargs: object) -> str:
        post.write_text("theirs\n")
        return real(*args, **kwargs)

    monkeypatch.setattr(new_module, "starter", racing)
    code, out = run("new", "--no-ask", str(post))
    assert code == 1 and "never overwrites" in out, out
    assert post.read_text() == "theirs\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_a_client_dropping_mid_upload_is_not_an_error(tmp_path: Path,
                                                      caplog: pytest.LogCaptureFixture) -> None:
    """The server is left with nobody to answer: no traceback in its log, no exception
    out of the application (which the server would log as 3 kB of traceback)."""
    app = create_app(tmp_path)
    messages = [{"type": "http.request", "body": b"docgen: 1\n" * 10, "more_body": True},
                {"type": "http.disconnect"}]
    sent: list[dict] = []

    async def receive() -> dict:
        return messages.pop(0) if messages else {"type": "http.disconnect"}

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/api/check", "raw_path": b"/api/check",
             "query_string": b"", "root_path": "", "scheme": "http", "http_version": "1.1",
             "server": ("127.0.0.1", 8000), "client": ("127.0.0.1", 5000),
             "headers": [(b"host", b"127.0.0.1:8000"), (b"content-length", b"5000"),
                         (b"content-type", b"application/yaml")]}
    with caplog.at_level(logging.DEBUG):
        run_apart(lambda: app(scope, receive, send))
    assert "Traceback" not in caplog.text


def test_a_5000_digit_salary_is_refused_with_line_and_key(project: Path) -> None:
    post = project / HR.name
    text = post.read_text()
    post.write_text(re.sub(r"(?m)^  salary: \d+$", "  salary: " + "9" * 5000, text))
    line = text[:re.search(r"(?m)^  salary: ", text).start()].count("\n") + 1
    code, out = run("check", str(post))
    assert code == 1
    flat = " ".join(out.split())
    assert f"{post.name}:{line}" in flat and "payment.salary" in flat, out
    assert "5,000 digits" in flat and "int_max_str_digits" not in flat, out


@pytest.mark.parametrize(("text", "expected"), [
    ("<w:p><w:r><w:t>raw</w:t></w:r></w:p>", "not valid inline markup"),
    ("<script>x</script>", "<script>, which is not clause markup"),
    ("Cats & dogs", "write & as &amp;"),
    ("a bell \\x07 rings", "control character U+0007"),
    ("a nul \\x00 here", "control character U+0000"),
])
def test_clause_text_with_raw_xml_or_control_characters_names_the_clause(
        tmp_path: Path, text: str, expected: str) -> None:
    folder = tmp_path / "ours"
    folder.mkdir()
    (folder / "odd.yaml").write_text(CLAUSE.format(name="odd", text="").replace(
        "text: |\n  \n", f'text: "{text}"\n'))
    with pytest.raises(docgen.DocgenError) as caught:
        docgen.render(HR, clauses=[folder])
    message = str(caught.value)
    assert "odd.yaml: clause 'zz.odd'" in message and expected in message, message


def test_notices_email_is_checked_as_an_email(project: Path) -> None:
    post = project / HR.name
    text = post.read_text()
    post.write_text(text.replace("email: legal@eastwick.example.gov.uk}",
                                 "email: the legal team}", 1))
    code, out = run("check", str(post))
    assert code == 1
    assert re.search(r"parties\[0\]\.notices\.email\s.*is not an email address", " ".join(
        out.split())), out
    post.write_text(text.replace("email: legal@eastwick.example.gov.uk}", "email: tbc}", 1))
    code, out = run("check", str(post))
    assert code == 0, out  # not known yet is still allowed in a draft


def test_running_out_of_memory_fails_the_post_not_as_unexpected(
        project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_memory(*args: object, **kwargs: object) -> None:
        raise MemoryError

    monkeypatch.setattr(workers, "build_post", no_memory)
    report = batch.build([project], tmp_path / "out", jobs=1)
    assert not report.ok
    message = report.posts[0].message
    assert "ran out of memory" in message and "unexpected" not in message, message
