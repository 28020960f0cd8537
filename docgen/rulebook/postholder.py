"""Rules on the post-holder (``postholder``): consulted in time before the start, and a
pension scheme the employer's country and kind of body offer."""

from __future__ import annotations

import datetime as dt
import re

from docgen.answers.model import AnswerFile
from docgen.facts.derive import Facts
from docgen.facts.pensions import SCHEMES
from docgen.rulebook.common import DOMAIN, Findings
from docgen.rulebook.registry import rule, told, way


@rule("GP022", "warning", "postholder.consulted_on", DOMAIN + " (s.113: the officer is "
      "consulted first)", "the post-holder should be consulted at least 14 days before the start",
      clauses=("agreement.background", "contract.introduction"))
def consulted_early(a: AnswerFile, f: Facts) -> Findings:
    ph = a.postholder
    if ph and not isinstance(ph.consulted_on, str) and (
            a.post.start_date - ph.consulted_on).days < 14:
        days = (a.post.start_date - ph.consulted_on).days
        fortnight = dt.timedelta(days=14)  # the last day to consult; the first to start on
        yield ("postholder", "consulted_on"), told(
            f"the post-holder was consulted only {days} days before the start; consultation "
            "must be real, with time to respond. ", "Consult at least 14 days before, or move "
            "the start date", way(f"postholder.consulted_on=<={a.post.start_date - fortnight}"),
            way(f"post.start_date=>={ph.consulted_on + fortnight}"))



#: words that name a country's own schemes (England and Wales share theirs); these patterns
#: are compiled as the module loads, so the command's table of compiled patterns keeps them
_COUNTRY_WORDS = {"scotland": re.compile(r"scotland|scottish", re.IGNORECASE),
                  "northern_ireland": re.compile(r"northern ireland|nilgosc|\bhsc\b",
                                                 re.IGNORECASE)}
_LOCAL = r"local government pension|\blgps\b|nilgosc"
_HEALTH = r"\bnhs\b|\bhsc\b"
_LOCAL_SCHEME = re.compile(_LOCAL, re.IGNORECASE)
_HEALTH_SCHEME = re.compile(_HEALTH, re.IGNORECASE)
_ANY_SCHEME = re.compile(f"{_LOCAL}|{_HEALTH}", re.IGNORECASE)
#: a name that says it is a scheme (not the body that administers one)
_SCHEME_WORD = re.compile(r"\bschemes?\b", re.IGNORECASE)


#: bodies that administer a scheme, named where the scheme should be ("a member of the
#: NILGOSC"): the body's pattern, what it is, and the scheme it administers
_ADMINISTRATORS = tuple((re.compile(pattern, re.IGNORECASE), body, proper)
                       for pattern, body, proper in (
    (r"\bnilgosc\b", "the Northern Ireland Local Government Officers' Superannuation "
     "Committee (NILGOSC)", "Local Government Pension Scheme (Northern Ireland)"),
    (r"\bnhsbsa\b|nhs business services authority|^\s*nhs pensions\s*$",
     "the NHS Business Services Authority (NHS Pensions)", "NHS Pension Scheme"),
    (r"hsc pension service", "the HSC Pension Service", "HSC Pension Scheme"),
    (r"\bsppa\b|scottish public pensions agency", "the Scottish Public Pensions Agency",
     "NHS Superannuation Scheme (Scotland)")))


def _administrator(scheme: str) -> str:
    """The body's name, when ``scheme`` names the body that administers a scheme (NILGOSC)
    and not the scheme itself; "" otherwise."""
    if _SCHEME_WORD.search(scheme):
        return ""
    for pattern, body, proper in _ADMINISTRATORS:
        if pattern.search(scheme):
            return (f"names {body}, which administers the {proper}, and not the scheme: the "
                    f"contract would make the post-holder 'a member of the {scheme}'. Name "
                    f"the scheme, for example '{proper}'")
    return ""


def scheme_problem(a: AnswerFile, f: Facts, scheme: str) -> str:
    """What is wrong with ``scheme`` for this employer, or "" when nothing is."""
    if administrator := _administrator(scheme):
        return administrator
    if not _ANY_SCHEME.search(scheme):
        return ""  # a scheme docgen does not know: nothing to say
    own = _COUNTRY_WORDS.get(a.jurisdiction)
    here = SCHEMES.get((f.employer.kind, a.jurisdiction)) or SCHEMES.get((f.employer.kind, ""))
    which = f" (for {f.employer.short_name}, the {here})" if here else ""
    if own and not own.search(scheme):
        return f"is not a scheme for {f.jurisdiction['name']}, which has its own{which}"
    if not own and any(w.search(scheme) for w in _COUNTRY_WORDS.values()):
        return (f"is a scheme of another country, not one that {f.employer.short_name}, an "
                f"employer in {f.jurisdiction['name']}, offers{which}")
    if f.employer.kind == "nhs_body" and _LOCAL_SCHEME.search(scheme):
        return (f"is a local government scheme, but {f.employer.short_name} is an NHS body, "
                f"whose staff are in the {here} unless it has an admission agreement with a "
                "local government fund")
    council_in_nhs = f.employer.kind == "local_authority" and \
        _HEALTH_SCHEME.search(scheme) and not _LOCAL_SCHEME.search(scheme)
    if council_in_nhs and a.jurisdiction == "wales":
        return (f"is an NHS scheme, but {f.employer.short_name} is a council, whose staff are "
                f"in the {here}; in Wales public health stayed with the NHS (Local Health "
                "Boards and Public Health Wales), so no council staff transferred into the NHS "
                "Pension Scheme with it")
    if council_in_nhs and not _public_health(a):
        return (f"is an NHS scheme, but {f.employer.short_name} is a council, whose staff are "
                f"in the {here}; a council keeps only public health staff in the NHS "
                "Pension Scheme (those who transferred to it with its public health "
                "functions), and this post's title and statutory roles do not name public "
                "health")
    return ""


def _public_health(a: AnswerFile) -> bool:
    """Whether the post is a public health post: its title or a statutory role says so."""
    words = " ".join([a.post.title] + [r.role for r in a.post.statutory_roles])
    return "public health" in words.lower()


@rule("GP052", "warning", "postholder.pension_scheme", DOMAIN + " (pension schemes: the "
      "LGPS of England and Wales, of Scotland and of Northern Ireland; the NHS schemes and the "
      "HSC scheme, and the bodies that administer them)", "the pension scheme named should be "
      "one the employer's country and kind offer, named as the scheme (not NILGOSC, the body "
      "that administers the Local Government Pension Scheme (Northern Ireland))",
      clauses=("contract.pay", "job_spec.organisations"), documents=("contract", "job_spec"))
def pension_scheme_fits_employer(a: AnswerFile, f: Facts) -> Findings:
    """Each country has its own local government and health schemes, and an NHS body is not
    a local government scheme employer (save by admission). A council in England may keep
    public health staff who transferred to it in the NHS Pension Scheme, so that is not
    flagged; in Wales public health stayed with the NHS, so it is."""
    stated = ((("postholder", "pension_scheme"),
               a.postholder.pension_scheme if a.postholder else None),
              (("post", "pension_scheme"), a.post.pension_scheme))
    for path, scheme in stated:
        problem = scheme_problem(a, f, scheme) if isinstance(scheme, str) else ""
        if problem:
            key = ".".join(path)
            yield path, told(f"the pension scheme '{scheme}' {problem}. Check the scheme and ",
                             f"correct {key}", way(key))
