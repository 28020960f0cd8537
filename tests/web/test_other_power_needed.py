""""Name the power" is asked only once "Another power" is chosen as the legal basis, and
then docgen needs it ("Name the power the arrangement is made under"): its label said
"Name the power (optional)", an answer the page then refused to leave blank."""

from __future__ import annotations

from pathlib import Path

from .helpers import Browser


def test_the_power_named_is_not_called_optional(folder: Path) -> None:
    web = Browser.opened(folder, "shared-head-of-hr.yaml")
    page = web.go(f"{web.base}/basis")
    label = page.label(page.by_id("f-legal_basis_text"))
    assert label == "Name the power", label
    shown = web.press(page, legal_basis="other", legal_basis_text="")
    assert shown.status == 422, shown.status
    assert ["Name the power the arrangement is made under",
            "#f-legal_basis_text"] in shown.errors(), shown.errors()
    assert "optional" not in shown.label(shown.by_id("f-legal_basis_text"))


def test_the_power_is_asked_for_while_another_section_has_an_error(tmp_path: Path) -> None:
    """docgen checked that "Another power" is named only once the parties had their shape,
    so with a partner's short name missing the blank name was taken without a word; now
    docgen's own check says it (tests/answers/test_needed_when_chosen.py), and the page
    shows it at its box."""
    web = Browser(tmp_path)
    begin = web.press(web.go("/"), "#new-post")
    web.base = web.press(begin, reference="BASIS-01", postholder_known="no"
                         ).path.rsplit("/", 1)[0]
    partner = web.go(f"{web.base}/partners/0")
    web.press(partner, fields={"parties.0.name": "Northtown Borough Council"})
    shown = web.press(web.go(f"{web.base}/basis"), legal_basis="other")
    assert shown.status == 422 and shown.path.endswith("/basis"), shown.url
    assert ["Name the power the arrangement is made under",
            "#f-legal_basis_text"] in shown.errors(), shown.errors()
