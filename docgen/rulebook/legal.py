"""Rules on the legal frame of the arrangement: ``legal_basis``, ``jurisdiction`` and the
documents' ``status``; Scotland's own answers (``integration_joint_board``, the board's part,
``execution``) are in :mod:`docgen.rulebook.scottish_answers`."""

from __future__ import annotations

from docgen.answers.model import AnswerFile
from docgen.answers.powers import STATUTE_REACH
from docgen.errors import SAID_IN_CLAUSE, Setting
from docgen.facts.derive import Facts
from docgen.facts.formatting import join_words
from docgen.facts.jurisdictions import JURISDICTIONS, LEGAL_BASES
from docgen.facts.parties import welsh_council_name
from docgen.rulebook.common import (
    DOMAIN,
    LGSA_S35,
    PBJWSA,
    STANDING_ORDERS,
    Findings,
)
from docgen.rulebook.host_offices import (
    Words,
    nhs_placed_offices,
    ni_offices,
    not_placed_under_s113,
    placed_by_an_nhs_body,
    s35_offices,
    scottish_secondment,
)
from docgen.rulebook.host_offices import offices_named as _offices  # read by tests/facts
from docgen.rulebook.registry import Told, rule, told, way
from docgen.rulebook.statutes import (
    LEGAL_BASIS_HOME,
    PARTNERSHIP_CITED,
    cited_in,
    fire_authority_words,
    home_of,
    is_fire_authority,
    partnership_only,
)


@rule("GP050", "warning", "legal_basis", LGSA_S35 + "; " + PBJWSA,
      "s.35 of the 1966 Act does not reach an integration joint board",
      clauses=("agreement.background",))
def s35_ijb_party(a: AnswerFile, f: Facts) -> Findings:
    board = f.legal.ijb_party if f.legal else None
    if a.legal_basis == "lgs_1966_s35" and board is not None:
        yield ("legal_basis",), (
            "section 35 of the Local Government (Scotland) Act 1966 lets a local authority "
            f"place its staff at the disposal of another local authority; it does not reach "
            f"{board.name}, an integration joint board, which signs as a party. Set "
            "legal_basis: secondment, or state another power in legal_basis: other "
            f"({_NO_STAFF_POWER}), and have it confirmed by a lawyer")


@rule("GP016", "warning", "legal_basis", DOMAIN + " (legal bases by jurisdiction)",
      "the legal basis should be a power that applies in the jurisdiction",
      clauses=("agreement.background",))
def legal_basis_jurisdiction(a: AnswerFile, f: Facts) -> Findings:
    home = LEGAL_BASIS_HOME.get(a.legal_basis)
    here = home_of(a.jurisdiction)
    if home and home != here:
        before, said, ways, after = _power_here(a, f)
        yield ("legal_basis",), told(
            f"{f.legal_basis_text} is a power in {JURISDICTIONS[home]['name']}, not "
            f"{f.jurisdiction['name']}; {before}", said, *ways, after=after)


#: what each statutory power reaches, as GP016 says it (``answers/powers.STATUTE_REACH``)
_REACH_TEXT = {"lgs_1966_s35": "places staff only between local authorities",
               "lga_1972_s113": "places officers only between local authorities, or between "
               "a local authority and an NHS body"}
_NO_STAFF_POWER = ("the Public Bodies (Joint Working) (Scotland) Act 2014 and an integration "
                   "scheme are no power to share staff")
#: the other route, by jurisdiction, where its own power does not reach every party (GP047)
#: (never the Public Bodies (Joint Working) (Scotland) Act 2014: the agreement's note says it
#: is no power to share staff, and a basis in its words is stated in no document: the facts'
#: ``legal.basis_no_staff_power``)
_OTHER_ROUTE = {"scotland": _NO_STAFF_POWER,
                "england_and_wales": "for NHS bodies, their own powers"}


def _out_of_reach(basis: str, f: Facts) -> list[str]:
    """The parties a statutory ``basis`` does not let the employer place the post-holder
    with (``answers/powers.STATUTE_REACH``): the employer itself, when the power is not one it
    has, and the hosts of a kind it does not reach; an integration joint board that signs,
    for s.35 (GP050). A power that reaches every host (s.105 of the Northern Ireland Act of
    1972): none."""
    reach = STATUTE_REACH.get(basis)
    if reach is None:
        return []
    kinds = reach.get(f.employer.kind)
    out = [f.employer.short_name] if kinds is None else []
    out += [p.short_name for p in f.others if p.kind not in (kinds or _placeable(reach))]
    board = f.legal.ijb_party if f.legal else None
    if basis == "lgs_1966_s35" and board is not None:
        out.append(board.short_name)
    return out


def _power_here(a: AnswerFile, f: Facts
                ) -> tuple[str, str, tuple[tuple[Setting, ...], ...], str]:
    """The instruction to use the power of the post's own jurisdiction (GP016, and GP047
    outside Scotland): what comes before it, what it says, its ways and what comes after. The
    power is named only when it reaches every party (s.35 of the 1966 Act places staff
    only between local authorities, s.113 not an NHS body's officer with another NHS body);
    otherwise a secondment, or another power stated in words."""
    here = home_of(a.jurisdiction)
    power = next(k for k, v in LEGAL_BASIS_HOME.items() if v == here)
    out = _out_of_reach(power, f)
    if not out:
        return ("", f"set legal_basis: {power} (the power for this jurisdiction) or "
                "legal_basis: secondment", (way(f"legal_basis={power}"),
                                            way("legal_basis=secondment")),
                ", and have it confirmed by a lawyer")
    route = _OTHER_ROUTE.get(here)
    return (f"the power for {JURISDICTIONS[here]['name']}, {LEGAL_BASES[power]}, "
            f"{_REACH_TEXT[power]}, so it does not reach {join_words(out)}. ",
            "Set legal_basis: secondment, or state the power "
            "in legal_basis: other", (way("legal_basis=secondment"),
                                      way("legal_basis=other", "legal_basis_text")),
            (f" ({route})" if route else "") + ", and have it confirmed by a lawyer")


def _placeable(reach: dict[str, tuple[str, ...]]) -> set[str]:
    """The kinds of host a statute lets some employer place an officer with
    (``answers/powers.STATUTE_REACH``, which GP017 and GP047 read)."""
    return {kind for kinds in reach.values() for kind in kinds}


@rule("GP017", "warning", "legal_basis", DOMAIN + " (s.113(1) and (1A) LGA 1972)",
      "s.113 places an officer between local authorities, or between a local authority and an "
      "NHS body, in either direction", clauses=("agreement.background", "agreement.employment"))
def s113_parties(a: AnswerFile, f: Facts) -> Findings:
    if a.legal_basis != "lga_1972_s113":
        return
    reach = STATUTE_REACH["lga_1972_s113"]
    fire = [p for p in (f.employer, *f.others) if is_fire_authority(p.name)]
    if fire:  # not a council by its name: s.113 reaches it only if its own law says so
        yield ("legal_basis",), told(fire_authority_words([p.short_name for p in fire]),
                                     "acknowledge GP017, or use legal_basis: secondment",
                                     way("acknowledge=GP017"), way("legal_basis=secondment"))
    if f.employer.kind not in reach and f.employer not in fire:
        yield ("employer",), told(
            f"s.113 lets a local authority or an NHS body place its officers, but the employer "
            f"{f.employer.short_name} is neither; make a local authority or NHS body the "
            "employer, or ", "use legal_basis: secondment", way("legal_basis=secondment"))
    elif f.employer.kind in reach:  # an NHS employer: with a council only (s.113(1A)(b))
        nhs = [p.short_name for p in f.others if p.kind in _placeable(reach)
               and p.kind not in reach[f.employer.kind]]
        if nhs:
            yield ("employer",), told(
                f"s.113(1A)(b) lets an NHS body place its officers only with a local authority, "
                f"but {join_words(nhs)} {'is' if len(nhs) == 1 else 'are'} also an NHS body; "
                "use a secondment (or the NHS bodies' own powers) for that part, ",
                "stated in legal_basis: other", way("legal_basis=other", "legal_basis_text"))
    odd = [p.short_name for p in f.others if p.kind not in _placeable(reach) and p not in fire]
    if odd:
        yield ("legal_basis",), told(
            f"s.113 places officers only with local authorities and NHS bodies, and "
            f"{join_words(odd)} {'is' if len(odd) == 1 else 'are'} neither; ", "use a "
            "secondment or state the power in legal_basis: other", way("legal_basis=secondment"),
            way("legal_basis=other", "legal_basis_text"))


@rule("GP029", "warning", "status", "docgen (documents for legal review)",
      "a final document should have no placeholders left",
      clauses=("contract.introduction",), documents=("agreement", "contract", "job_spec"))
def final_without_placeholders(a: AnswerFile, f: Facts) -> Findings:
    if a.status == "final" and f.placeholders:
        yield ("status",), told(
            f"the documents are marked final but {'; '.join(f.placeholders)} still need "
            "filling in; ", "add them (the postholder section, or exit.reversion_post and "
            "exit.reversion_grade) or keep status: draft", way("postholder"),
            way("exit.reversion_post", "exit.reversion_grade"), way("status=draft"))


@rule("GP034", "warning", "jurisdiction", STANDING_ORDERS + "; Welsh Language (Wales) "
      "Measure 2011", "say whether the post is in England or Wales when it holds a statutory "
      "role or a council's name is Welsh",
      clauses=("agreement.statutory_roles", "agreement.background"),
      documents=("agreement", "contract"))
def england_or_wales(a: AnswerFile, f: Facts) -> Findings:
    """A council whose name begins "Cyngor" is named: its name reads as a Welsh council's,
    and only ``jurisdiction: wales`` gives the documents Wales' own wording."""
    welsh = [f"“{p.name}”" for p in f.parties
             if p.kind == "local_authority" and welsh_council_name(p.name)]
    if a.jurisdiction == "england_and_wales" and welsh:
        reads = ("reads as the name of a Welsh council" if len(welsh) == 1
                 else "read as the names of Welsh councils")
        yield ("jurisdiction",), told(
            f"{join_words(welsh)} {reads} (“Cyngor” is Welsh for council), but “England and "
            "Wales” does not say that the parties are in Wales, so the documents give none of "
            "Wales' own wording (the Welsh language standards, Wales' law on councils' "
            "statutory officers). ",
            "Set jurisdiction: wales, which gives the Welsh wording, or acknowledge GP034",
            way("jurisdiction=wales"), way("acknowledge=GP034"), after=" if a partner is in "
            "England")
    elif a.jurisdiction == "england_and_wales" and a.post.statutory_roles:
        yield ("jurisdiction",), told(
            "“England and Wales” does not say whether the parties are in England or in "
            "Wales, and the procedures for disciplining and dismissing statutory officers "
            "differ between them (as do the director of public health's appointment and the "
            "Welsh language standards). ", "Set jurisdiction: england or jurisdiction: wales",
            way("jurisdiction=england"), way("jurisdiction=wales"))


@rule("GP047", "warning", "legal_basis", LGSA_S35,
      "s.35 of the 1966 Act places staff only between Scottish local authorities (and with "
      "the Scottish Ministers)", clauses=("agreement.background",))
def s35_parties(a: AnswerFile, f: Facts) -> Findings:
    if a.legal_basis != "lgs_1966_s35":
        return
    reach = STATUTE_REACH["lgs_1966_s35"]
    odd = [p.short_name for p in f.parties
           if p.kind not in (reach if p.is_employer else _placeable(reach))]
    if not odd:
        return
    which = "is not a local authority" if len(odd) == 1 else "are not local authorities"
    what = (f"section 35 of the Local Government (Scotland) Act 1966 does not reach "
            f"{join_words(odd)}, which {which}")
    if a.jurisdiction == "scotland":
        yield ("legal_basis",), told(
            f"{what}; ", "set legal_basis: secondment, or state another power in "
            "legal_basis: other", way("legal_basis=secondment"),
            way("legal_basis=other", "legal_basis_text"),
            after=f" ({_OTHER_ROUTE['scotland']}), and have it confirmed by a lawyer")
        return
    before, said, ways, after = _power_here(a, f)  # nor does it apply outside Scotland
    yield ("legal_basis",), told(
        f"{what}, and it applies only in Scotland, not {f.jurisdiction['name']}; "
        f"{before}", said, *ways, after=after)


@rule("GP054", "warning", "legal_basis", DOMAIN + " (s.113(1), (1A)(b) and (2) LGA 1972; a council "
      "designates one of its own officers: s.5(1) LGHA 1989, s.73A(2) NHS Act 2006; "
      + LGSA_S35 + " has no deeming provision; in Northern Ireland s.1(2) LGFA (NI) 2011 and "
      "s.41(1) LGA (NI) 1972, and s.105 LGA (NI) 1972 has none)",
      "a council can make a seconded officer of another body its statutory officer only if "
      "the post-holder is treated as its officer (under s.35 of the 1966 Act, uncertain; "
      "s.105 of the Northern Ireland Act of 1972 treats no one so; s.113(2) does not say so of "
      "an NHS body's officer placed under s.113(1A)(b), doubtful)",
      clauses=("agreement.background", "agreement.statutory_roles"))
def statutory_role_without_s113(a: AnswerFile, f: Facts) -> Findings:
    """Under a contractual secondment the post-holder stays the officer of the employer
    alone. A host council's head of paid service, monitoring officer ("one of their
    officers", s.5(1) of the Local Government and Housing Act 1989), chief finance officer,
    director of public health ("an officer of the local authority", s.73A(2) of the NHS Act
    2006, England) (and a Welsh chief executive or head of democratic services, an English
    director of adult or children's services) must be one of its own officers; s.113(2) is
    what treats an officer placed under s.113 as the host's. The offices are those
    ``facts/role_titles.role_kinds`` names that a council of the post's country has (``_offices``).
    Whether the words cite s.113 is the facts' ``legal.cites_s113``. A power named in words
    (``legal_basis: other``) is no better than a secondment unless the words cite s.113 of
    the 1972 Act: s.75 of the NHS Act 2006, s.1 of the Localism Act 2011 and s.111 of the
    1972 Act make no one the host's officer. Section 35 of the Local Government (Scotland)
    Act 1966 places an officer at another council's disposal but says nothing like
    s.113(2): whether the host may make the officer its s.95 officer, chief social work
    officer or monitoring officer is uncertain, so the warning asks for advice rather than
    saying the designation fails. Under a secondment in Scotland s.113 is not available at
    all (the 1972 Act's s.113 does not extend there): the warning says to have the role held
    by one of the host's own officers or make the host the employer. When an NHS body
    employs, s.113 would place the post-holder under s.113(1A)(b), which s.113(2) does not
    reach, so the warning gives that caveat (``host_offices.placed_by_an_nhs_body``); and when
    the post is placed under s.113 (chosen, or cited in words) with an NHS employer, the
    designation is doubtful for that reason and GP054 warns of each host council's offices
    (``host_offices.nhs_placed_offices``: the council employs, its own officer holds the
    role, or a lawyer confirms it, as the background clause's note asks). In Northern
    Ireland a council's chief financial officer and clerk (chief executive) are its own
    officers, and s.105 of the Local Government Act (Northern Ireland) 1972 deems no one the
    host's officer under any basis (``host_offices.ni_offices``). Where the
    agreement's statutory roles clause says it in its own note (naming every such council),
    the warning carries ``SAID_IN_CLAUSE`` and the documents no second note."""
    cited = cited_in(a.legal_basis_text) if a.legal_basis == "other" else set()
    if a.legal_basis == "lgs_1966_s35" or (
            "lgs_1966_s35" in cited and a.jurisdiction == "scotland"):
        if f.employer.kind == "local_authority":  # a health board employer: GP047, s.35 fails
            yield from ((("legal_basis",), _told(w)) for w in s35_offices(a, f))
        return
    if a.jurisdiction == "northern_ireland":  # s.105 deems no one the host's officer
        yield from ((("legal_basis",), _told(w)) for w in ni_offices(a, f))
        return
    s113 = f.legal.cites_s113 if f.legal else "lga_1972_s113" in cited  # the same pattern
    if f.legal and f.legal.nhs_placed:  # s.113(1A)(b): the background clause's note says so
        yield from ((("legal_basis",), _told(w)) for w in nhs_placed_offices(a, f))
        return
    if a.legal_basis not in ("secondment", "other") or s113:
        return
    how = "a secondment" if a.legal_basis == "secondment" else f.legal_basis_text
    for i, r in enumerate(a.post.statutory_roles):
        host = f.party.get(r.party)
        if host is None or host.is_employer or host.kind != "local_authority" \
                or not _offices(r.role, a.jurisdiction):
            continue
        said = f.legal is not None and any(p.id == host.id for p in f.legal.unplaced_hosts)
        code = SAID_IN_CLAUSE if said else ""
        if a.jurisdiction == "scotland":
            yield ("legal_basis",), scottish_secondment(f, host.short_name, host.id, r.role, i,
                                                        how)
        elif f.employer.kind == "nhs_body":  # s.113(2) does not reach s.113(1A)(b)
            yield ("legal_basis",), placed_by_an_nhs_body(f, host, r.role, i, how, code)
        else:
            yield ("legal_basis",), _told(not_placed_under_s113(f, host, r.role, how, code))
        return


def _told(w: Words) -> Told:
    """GP054's words (``host_offices``) as its message, made with this module's ``told``."""
    return told(w.before, w.said, *w.ways, after=w.after, code=w.code)


@rule("GP064", "warning", "legal_basis", DOMAIN + " (s.75 NHS Act 2006 and s.33 NHS (Wales) "
      "Act 2006: partnership arrangements and pooled funds; s.113(1A) LGA 1972)",
      "a partnership power (s.75 of the NHS Act 2006, s.33 of the NHS (Wales) Act 2006) does "
      "not place staff: the post needs a power that does, or a secondment",
      clauses=("agreement.background",))
def partnership_power_alone(a: AnswerFile, f: Facts) -> Findings:
    """``legal_basis: other`` naming s.75 of the NHS Act 2006 (or s.33 of the NHS (Wales) Act
    2006) and nothing else: those sections let NHS bodies and councils exercise each other's
    functions and pool funds, and place no one with another body (``statutes.PARTNERSHIP_CITED``).
    The post-holder is placed under s.113 of the 1972 Act (s.113(1A)(b): an NHS body's
    officer at a council's disposal), the pooled fund staying under its own partnership
    agreement, or seconded. Where s.113 does not reach every party (``_out_of_reach``), a
    secondment or another power in words. A power of another country is GP059's."""
    name = partnership_only(a.legal_basis_text) if a.legal_basis == "other" else None
    if name is None or a.jurisdiction not in PARTNERSHIP_CITED[name][1]:
        return
    section = name.split(" of ")[0]
    what = (f"{name} provides for partnership arrangements (one body exercising another's "
            "functions) and pooled funds; it does not place staff, and does not make the "
            "post-holder an officer of any party but its employer. ")
    if _out_of_reach("lga_1972_s113", f):
        yield ("legal_basis",), told(
            what, "Set legal_basis: secondment, or name the power that places the post-holder "
            "in legal_basis_text", way("legal_basis=secondment"), way("legal_basis_text"),
            after=f", keeping the pooled fund under its own {section} agreement")
        return
    how = ("Section 113(1A)(b) of the Local Government Act 1972 places an NHS body's officer "
           "at a local authority's disposal" if f.employer.kind == "nhs_body" else "Section "
           "113 of the Local Government Act 1972 places a local authority's officer at another "
           "local authority's or an NHS body's disposal")
    yield ("legal_basis",), told(
        what + f"{how}. ", "Set legal_basis: lga_1972_s113, or legal_basis: secondment",
        way("legal_basis=lga_1972_s113"), way("legal_basis=secondment"),
        after=f", keeping the pooled fund under its own {section} agreement, and have it "
        "confirmed by a lawyer")
