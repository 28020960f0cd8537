"""A rebuild not asked for the review copies an earlier build made says that it removed
them, which, why, and how to keep making them; a copy a person edited is never removed
without ``--force``.

Before, ``docgen build post.yaml --format docx,md`` then, after an edit to the answers,
``docgen build post.yaml`` switched in the new set without the three ``.md`` copies
(the manifest records them as docgen's, so the new set replaces them: they described the
documents it replaced) and said nothing: "1 built, 0 unchanged, 0 failed". The removal
stays (a stale copy beside documents it no longer describes would mislead its reader),
and is said: a warning ``[REMOVED]`` on the post."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner
from conftest import EXAMPLES_DIR

import docgen.api
from docgen.cli import cli
from docgen.publish.incremental import copies_removed

REF = "EWK-WSM-HR-01"
COPIES = [f"{REF}-{kind}.md" for kind in ("agreement", "contract", "job-spec")]


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        result.exception
    return result.exit_code, " ".join(result.output.split())


def _post(folder: Path, name: str = "post.yaml") -> Path:
    post = folder / name
    shutil.copy(EXAMPLES_DIR / "shared-head-of-hr.yaml", post)
    return post


def _edit(post: Path) -> None:
    """A change to the answers (the post is built again, not skipped as unchanged)."""
    post.write_text(post.read_text(encoding="utf-8") + "\n# reviewed again\n",
                    encoding="utf-8")


def test_a_rebuild_without_md_says_which_copies_it_removed_and_how_to_keep_them(
        tmp_path: Path) -> None:
    post, out = _post(tmp_path), tmp_path / "out"
    assert _run("build", str(post), "--out", str(out), "--format", "docx,md")[0] == 0
    assert all((out / REF / name).is_file() for name in COPIES)
    _edit(post)
    code, text = _run("build", str(post), "--out", str(out))
    assert code == 0, text
    assert not any((out / REF / name).exists() for name in COPIES)  # not left stale
    assert (f"warning [REMOVED] (top level): removed the Markdown review copies an earlier "
            f"build made with --format md ({COPIES[0]}, {COPIES[1]} and {COPIES[2]} in "
            f"{out / REF}): they described the documents this build replaced, and this "
            "build (--format docx) made none; to keep making them, build with --format "
            "docx,md") in text, text
    # and as data: the post's warning, at its answer file
    assert _run("build", str(post), "--out", str(out), "--format", "docx,md", "--force")[0] == 0
    _edit(post)
    code, output = _run("build", str(post), "--out", str(out), "--json")
    [record] = json.loads(output)
    [removed] = [p for p in record["problems"] if p["rule"] == "REMOVED"]
    assert removed["severity"] == "warning" and removed["file"] == str(post)
    assert "build with --format docx,md" in removed["message"]


def test_the_warning_names_each_kind_of_copy_and_the_formats_that_keep_them() -> None:
    names = [f"{REF}-agreement.html", f"{REF}-agreement.pdf"]
    said = copies_removed(names, Path("out") / REF, ("docx", "md"), Path("post.yaml"))
    assert said.message.startswith(
        "removed the PDF copies and HTML review copies an earlier build made with --format "
        f"pdf,html ({names[0]} and {names[1]} in {Path('out') / REF}): they described the "
        "documents this build replaced, and this build (--format docx,md) made none; to keep "
        "making them, build with --format docx,pdf,md,html")
    assert (said.severity, said.rule, said.file) == ("warning", "REMOVED", Path("post.yaml"))


def test_a_post_skipped_as_unchanged_keeps_its_copies_and_a_failed_one_too(
        tmp_path: Path) -> None:
    """Unchanged, the copies still describe the documents: kept, nothing said. A post
    that fails keeps its whole set, its copies too."""
    post, out = _post(tmp_path), tmp_path / "out"
    assert _run("build", str(post), "--out", str(out), "--format", "docx,md")[0] == 0
    code, text = _run("build", str(post), "--out", str(out))
    assert code == 0 and "1 unchanged" in text and "REMOVED" not in text
    assert all((out / REF / name).is_file() for name in COPIES)
    post.write_text(post.read_text(encoding="utf-8").replace("docgen: 1", "docgen: 1\n"
                                                             "no_such_key: 1"),
                    encoding="utf-8")
    code, text = _run("build", str(post), "--out", str(out))
    assert code == 1 and "REMOVED" not in text
    assert all((out / REF / name).is_file() for name in COPIES)


def test_an_edited_review_copy_is_never_removed_without_force(tmp_path: Path) -> None:
    post, out = _post(tmp_path), tmp_path / "out"
    assert _run("build", str(post), "--out", str(out), "--format", "docx,md")[0] == 0
    edited = out / REF / COPIES[1]
    mine = edited.read_text(encoding="utf-8") + "\nAgreed with HR on 3 March.\n"
    edited.write_text(mine, encoding="utf-8")
    _edit(post)
    code, text = _run("build", str(post), "--out", str(out))
    assert code == 1, text
    assert f"{COPIES[1]} in {out / REF} changed since docgen wrote it (edited by hand?)" in text
    assert "use --force" in text and "REMOVED" not in text
    assert all((out / REF / name).is_file() for name in COPIES)  # the whole set stands
    assert edited.read_text(encoding="utf-8") == mine
    code, text = _run("build", str(post), "--out", str(out), "--force")
    assert code == 0, text
    kept = out / REF / f"{REF}-contract.edited-1.md"
    assert kept.read_text(encoding="utf-8") == mine  # the person's work, kept aside
    assert (f"--force left it out of the new set (not asked for this time) and "
            f"kept the edited copy as {kept.name}") in text  # not 'replaced it': no new copy
    assert (f"removed the Markdown review copies an earlier build made with --format md "
            f"({COPIES[0]} and {COPIES[2]} in {out / REF})") in text  # not the edited one
    assert not any((out / REF / name).exists() for name in COPIES)


def test_a_batch_says_it_once_for_its_posts(tmp_path: Path) -> None:
    """Many posts: one line, as for every warning of a batch (``-v`` says each in full),
    saying what the build did and how to keep making the copies, not one post's files, and
    not to acknowledge it (nothing can: a reviewer's find)."""
    posts = [_post(tmp_path, "a.yaml"), _post(tmp_path, "b.yaml")]
    posts[1].write_text(posts[1].read_text(encoding="utf-8").replace(REF, "EWK-WSM-HR-02"),
                        encoding="utf-8")
    out = tmp_path / "out"
    assert docgen.api.build(posts, out, formats=("docx", "md")).ok
    for post in posts:
        _edit(post)
    code, text = _run("build", str(tmp_path), "--out", str(out))
    assert code == 0, text
    line = next(x for x in text.split("warning [") if x.startswith("REMOVED]"))
    assert line.startswith("REMOVED] on 2 posts (EWK-WSM-HR-01, EWK-WSM-HR-02): removed the "
                           "copies an earlier build made in a format this build was not asked "
                           "for (they described the documents it replaced); to keep making "
                           "them, name their format in --format, as each post's warning "
                           "says"), line
    assert "acknowledge" not in line.split("; first at")[0]
    assert not list(out.glob("*/*.md"))


def test_the_removal_is_said_whatever_the_build_knew_of_the_post_before(tmp_path: Path) -> None:
    """The answer file renamed (the batch's record of its last reference no longer finds
    it) and its reference written in a base file it extends (its own text states none):
    the copies are still removed with the set, and still said (the build said nothing of
    them when it listed them before building, by the reference it expected; a reviewer's
    find). Said from what the switch of the set itself left out."""
    base = tmp_path / "_base.yaml"
    shutil.copy(EXAMPLES_DIR / "shared-head-of-hr.yaml", base)
    (tmp_path / "post.yaml").write_text("docgen: 1\nextends: _base.yaml\n", encoding="utf-8")
    out = tmp_path / "out"
    assert _run("build", str(tmp_path / "post.yaml"), "--out", str(out),
                "--format", "docx,md")[0] == 0
    assert all((out / REF / name).is_file() for name in COPIES)
    (tmp_path / "post.yaml").rename(tmp_path / "post2.yaml")
    (tmp_path / "post2.yaml").write_text("docgen: 1\nextends: _base.yaml\n# again\n",
                                         encoding="utf-8")
    code, text = _run("build", str(tmp_path / "post2.yaml"), "--out", str(out))
    assert code == 0, text
    assert not any((out / REF / name).exists() for name in COPIES)
    assert "warning [REMOVED]" in text and COPIES[0] in text, text


def test_a_forced_build_says_it_left_out_an_edited_document_no_longer_asked_for(
        tmp_path: Path) -> None:
    """The job specification edited by hand, then left out of ``documents:``: a forced
    build keeps the edited copy aside and says it left the document out, not that it
    replaced it (no new one is made; a reviewer's find)."""
    post, out = _post(tmp_path), tmp_path / "out"
    assert _run("build", str(post), "--out", str(out))[0] == 0
    spec = out / REF / f"{REF}-job-spec.docx"
    spec.write_bytes(spec.read_bytes() + b"\0")  # edited by hand
    post.write_text(post.read_text(encoding="utf-8") + "\ndocuments: [agreement, contract]\n",
                    encoding="utf-8")
    code, text = _run("build", str(post), "--out", str(out), "--force")
    assert code == 0, text
    assert (f"{spec.name} in {out / REF} had been edited by hand; --force left it out of the "
            f"new set (not asked for this time) and kept the edited copy as "
            f"{REF}-job-spec.edited-1.docx") in text, text
    assert not spec.exists() and (out / REF / f"{REF}-job-spec.edited-1.docx").is_file()
