"""A Welsh council's chief executive and the resources s.54(6) gives them (a lawyer's review, 7
December 2026, item 4, carried over). Section 54 of the Local Government and Elections (Wales)
Act 2021: "(1) A principal council must appoint a chief executive." … "(6) A principal council
must provide its chief executive with such staff, accommodation and other resources as are, in
the chief executive's opinion, sufficient to allow the chief executive's duties under this
section to be carried out." The agreement cited s.54 for the appointment but, unlike its
paragraphs on a monitoring officer (s.5(1)(b) of the 1989 Act) and a Welsh director of social
services (s.144(5) of the 2014 Act), said nothing of the resources. Its paragraph on the chief
executive's pay now ends with each appointing council's duty, read back from the agreement."""

from __future__ import annotations

from legal_answers import WALES, answers, numbered

S54_6 = ("Each such Party shall provide the Post-holder with such staff, accommodation and "
         "other resources as are, in the Post-holder's opinion, sufficient to allow the "
         "Post-holder's duties as its chief executive under section 54 of the Local Government "
         "and Elections (Wales) Act 2021 to be carried out, as section 54(6) of that Act "
         "requires.")


def test_each_appointing_council_provides_the_resources() -> None:
    said = numbered(answers(WALES))["18.5"]
    assert said.startswith("The Post-holder's remuneration as chief executive")
    assert said.endswith("each such Party shall reflect the Arrangement in its statement. "
                         + S54_6)


def test_the_clause_numbers_after_it_are_kept() -> None:
    n = numbered(answers(WALES))
    assert n["18.6"].startswith("Where the Post-holder holds a statutory role for more than "
                                "one Party")
