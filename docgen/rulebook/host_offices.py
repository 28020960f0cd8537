"""What GP054 says when a host council is to give the post-holder a statutory office that
its law has a council give to one of its own officers, by the law the post is placed under:
England and Wales (only s.113(2) of the Local Government Act 1972 treats another body's
officer as the council's), Scotland (s.35 of the Local Government (Scotland) Act 1966 says
nothing of it) and Northern Ireland (s.105 of the Local Government Act (Northern Ireland)
1972 neither). Kept apart from :mod:`docgen.rulebook.legal`, which holds GP054 itself
(it keys on ``legal_basis``) and the other rules on the legal frame."""

from __future__ import annotations

from collections.abc import Iterator

from docgen._records import record
from docgen.answers.model import AnswerFile
from docgen.errors import SAID_IN_CLAUSE, Setting
from docgen.facts.derive import Facts
from docgen.facts.formatting import join_words, upper_first
from docgen.facts.own_offices import ni_duties, ni_own_offices
from docgen.facts.parties import PartyFacts
from docgen.facts.role_titles import role_kinds
from docgen.facts.roles import SCOTTISH_COUNCIL_KINDS, council_offices, own_officer_duties
from docgen.rulebook.registry import Told, told, way


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


def nhs_placed_offices(a: AnswerFile, f: Facts) -> Iterator[Words]:
    """GP054 when an NHS body employs and the post is placed under s.113 of the 1972 Act
    (s.113(1A)(b): an NHS body's officer at a council's disposal): one warning for each host
    council that is to give the post-holder an office a council gives to one of its own
    officers (:func:`offices_named`). Section 113(2) treats as the council's officer only an
    officer placed under s.113(1), so the designation is doubtful (s.73A(2) of the NHS Act
    2006: a director of public health "is to be an officer of the local authority"). The
    ways out: the council employs (its own officer, placed with the NHS body under
    s.113(1A)(a)), one of its own officers holds the role, or a lawyer confirms it, as the
    agreement's note for legal review on clause ``agreement.background`` asks: that note is
    written wherever the facts' ``legal.nhs_placed`` holds (s.113 chosen or cited in words),
    so every such warning carries ``SAID_IN_CLAUSE``. The hosts are ``legal.doubted_hosts``,
    whose roles all three documents say are "to be" given."""
    doubted = set(f.legal.doubted_hosts) if f.legal else set()
    for host in (p for p in f.parties if p.id in doubted):  # in the parties' order
        mine = [(i, r.role) for i, r in enumerate(a.post.statutory_roles)
                if r.party == host.id and offices_named(r.role, a.jurisdiction)]
        if not mine:
            continue
        offices = {o for _, role in mine for o in offices_named(role, a.jurisdiction)}
        duties = "; ".join(f"{p} requires a {o} to be an officer of the local authority"
                           for o, p in own_officer_duties(offices, a.jurisdiction))
        name, employer, one = host.short_name, f.employer.short_name, len(mine) == 1
        yield words(
            f"{name} is to make the post-holder its {join_words([r for _, r in mine])}, "
            f"{'a statutory office' if one else 'statutory offices'} a local authority gives "
            f"to one of its own officers{f' ({duties})' if duties else ''}. "
            f"{upper_first(employer)}, an NHS body, places the post-holder at {name}'s "
            "disposal under section 113(1A)(b) of the Local Government Act 1972, but section "
            "113(2), which treats an officer placed under section 113(1) as an officer of the "
            "authority it is placed with, says nothing of an NHS body's officer placed under "
            f"section 113(1A)(b), so it is doubtful that {name} can give "
            f"{'the office' if one else 'these offices'} to an officer {employer} employs (the "
            "agreement's note for legal review asks for this to be confirmed). ",
            f"Make {name} the employer, or have {'the role' if one else 'the roles'} held by "
            f"one of {name}'s own officers, or acknowledge GP054", way(f"employer={host.id}"),
            way(*(f"post.statutory_roles.{i}=-" for i, _ in mine)), way("acknowledge=GP054"),
            after=f" once a lawyer has confirmed, before the agreement is signed, that {name} "
            f"may give {'it' if one else 'them'} to an officer of {employer} placed at its "
            "disposal under section 113(1A)(b) whom it does not employ", code=SAID_IN_CLAUSE)


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


def _ni_duty(duties: list[tuple[str, str]]) -> str:
    """The provisions that have a Northern Ireland council give its offices to an officer of
    the council, as a clause of the warning: "section 1(2) of … requires a council's chief
    financial officer to be an officer of the council"."""
    (words, provision), *more = duties
    if not more:
        return f"{provision} requires a council's {words} to be an officer of the council"
    rest = ", and ".join(f"{p} its {w}" for w, p in more)
    return f"{provision} requires a council's {words}, and {rest}, to be an officer of the council"


def _ni_how(a: AnswerFile, f: Facts) -> str:
    """The power the post-holder's services are provided under, as GP054 names it in Northern
    Ireland: s.105(1)(b), which the agreement's clause on the background says it is."""
    if a.legal_basis == "lgni_1972_s105":
        return "section 105(1)(b) of the Local Government Act (Northern Ireland) 1972"
    return "a secondment" if a.legal_basis == "secondment" else f.legal_basis_text


def ni_offices(a: AnswerFile, f: Facts) -> Iterator[Words]:
    """GP054 in Northern Ireland: one warning for each host council that is to give the
    post-holder an office a council there must give to an officer of the council
    (the ``own_officer`` cells of ``roles.OFFICES``' Northern Ireland column, read through
    ``own_offices.ni_duties``: its chief financial officer, its clerk or chief
    executive). Section 105(1)(b) of the Local Government Act (Northern Ireland) 1972 has one
    body provide another with services and, unlike s.113(2) of the 1972 Act of England and
    Wales, treats no one as the receiving council's officer; a secondment or a power in words
    does not either. Only a transfer under s.105(2) (with the officer's consent, and for a
    public body the Department's under s.105(3)) might, which the documents do not write: the
    user has the host's own officer hold the role, makes the host the employer (when the
    employer is to hold no such office itself), or acknowledges with legal advice. The
    agreement's statutory roles clause makes the same point in its note
    (``legal.unplaced_hosts``), so the warning carries ``SAID_IN_CLAUSE``. The hosts are the
    facts' ``legal.own_office_hosts`` (which the note reads), warned about in the parties'
    order (the note names them in the roles')."""
    said = {p.id for p in f.legal.unplaced_hosts} if f.legal else set()
    employer_holds = any(ni_own_offices(r.role) for r in a.post.statutory_roles
                         if r.party == f.employer.id)
    bodies = [p.short_name for p in f.parties if p.kind != "local_authority"]
    dept = (f" and, for a public body ({join_words(bodies)}), the consent of the Department "
            "concerned (section 105(3))" if bodies else "")
    hosts = {p.id for p in f.legal.own_office_hosts} if f.legal else set()
    for host in (p for p in f.parties if p.id in hosts):  # in the parties' order
        mine = [(i, r.role) for i, r in enumerate(a.post.statutory_roles)
                if r.party == host.id and ni_own_offices(r.role)]
        offices = {o for _, role in mine for o in ni_own_offices(role)}
        duties = ni_duties(offices)
        name, one = host.short_name, len(mine) == 1
        act = ("that Act" if a.legal_basis == "lgni_1972_s105"
               else "the Local Government Act (Northern Ireland) 1972")
        ways = [way(*(f"post.statutory_roles.{i}=-" for i, _ in mine))]
        if not employer_holds:
            ways.append(way(f"employer={host.id}"))
        ways.append(way("acknowledge=GP054"))
        yield words(
            f"{name} is to make the post-holder its {join_words([r for _, r in mine])}, but "
            f"{_ni_duty(duties)}, and under {_ni_how(a, f)} the post-holder remains an officer "
            f"of {f.employer.short_name} only: section 105 of {act}, unlike section 113(2) "
            "of the Local Government Act 1972 in England and Wales, does not treat a person "
            "whose services are provided to a council as its officer. ",
            f"Have {'the role' if one else 'the roles'} held by one of {name}'s own officers "
            f"and remove {'it' if one else 'them'} from post.statutory_roles (e.g. the entry "
            f"{{party: {host.id}, role: {mine[0][1]}}})"
            + ("" if employer_holds else f", or make {name} the employer")
            + ", or acknowledge GP054", *ways,
            after=f" with a lawyer's advice if {name} is to make the post-holder its officer by "
            "a temporary transfer under section 105(2) of the Local Government Act (Northern "
            f"Ireland) 1972, which needs the post-holder's consent{dept}",
            code=SAID_IN_CLAUSE if host.id in said else "")


def scottish_secondment(f: Facts, name: str, host: str, role: str, i: int, how: str) -> Told:
    """GP054 under a secondment (``how``: "a secondment") or a power named in words (``how``:
    the words) in Scotland: section 113 of the 1972 Act does not extend there, so no legal
    basis can make the post-holder the host's officer; the role goes to one of the host's own
    officers, or the host employs the post-holder."""
    return told(
        f"{name} is to make the post-holder its {role}, a statutory office a Scottish council "
        f"gives to one of its own officers, but under {how} the post-holder remains an "
        f"officer of {f.employer.short_name} only. Section 113 of the Local Government Act "
        "1972, which treats an officer placed with another authority as that authority's "
        "officer (section 113(2)), does not extend to Scotland, and section 35 of the Local "
        "Government (Scotland) Act 1966 places an officer's services at another council's "
        "disposal without saying that the officer is then treated as its officer. ",
        f"Have the role held by one of {name}'s own officers, or make {name} the employer",
        way(f"post.statutory_roles.{i}=-"), way(f"employer={host}"))


def placed_by_an_nhs_body(f: Facts, host: PartyFacts, role: str, i: int, how: str,
                          code: str) -> Told:
    """GP054 under a secondment or a power named in words when an NHS body employs: s.113 of
    the 1972 Act would place its officer with the council under s.113(1A)(b), but s.113(2),
    which treats an officer placed under s.113(1) as the host's officer, says nothing of
    s.113(1A)(b) (the agreement's note for legal review says so when s.113 is chosen). So
    s.113 is no promise here: the sure ways are the council employing the post-holder or
    giving the role to one of its own officers; relying on s.113(1A)(b) needs a lawyer to
    confirm that the role's own statute lets the council give the office to an officer it
    does not employ (an "officer" need not be an employee, but the point is open)."""
    name, employer = host.short_name, f.employer.short_name
    return told(
        f"{name} is to make the post-holder its {role}, a statutory office a local authority "
        f"gives to one of its own officers, but under {how} the post-holder remains an officer of "
        f"{employer} only. Section 113(1A)(b) of the Local Government Act 1972 lets "
        f"{employer}, an NHS body, place its officer at {name}'s disposal, but section 113(2), "
        "which treats an officer placed under section 113(1) as an officer of the authority "
        "it is placed with, "
        "says nothing of an NHS body's officer placed under section 113(1A)(b), so placing "
        f"the post-holder under section 113 would not by itself make them {name}'s officer. ",
        f"Make {name} the employer, or have the role held by one of {name}'s own officers, or "
        "set legal_basis: lga_1972_s113", way(f"employer={host.id}"),
        way(f"post.statutory_roles.{i}=-"), way("legal_basis=lga_1972_s113"),
        after=f" and have a lawyer confirm, before the agreement is signed, that the role's own "
        f"statute lets {name} give the office to an officer placed with it under section "
        f"113(1A)(b) whom it does not employ", code=code)
