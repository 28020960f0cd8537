"""Fields in a house style's headers and footers: which are kept, and the rest as text.

PAGE and NUMPAGES (and SECTIONPAGES) are what docgen's own footer uses; any other field
(FILENAME, AUTHOR, DATE, DOCPROPERTY, INCLUDEPICTURE...) would print something about the
letterhead file, the wrong date or fetch a picture, so it is replaced by the text Word last
showed for it, with a warning.
"""

from __future__ import annotations

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#: fields a header or footer may keep: docgen writes the same kind itself (Page X of Y)
KEPT_FIELDS = ("PAGE", "NUMPAGES", "SECTIONPAGES")


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def drop_fields(root: etree._Element, name: str, where: str) -> list[str]:
    """Fields other than PAGE/NUMPAGES are kept as the text Word last showed."""
    warnings: list[str] = []
    for simple in list(root.iter(w("fldSimple"))):
        instr = (simple.get(w("instr")) or "").split()
        if instr and instr[0].upper() in KEPT_FIELDS:
            continue
        parent = simple.getparent()
        if parent is None:  # the part's root itself: there is nothing to keep it in
            continue
        at = parent.index(simple)
        for i, child in enumerate(list(simple)):
            parent.insert(at + i, child)
        parent.remove(simple)
        warnings.append(_field_warning(name, where, " ".join(instr[:1]) or "(empty)"))
    stack: list[tuple[list[etree._Element], list[str], bool]] = []
    for el in list(root.iter(w("fldChar"), w("instrText"))):
        kind = el.get(w("fldCharType"))
        if el.tag == w("fldChar") and kind == "begin":
            stack.append(([el], [], False))
        elif not stack:
            continue
        elif el.tag == w("instrText"):
            stack[-1][0].append(el)
            stack[-1][1].append(el.text or "")
        elif kind == "separate":
            stack[-1][0].append(el)
        elif kind == "end":
            marks, instr, _ = stack.pop()
            words = "".join(instr).split()
            if words and words[0].upper() in KEPT_FIELDS:
                continue
            for mark in [*marks, el]:
                _detach(mark)
            warnings.append(_field_warning(name, where, words[0] if words else "(empty)"))
    return warnings


def has_page_field(root: etree._Element) -> bool:
    """Whether a header or footer prints the page number itself (a PAGE field)."""
    simple = (el.get(w("instr")) or "" for el in root.iter(w("fldSimple")))
    complex_ = (el.text or "" for el in root.iter(w("instrText")))
    return any(instr.split()[:1] == ["PAGE"] for instr in (*simple, *complex_))


def drop_page_number(p: etree._Element) -> None:
    """Take docgen's "Page X of Y" out of its footer line ``p``: the run that says "Page"
    and everything after it (a footer that numbers its pages would say it twice)."""
    runs = list(p)
    for i, run in enumerate(runs):
        if run.tag == w("r") and any((t.text or "").strip() == "Page"
                                     for t in run.iter(w("t"))):
            for later in runs[i:]:
                p.remove(later)
            return


def _detach(el: etree._Element) -> None:
    """Take ``el`` out of its parent (a run: fldChar and instrText are never a part's root)."""
    parent = el.getparent()
    if parent is not None:
        parent.remove(el)


def _field_warning(name: str, where: str, field_name: str) -> str:
    return (f"{name}: the {field_name} field in its {where} is not kept (docgen keeps PAGE "
            "and NUMPAGES); its text is printed as Word last showed it. Type the text "
            "instead of a field to silence this")


__all__ = ["KEPT_FIELDS", "drop_fields", "drop_page_number", "has_page_field", "w"]
