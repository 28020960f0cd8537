"""What GP054 says when a host council is to give the post-holder a statutory office that
its law has a council give to one of its own officers, by the law the post is placed under:
England and Wales (only s.113(2) of the Local Government Act 1972 treats another body's
officer as the council's) and Scotland (s.35 of the Local Government (Scotland) Act 1966
says nothing of it). Kept apart from :mod:`docgen.rulebook.legal`, which holds GP054 itself
(it keys on ``legal_basis``) and the other rules on the legal frame."""

from __future__ import annotations

from collections.abc import Iterator

from docgen._records import record
from docgen.answers.model import AnswerFile
from docgen.errors import Setting
from docgen.facts.derive import Facts
from docgen.facts.formatting import join_words
from docgen.facts.parties import PartyFacts
from docgen.facts.roles import SCOTTISH_COUNCIL_KINDS, council_offices, role_kinds
from docgen.rulebook.registry import way


@record(frozen=True)
class Words:
    """A GP054 finding's words, as ``registry.told`` takes them: :mod:`docgen.rulebook.legal`
    makes the message with its own ``told``, so the rule's module words every message it
    gives (tests/web/test_message_codes.py rewords a rule's messages there)."""

    before: str
    said: str
    ways: tuple[tuple[Setting, ...], ...]
    after: str = ""
    code: str = ""


def words(before: str, said: str, *ways: tuple[Setting, ...], after: str = "",
          code: str = "") -> Words:
    """:class:`Words`, given as ``registry.told`` is."""
    return Words(before, said, ways, after, code)


def offices_named(role: str, jurisdiction: str) -> set[str]:
    """The statutory offices of a council in ``jurisdiction`` that a role names, as the facts'
    one table ``facts/roles.OFFICES`` says (in England and Wales ``council_offices``: not a
    Welsh head of democratic services in England, nor England's directors of public health,
    adult or children's services in Wales; in Scotland ``SCOTTISH_COUNCIL_KINDS``)."""
    if jurisdiction == "scotland":
        return (role_kinds(role) - {"returning officer"}) & SCOTTISH_COUNCIL_KINDS
    return council_offices(role, jurisdiction) - {"returning officer"}


def not_placed_under_s113(f: Facts, host: PartyFacts, role: str, how: str, code: str
                          ) -> Words:
    """GP054 in England and Wales under a secondment or a power named in words (``how``) that
    does not cite s.113: the post-holder stays the employer's officer alone, and only an
    agreement under s.113 treats them as the host's (s.113(2))."""
    which = "a secondment" if how == "a secondment" else "that power"
    return words(
        f"{host.short_name} is to make the post-holder its {role}, a statutory office "
        f"a council gives to one of its own officers, but under {how} the post-holder "
        f"remains an officer of {f.employer.short_name} only; an agreement under "
        "section 113 of the Local Government Act 1972 treats the post-holder as an "
        f"officer of {host.short_name} (section 113(2)), which {which} does not. ",
        "Set legal_basis: lga_1972_s113", way("legal_basis=lga_1972_s113"),
        after=f", or have the role held by one of {host.short_name}'s own officers",
        code=code)


def s35_offices(a: AnswerFile, f: Facts) -> Iterator[Words]:
    """GP054 under s.35 of the 1966 Act: one warning for each host council, naming its
    offices."""
    for host in f.parties:
        if host.is_employer or host.kind != "local_authority":
            continue
        roles = [r.role for r in a.post.statutory_roles
                 if r.party == host.id and offices_named(r.role, a.jurisdiction)]
        if not roles:
            continue
        one = len(roles) == 1
        name = host.short_name
        yield words(
            f"{name} is to make the post-holder its {join_words(roles)}, "
            f"{'a statutory office' if one else 'statutory offices'} a council gives to one "
            "of its own officers. Section 35 of the Local Government (Scotland) Act 1966 "
            f"places the post-holder's services at {name}'s disposal but, unlike section "
            "113(2) of the Local Government Act 1972, does not say that the post-holder is "
            f"then treated as {name}'s officer, so whether {name} can make "
            f"{'the designation' if one else 'these designations'} is uncertain. Take legal "
            f"advice before {'it is' if one else 'they are'} made, and ", "acknowledge GP054",
            way("acknowledge=GP054"), after=" with that advice, or have "
            f"{'the role' if one else 'the roles'} held by one of {name}'s own officers")
