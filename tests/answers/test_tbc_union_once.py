"""tbc on a key whose value is one of two kinds ("indefinite", or a number of years) was
said by each kind and joined: "is not known yet or is not known yet (found 'tbc')" (a
reviewer's find). It is said once, with the example of a value taking either kind."""

from __future__ import annotations

from pathlib import Path

from conftest import EXAMPLES_DIR

import docgen

HR = (EXAMPLES_DIR / "shared-head-of-hr.yaml").read_text()


def test_tbc_on_a_key_of_two_kinds_is_said_once(tmp_path: Path) -> None:
    lines = [("  duration_after_end: tbc" if line.startswith("  duration_after_end:") else line)
             for line in HR.splitlines()]
    post = tmp_path / "post.yaml"
    post.write_text("\n".join(lines) + "\n")
    [p] = [p for p in docgen.check(post).errors
           if p.path == ("confidentiality", "duration_after_end")]
    assert p.message.count("is not known yet") == 1
    assert p.message == ("is not known yet (found 'tbc'), but docgen needs it to write the "
                         "documents; fill it in, e.g. duration_after_end: indefinite")
