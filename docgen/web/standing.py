"""Standing answers for a new post: what most shared posts between councils say, so a
person is not asked it. Each shows on "Check your answers" with a Change link; where the
employer's profile has a ``policy`` key, the standing answer is left out (:func:`without`)
so docgen takes the profile's, and a change to the profile reaches the post.
"""

from __future__ import annotations

import copy
from typing import Any

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


def standing(parties: list[dict[str, Any]], employer: str,
             policy: dict[str, Any] | None = None) -> dict[str, Any]:
    """The standing answers for a post shared by ``parties`` (answer-file party entries)."""
    kinds = [p.get("kind", "local_authority") for p in parties]
    councils = all(k == "local_authority" for k in kinds)
    # s.113 also places officers between a council and an NHS body (s.113(1A)), which the
    # rules expect (a council's statutory office held under a secondment is warned about)
    s113 = "local_authority" in kinds and all(k in ("local_authority", "nhs_body")
                                              for k in kinds)
    # without s.113 the power is the officer's to choose (a secondment is only one): asked
    base: dict[str, Any] = {
        "status": "draft", "jurisdiction": "england_and_wales",
        **({"legal_basis": "lga_1972_s113"} if s113 else {}),
        "post": {"locations": [{"party": p["id"], "site": str(p.get("address") or p["name"])}
                               for p in parties]},
        "time_split": {"unit": "percent"},
        "management": {"appraisal": "joint"},
        "payment": {"mechanism": "salary_share",
                    "invoicing": {"frequency": "quarterly", "timing": "arrears",
                                  "payment_days": 30},
                    "vat": {"treatment": "outside_scope" if councils else "standard_rated",
                            "rationale": "Officer placed at the disposal of another local "
                            "authority under section 113 of the Local Government Act 1972."
                            if councils else "A supply of staff for payment."},
                    "expenses": "each_party_own_business"},
        "confidentiality": {"protected_information": [
            "personal data about each partner's staff and residents",
            "legal advice given to one partner"],
            "duration_after_end": "indefinite", "data_protection": "separate_controllers",
            "foi_consultation_days": 5},
        "conflicts_of_interest": {"declare_within_days": 28, "registers": "all_parties",
                                  "decided_by": "steering_group"},
        "governance": {"steering_group": {
            "name": "Joint Steering Group",
            "members": [{"party": p["id"], "role": str((p.get("signatory") or {}).get(
                "title") or "Chief Executive")} for p in parties],
            "meets": "quarterly"},
            "objectives": {},
            "disputes": [{"level": "Line managers", "days": 10},
                         {"level": "Chief Executives", "days": 20}]},
        "review": {"reviews_after_months": [6, 12]},
        "exit": {"notice_months": 6, "postholder_reverts_to": employer,
                 "redundancy_costs": "cost_shares", "pension_strain_costs": "employer"},
        "job": {"relationships": {"internal": [], "external": []}},
    }
    return _merge(base, policy or {})


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
