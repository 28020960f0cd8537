"""Standing answers for a new post: what most shared posts between councils say, so a
person is not asked it. Each shows on "Check your answers" with a Change link; where the
employer's profile has a ``policy`` key, the standing answer is left out (:func:`without`)
so docgen takes the profile's, and a change to the profile reaches the post.

The law is never assumed: a post takes the law the partners' profiles say they are
constituted under (:func:`post_law`), and a legal basis only where it is that law's power
and reaches the partners from the employer (:func:`power_for`, reading docgen's own table,
``answers/powers.py``, as GP017 does); otherwise both are the officer's to answer
(s.113 of the Local Government Act 1972 was chosen for Scottish councils too); an
organisation typed in by hand states no law (an employer's is unknown, and a council's
leaves the power unchosen). Each standing answer is good practice as the rules see it, so
a new post does not start with warnings of their making (a trial and its review, later
reviews, what the post is not, conflicts); being docgen's, not the partners', those that
are judgements about the post (:data:`SUGGESTED_KEYS`) are shown as suggestions for the
officer to confirm (:func:`suggestions`).
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from typing import Any

from docgen.answers.organisation import AGREEING_JURISDICTIONS
from docgen.answers.powers import STATUTORY_POWERS, reaches

#: sections answered entirely by standing answers (shown as completed on the task list)
SETTLED = ("about", "basis", "partners", "employer", "confidentiality", "conflicts",
           "governance", "review", "exit")


def _merge(under: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(under)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


#: months' notice to leave at the end of the trial (shorter than the six months' later)
TRIAL_NOTICE = 3
#: the standing reviews: a 12-month trial ending in a formal review (GP001, GP020), left on
#: shorter notice than later (GP043), then a review every year (GP021)
REVIEW: dict[str, Any] = {"trial_months": 12, "trial_notice_months": TRIAL_NOTICE,
                          "reviews_after_months": [6, 12], "then_every_months": 12}


def post_law(laws: Mapping[str, str | None], employer: str) -> str | None:
    """The law a new post is under, from the partners' profiles (``laws``: each profiled
    partner's id → the law its profile says it is constituted under, None when it says
    none): the law every stated one agrees with, the employer's own when it is among them
    (a Welsh employer with an English partner: England and Wales; a council's law for a
    post it shares with an NHS trust typed in by hand, which has no profile to say one).
    None, for the officer to answer, when the employer's own law is not stated (its
    profile says none, or it has no profile: typed in by hand) or the partners are under
    laws that do not meet (a Scottish council and an English one: an arrangement across
    the border, for a lawyer): the post is under its employer's law, which a partner's
    profile cannot tell (an English employer with a Scottish partner would be put under
    Scots law and section 35)."""
    own = laws.get(employer)
    if own is None:
        return None
    stated = [own, *(law for pid, law in laws.items() if pid != employer and law is not None)]
    if own not in AGREEING_JURISDICTIONS:
        return None
    fits = [law for law in AGREEING_JURISDICTIONS[stated[0]] if all(
        law in AGREEING_JURISDICTIONS.get(other, (other,)) for other in stated)]
    return stated[0] if stated[0] in fits else fits[0] if fits else None


def power_for(law: str | None, employer: str, hosts: Sequence[str]) -> str | None:
    """The statutory power of ``law`` that lets an employer of kind ``employer`` place the
    post-holder with partners of kinds ``hosts``, as docgen's rules read it
    (``answers/powers.reaches``: s.113 LGA 1972 lets an NHS employer place its officer with
    a council only, so never with an NHS trust too, which GP017 would warn of). None when
    the law is not known yet, no council is among the partners (the powers are local
    government's) or the power does not reach them all: any other mix is the officer's to
    choose (a secondment is only one way)."""
    power = STATUTORY_POWERS.get(law or "")
    council = "local_authority" in (employer, *hosts)
    return power if power and council and reaches(power, employer, hosts) else None


def standing(parties: list[dict[str, Any]], employer: str,
             policy: dict[str, Any] | None = None, law: str | None = None, *,
             basis: bool = True) -> dict[str, Any]:
    """The standing answers for a post shared by ``parties`` (answer-file party entries)
    under ``law`` (a jurisdiction; None when not known: then neither the law nor a legal
    basis is chosen for the officer, who answers both). ``policy``: the employer's profile
    policy, over the standing answers (its notice to leave shortens the trial's). None
    raises a warning but where the answer is the partners' own: their shared objectives
    (GP030) and, unless the employer's profile gives them, on-costs (its pension rate).
    ``basis`` False: no legal basis is chosen, whatever the law (a council partner typed in
    by hand has no profile to say which law it is under: perhaps across a border)."""
    own = [str(p.get("kind", "local_authority")) for p in parties if p.get("id") == employer]
    hosts = [str(p.get("kind", "local_authority")) for p in parties if p.get("id") != employer]
    power = power_for(law, own[0], hosts) if basis and own else None
    notice = ((policy or {}).get("exit") or {}).get("notice_months")
    review = dict(REVIEW)
    if isinstance(notice, int) and not isinstance(notice, bool) and notice <= TRIAL_NOTICE:
        # shorter than later (GP043). Under 2 months' notice, no whole month is shorter:
        # 1 month's, equal, and GP043 says the trial is no real break point (left out, the
        # documents would give the model's 3 months, longer than the notice at any time)
        review["trial_notice_months"] = max(1, notice - 1)
    # a supply of staff is taxable unless a VAT adviser says otherwise (GP014): the
    # employer's profile, or the officer, says when it is outside the scope of VAT
    base: dict[str, Any] = {
        "status": "draft", **({"jurisdiction": law} if law else {}),
        **({"legal_basis": power} if power else {}),
        "post": {"locations": [{"party": p["id"], "site": str(p.get("address") or p["name"])}
                               for p in parties],
                 "not_expected": ["to act as the sole channel of communication between the "
                                  "partners", "to carry a full workload for each partner"]},
        "time_split": {"unit": "percent"},
        "management": {"appraisal": "joint"},
        "payment": {"mechanism": "salary_share",
                    "invoicing": {"frequency": "quarterly", "timing": "arrears",
                                  "payment_days": 30},
                    "vat": {"treatment": "standard_rated",
                            "rationale": "A supply of staff for payment."},
                    "expenses": "each_party_own_business"},
        "confidentiality": {"protected_information": [
            "personal data about each partner's staff and residents",
            "legal advice given to one partner"],
            "duration_after_end": "indefinite", "data_protection": "separate_controllers",
            "foi_consultation_days": 5},
        "conflicts_of_interest": {
            "declare_within_days": 28, "registers": "all_parties",
            "excluded_matters": ["negotiating or enforcing any contract between the partners",
                                 "advising a partner in a dispute with another partner"],
            "decided_by": "steering_group"},
        "governance": {"steering_group": {
            "name": "Joint Steering Group",
            "members": [{"party": p["id"], "role": str((p.get("signatory") or {}).get(
                "title") or "Chief Executive")} for p in parties],
            "meets": "quarterly"},
            # the partners' own goals, for the officer to give: none is made up (GP030)
            "objectives": {},
            "disputes": [{"level": "Line managers", "days": 10},
                         {"level": "Chief Executives", "days": 20}]},
        "review": review,
        "exit": {"notice_months": 6, "postholder_reverts_to": employer,
                 "redundancy_costs": "cost_shares", "pension_strain_costs": "employer"},
        "job": {"relationships": {"internal": [], "external": []}},
    }
    return _merge(base, policy or {})


#: the standing answers that are docgen's judgements about the post, shown as its
#: suggestions for the officer to confirm: the trial and the reviews, what the post is not
#: expected to do, the matters the post-holder does not act in, the registers, the steering
#: group and the exit terms. The others (the partners' own addresses as places of work,
#: the time in percent, a joint appraisal, payment by salary share) are plain defaults:
#: tagging them too hid the judgements among them
SUGGESTED_KEYS: tuple[tuple[str, ...], ...] = (
    ("review", "trial_months"), ("review", "trial_notice_months"),
    ("review", "reviews_after_months"), ("review", "then_every_months"),
    ("post", "not_expected"), ("conflicts_of_interest", "excluded_matters"),
    ("conflicts_of_interest", "registers"), ("governance", "steering_group"), ("exit",))


def judgements(answers: Mapping[str, Any]) -> dict[str, Any]:
    """Only the answers of ``answers`` that count as docgen's suggestions
    (:data:`SUGGESTED_KEYS`): the start page marks, and Check your answers tags, these
    alone, so both agree on what is docgen's."""
    out: dict[str, Any] = {}
    for path in SUGGESTED_KEYS:
        node: Any = answers
        for key in path:
            node = node.get(key) if isinstance(node, Mapping) else None
        if node is None:
            continue
        into = out
        for key in path[:-1]:
            into = into.setdefault(key, {})
        into[path[-1]] = copy.deepcopy(node)
    return out


def suggestions(view: Any, profiles: Mapping[str, Any]) -> dict[str, Any]:
    """docgen's own suggestions for the post ``view`` (the answers as the interview shows
    them; ``profiles``: the folder's, by id): the standing answers for its partners and
    employer, less what the employer's profile states (the employer's own policy, not a
    suggestion) and what the start page asks (the law and the power): an answer equal to
    one of these is still docgen's, for the officer to confirm fits the post. Only the
    judgements count (:func:`judgements`), not defaults such as the places of work."""
    parties = view.get("parties") if isinstance(view, Mapping) else None
    employer = str(view.get("employer")) if isinstance(view, Mapping) else ""
    if not isinstance(parties, list):
        return {}
    policy = (profiles.get(employer) or {}).get("policy") or {}
    entries = [p if isinstance(p, Mapping) else {"id": p, "name": p} for p in parties]
    return judgements(without(standing([dict(p) for p in entries if "id" in p], employer,
                                       policy), policy))


def site_at_address(doc: Any, before: Any, after: Any) -> None:
    """A partner's place of work as its address, once its page gives one (``before`` and
    ``after``: the partner's entry as it was and is now). A partner typed in by hand on the
    start page has no address yet, so :func:`standing` gave its legal name as its place of
    work, and the address typed on its own page a page later never reached it. A place of
    work the officer has changed from that name is left as it is."""
    address = after.get("address") if isinstance(after, dict) else None
    post = doc.get("post") if isinstance(doc, dict) else None
    rows = post.get("locations") if isinstance(post, dict) else None
    if not isinstance(address, str) or not address.strip() or not isinstance(rows, list):
        return
    names = {str(p.get("name") or "").strip() for p in (before, after) if isinstance(p, dict)}
    for row in rows:
        if isinstance(row, dict) and row.get("party") == after.get("id") and \
                str(row.get("site") or "").strip() in names - {""}:
            row["site"] = address.strip()


def without(answers: dict[str, Any], policy: dict[str, Any]) -> dict[str, Any]:
    """``answers`` less each key the employer's profile ``policy`` states (taken whole by
    docgen, as ``payment.vat``); a section left empty is dropped."""
    out = copy.deepcopy(answers)
    for section, values in (policy or {}).items():
        if isinstance(values, dict) and isinstance(out.get(section), dict):
            for key in values:
                out[section].pop(key, None)
            if not out[section]:
                del out[section]
    return out
