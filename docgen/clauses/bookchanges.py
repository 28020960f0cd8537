"""What changed in one clause of a clause book, said as it is: each paragraph added,
reworded (with the sentences it lost or gained) or removed, for the clause file's note; and,
as warnings, a «field» or cross-reference a reworded paragraph no longer has, which can leave
a sentence that reads wrongly (“carry out the reviews under clause ; and”).

Pure: the paragraphs as exported and as read back, paired by ``difflib`` as the import does.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Set as AbstractSet

from docgen.clauses.bookbase import Look
from docgen.clauses.bookshape import first_words, para_at
from docgen.ooxml.book import BookPara

SIMILAR = 0.5  # share of words two paragraphs keep in common to be one paragraph reworded
MAX_PAIRINGS = 10_000  # paragraphs compared two by two in one changed run, at most
FIELD = re.compile(r"«[^«»⟦⟧]*»")
SENTENCE = re.compile(r"(?<=[.;!?])\s+(?=\S)")
#: a cross-reference or field deleted from the middle of a sentence leaves one of these
DANGLING = re.compile(r"\bclause\s*(?=[;,.:)]|$)| {2,}", re.I)


def _words(para: BookPara) -> list[str]:
    return para.text.split()


def _alike(a: BookPara, b: BookPara) -> bool:
    return difflib.SequenceMatcher(a=_words(a), b=_words(b), autojunk=False).ratio() >= SIMILAR


def pairs(old: list[BookPara], new: list[BookPara]) -> list[tuple[int | None, int | None]]:
    """The paragraphs of a changed run paired in order: (old, new) for one paragraph
    reworded, (None, new) for one added, (old, None) for one removed. A run of one paragraph
    replaced by one is that paragraph reworded."""
    if len(old) == len(new) == 1:
        return [(0, 0)]
    out: list[tuple[int | None, int | None]] = []
    at = 0
    many = len(old) * len(new) > MAX_PAIRINGS
    for n, para in enumerate(new):
        match = (at if at < len(old) else None) if many else next(
            (o for o in range(at, len(old)) if _alike(old[o], para)), None)
        if match is None:
            out.append((None, n))
            continue
        out += [(o, None) for o in range(at, match)]
        out.append((match, n))
        at = match + 1
    return out + [(o, None) for o in range(at, len(old))]


def _sentences(para: BookPara) -> list[str]:
    return [s.strip() for s in SENTENCE.split(para.text) if s.strip()]


def _quoted(sentence: str, n: int = 8) -> str:
    words = sentence.split()
    return "“" + " ".join(words[:n]) + (" …" if len(words) > n else "") + "”"


def _unlike(sentence: str, others: list[str]) -> bool:
    """No sentence of ``others`` is ``sentence`` reworded."""
    return not any(difflib.SequenceMatcher(a=sentence.split(), b=o.split(), autojunk=False)
                   .ratio() >= SIMILAR for o in others)


def _sentence_changes(old: BookPara, new: BookPara) -> str:
    """The sentences of a reworded paragraph deleted or added whole (none like them on the
    other side): “ (removed the sentence “It acts by consensus of its members.”)”."""
    before, after = _sentences(old), _sentences(new)
    said = [f"removed the sentence {_quoted(s)}" for s in before if _unlike(s, after)]
    said += [f"added the sentence {_quoted(s)}" for s in after if _unlike(s, before)]
    return f" ({'; '.join(said)})" if said else ""


def _kind(para: BookPara, marker: str) -> str:
    span = next((s for s in para.spans if s.text == marker), None)
    return "a cross-reference" if span is not None and span.kind == "ref" else "a field"


def _around(text: str, gap: re.Match[str]) -> str:
    """The words either side of a gap left by a deleted marker: “… under clause ; and”."""
    before = text[:gap.start()].split()[-3:]
    after = text[gap.end():].split()[:3]
    left = ("… " if len(text[:gap.start()].split()) > 3 else "") + " ".join(before)
    right = " ".join(after) + (" …" if len(text[gap.end():].split()) > 3 else "")
    word = gap.group(0).strip()
    return (f"{left} {word} {right}" if word else f"{left}  {right}").strip()


def _lost_fields(clause: str, old: BookPara, new: BookPara, added: list[BookPara],
                 skip: AbstractSet[str]) -> list[str]:
    """A warning for each «field» of the exported paragraph that neither the reworded one nor
    a paragraph added beside it has any more: not one whose whole sentence was deleted (the
    note names that sentence), nor one of ``skip`` (a figure docgen verifies, which its own
    check reports)."""
    have = Counter(FIELD.findall(new.text))
    for para in added:
        have.update(FIELD.findall(para.text))
    after = _sentences(new)
    out = []
    for marker, count in Counter(FIELD.findall(old.text)).items():
        if have[marker] >= count or marker in skip:
            continue
        if all(_unlike(s, after) for s in _sentences(old) if marker in s):
            continue  # its sentence went with it
        gap = DANGLING.search(new.text)
        reads = f" (it now reads “{_around(new.text, gap)}”)" if gap else ""
        out.append(f"{para_at(clause, new)}: {marker} ({_kind(old, marker)}) is no longer in "
                   f"this paragraph{reads}: check the sentence still reads right; if the "
                   "marker was deleted by mistake, copy it back from a fresh export of the "
                   "book and import again")
    return out


def changes(clause: str, exported: list[BookPara], paras: list[BookPara],
            matcher: difflib.SequenceMatcher[Look], skip: AbstractSet[str] = frozenset()
            ) -> tuple[list[str], list[str]]:
    """The note of each change (“added …”, “reworded …”, “removed …”), and the warnings of
    fields a reworded paragraph lost (but those of ``skip``)."""
    notes: list[str] = []
    warnings: list[str] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        old, new = exported[i1:i2], paras[j1:j2]
        paired = pairs(old, new)
        added = [new[n] for o, n in paired if o is None and n is not None]
        for o, n in paired:
            if o is None and n is not None:
                notes.append(f"added {first_words(new[n])}")
            elif n is None and o is not None:
                notes.append(f"removed {first_words(old[o])}")
            elif o is not None and n is not None:
                notes.append(f"reworded {first_words(new[n])}"
                             f"{_sentence_changes(old[o], new[n])}")
                warnings += _lost_fields(clause, old[o], new[n], added, skip)
    return notes, warnings
