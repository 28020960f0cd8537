"""Verification's shortcuts give what the plain way gives: figures found paragraph by
paragraph (and remembered) are those found in the joined text, and the template-tag test
that looks for "{" first finds what looking for each tag finds."""

from __future__ import annotations

import random
import re
from collections.abc import Callable

from docgen.ooxml.readback import ReadDocument, norm, read_parts
from docgen.word import places, stated, verify
from docgen.word.figures import FIGURE, figures_in, known_figures, stated_figures
from docgen.word.places import party_words, printed
from docgen.word.together import Segments
from tests.word.test_fast_paths import EXAMPLES, _checked, _filled, _strings

_PIECES = ["£", "€", "$", "1", "12", "2025", "1,000", ".00", "50", "%", "March", "May",
           "December", "Mayday", "x", ".", ",", " ", "-", "\u00a0", "٣", "a", "\n", "|"]


def _plain(paragraphs: list[str]) -> list[str]:
    return [norm(f) for f in FIGURE.findall(" ".join(paragraphs))]


def _paragraph(rnd: random.Random) -> str:
    return norm("".join(rnd.choice(_PIECES) for _ in range(rnd.randint(1, 8)))) or "x"


def test_figures_found_paragraph_by_paragraph_are_those_of_the_joined_text() -> None:
    rnd = random.Random(31)
    for _ in range(20_000):
        paragraphs = [_paragraph(rnd) for _ in range(rnd.randint(0, 5))]
        assert stated_figures(paragraphs) == _plain(paragraphs), paragraphs
        assert stated_figures(paragraphs) == _plain(paragraphs), paragraphs  # remembered


def test_a_figure_across_two_paragraphs_is_still_found_as_in_the_joined_text() -> None:
    for paragraphs in (["paid £", "1,000.00 a year"], ["on 1", "March 2025"],
                       ["on 1 March", "2025 and"], ["50", "%"], ["£", "x"]):
        assert stated_figures(paragraphs) == _plain(paragraphs), paragraphs


def test_figures_of_the_examples_are_found_alike() -> None:
    for path in EXAMPLES:
        _, filled = _filled(path)
        for kind, f in filled.items():
            doc = read_parts(kind, *f.parts)
            assert doc.figure_text == " ".join(doc.figure_paragraphs)
            assert stated_figures(doc.figure_paragraphs) == _plain(doc.figure_paragraphs)
            assert stated_figures(doc.figure_paragraphs)


def test_known_figures_string_by_string_are_those_of_the_joined_strings() -> None:
    rnd = random.Random(37)
    for _ in range(5_000):
        strings = ["".join(rnd.choice(_PIECES) for _ in range(rnd.randint(0, 8)))
                   for _ in range(rnd.randint(0, 5))]
        joined = {norm(m) for m in FIGURE.findall(norm("\n|\n".join(strings)))}
        assert {f for s in strings for f in figures_in(s)} == joined, strings
    for path in EXAMPLES:
        facts = _checked(path).facts
        assert known_figures(facts) == {
            norm(m) for m in FIGURE.findall(norm("\n|\n".join(_strings(facts))))}


def test_every_template_tag_begins_with_what_is_looked_for_first() -> None:
    assert all(tag.startswith(verify._TAG_START) for tag in verify.TEMPLATE_TAGS)


def _stated_as_first_written(facts: object, kind: str, name: str,
                             segments: list[str]) -> list[str]:
    """stated_problems as first written: each cue found with str.find in the joined text."""
    text = "\n".join(segments)
    problems: list[str] = []
    for s in stated.STATEMENTS:
        if kind not in s.kinds:
            continue
        at = text.find(s.cue)
        while at != -1:
            start, end = text.rfind("\n", 0, at) + 1, text.find("\n", at)
            end = len(text) if end == -1 else end
            problems += stated._differences(facts, name, s, text[start:end])  # type: ignore[arg-type]
            at = text.find(s.cue, end)
    return list(dict.fromkeys(problems))


def test_statements_found_segment_by_segment_are_those_found_in_the_joined_text() -> None:
    rnd = random.Random(41)
    for path in EXAMPLES:
        facts, filled = _checked(path).facts, _filled(path)[1]
        segments = [s for f in filled.values() for s in read_parts("x", *f.parts).segments]
        held = [s for s in segments if any(st.cue in s for st in stated.STATEMENTS)]
        assert held
        for _ in range(300):
            chosen = rnd.sample(held, min(len(held), rnd.randint(0, 12))) + \
                rnd.sample(segments, 5)
            edited = []
            for seg in chosen:
                if rnd.random() < 0.3:  # a figure changed, as by hand
                    seg = seg.replace(rnd.choice("0123456789"), rnd.choice("0123456789"))
                if rnd.random() < 0.1:
                    at = rnd.randint(0, len(seg))
                    seg = seg[:at] + "\n" + seg[at:]
                edited += [seg] * rnd.choice([1, 1, 1, 2])
            for kind in ("agreement", "contract", "job_spec"):
                first = _outcome(_stated_as_first_written, facts, kind, edited)
                assert _outcome(stated.stated_problems, facts, kind, edited) == first
                assert _outcome(stated.stated_problems, facts, kind, edited) == first


def _outcome(check: Callable[..., list[str]], facts: object, kind: str,
             segments: list[str]) -> list[str] | type:
    """The problems, or the exception raised (a line break cut into a table row can leave
    a statement without its value: both ways fail alike there)."""
    try:
        return check(facts, kind, "x", segments)
    except Exception as exc:  # noqa: BLE001
        return type(exc)


def _missing_as_first_written(facts: object, read: list[ReadDocument],
                              texts: list[tuple[str, str]]) -> list[str]:
    """_missing_values as first written: every value searched for in the joined texts."""
    plain = [ReadDocument(name=d.name, text=d.text) for d in read]  # no paragraphs
    return verify._missing_values(facts, plain, texts)  # type: ignore[arg-type]


def test_values_found_as_whole_paragraphs_are_those_the_search_finds() -> None:
    rnd = random.Random(47)
    for path in EXAMPLES:
        checked, filled = _filled(path)
        facts = checked.facts  # type: ignore[attr-defined]
        docs = [read_parts(k, *f.parts) for k, f in filled.items()]
        values = verify.printed_values(facts.answers)
        assert not verify._missing_values(facts, docs, values)
        missing = 0
        for _ in range(40):  # paragraphs taken out, as by hand: their values go missing
            cut = []
            for d in docs:
                kept = [p for p in d.paragraphs if rnd.random() < 0.8]
                cut.append(ReadDocument(name=d.name, text=" ".join(filter(None, kept)),
                                        paragraphs=kept))
            found = verify._missing_values(facts, cut, values)
            assert found == _missing_as_first_written(facts, cut, values)
            missing += len(found)
        assert missing > 40


#: what a list item's text gets after it, as verification first took it off (the oracle of
#: verify._item_body)
_ITEM_END = re.compile(r"[.;,:]?(?: and| or)?$")


def _blanked_as_first_written(cell: str, own_texts: list[str]) -> str:
    body = _ITEM_END.sub("", cell)
    for t in own_texts:
        for text in (cell, body):
            if text == t:
                return "…"
            if text.endswith(t) and text[-len(t) - 1] in " \u00a0":
                return text[:-len(t)] + "…"
    return cell


def test_cells_blanked_with_the_last_character_test_are_those_blanked_without() -> None:
    rnd = random.Random(53)
    pieces = ["40%", " fewer", " staff", ".", ";", ",", ":", " and", " or", "\n", " ",
              "\u00a0", "3 days", "x", "Westmere", "- for", "", "or", "and"]
    for _ in range(30_000):
        own = sorted({"".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 3))) or "x"
                      for _ in range(rnd.randint(1, 4))}, key=len, reverse=True)
        cell = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 6)))
        if rnd.random() < 0.3:
            cell += rnd.choice(["", " ", "\u00a0"]) + rnd.choice(own) + rnd.choice(
                ["", ".", "; and", ", or", "\n"])
        lasts = {t[-1] for t in own} if all(own) else None
        assert verify._blanked(cell, own, lasts) == _blanked_as_first_written(cell, own), (
            cell, own)


def test_a_list_item_ending_taken_off_from_the_end_is_what_the_pattern_took_off() -> None:
    rnd = random.Random(61)
    pieces = [".", ";", ",", ":", " and", " or", "and", "or", " ", "\n", "x", "a", "d",
              "\u00a0", ". and", "; or"]
    for _ in range(50_000):
        cell = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 6)))
        assert verify._item_body(cell) == _ITEM_END.sub("", cell), cell


def test_segments_holding_a_text_are_given_in_order_and_asked_again_alike() -> None:
    rnd = random.Random(59)
    for _ in range(5_000):
        segments = ["".join(rnd.choice("ab |\u00e9") for _ in range(rnd.randint(0, 5)))
                    for _ in range(rnd.randint(0, 8))]
        held = Segments(segments)
        for value in ("a", "b", "ab", "a b", "|", "\u00e9a"):
            expected = [i for i, seg in enumerate(segments) if value in seg]
            assert list(held.indices_holding(value)) == expected, (segments, value)


def test_a_segment_stating_a_share_is_told_as_the_plain_test_tells_it() -> None:
    rnd = random.Random(61)
    pieces = ["%", " day", " hour", " days", "60", "1.5", "x", " ", "Eastwick: ", "|", "d"]
    for _ in range(20_000):
        seg = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 6)))
        plain = ("%" in seg or " day" in seg or " hour" in seg) and bool(
            places._ANY_SHARE.search(seg))
        assert places.states_a_share(seg) == plain, seg
        assert places.states_a_share(seg) == plain, seg  # remembered


def _own_texts_as_first_written(facts: object, values: list[tuple[str, str]]) -> list[str]:
    names = {w for p in facts.parties for w in party_words(p)}  # type: ignore[attr-defined]
    found = set()
    for key, value in values:
        if not verify._READ_AS_STATED.search(value) or verify._STATED_AS_ITSELF.match(key):
            continue
        text = norm(printed(value))
        if text not in names and not verify._ONLY_FIGURE.fullmatch(text):
            found.add(text)
    return sorted(found, key=len, reverse=True)


def test_own_texts_remembered_are_those_found_afresh() -> None:
    rnd = random.Random(67)
    pieces = ["40%", " fewer", " staff", "3", " days", "tbc", "TBA", "  ", "\u00a0",
              "at intervals of", " 6 months", "Eastwick", "Westmere", "x", "£1,000.00", ""]
    keys = ["post.title", "governance.disputes.1.level", "governance.objectives.shared.0"]
    for path in EXAMPLES:
        facts = _checked(path).facts
        values = [(k, v) for k, v in verify.printed_values(facts.answers, optional=True)]
        assert verify.own_texts_of(facts, values) == _own_texts_as_first_written(facts, values)
        for _ in range(300):
            extra = [(rnd.choice(keys), "".join(rnd.choice(pieces)
                                                for _ in range(rnd.randint(0, 4))))
                     for _ in range(rnd.randint(0, 8))]
            mixed = values + extra + [(rnd.choice(keys), p.name) for p in facts.parties]
            assert verify.own_texts_of(facts, mixed) == \
                _own_texts_as_first_written(facts, mixed)
