"""The derived facts as plain JSON-able data (money as strings of exact decimals, dates
as ISO strings), for programs that embed docgen and for the web interview's live figures."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from docgen.facts.derive import Facts


def _num(value: Decimal) -> str:
    """Exact money and shares: a string such as "49920.00", never a float."""
    return f"{value:f}"


def facts_to_dict(f: Facts) -> dict[str, Any]:
    """The figures a reader checks: each party's time and money, totals, key dates."""
    m, r = f.money, f.review
    return {
        "reference": f.reference,
        "status": f.answers.status,
        "employer": f.employer.id,
        "split_unit": f.split_unit,
        "parties": [{
            "id": p.id, "name": p.name, "short_name": p.short_name,
            "is_employer": p.is_employer,
            "time_share": _num(p.time_share), "time_percent": _num(p.time_percent),
            "days_per_week": _num(p.days_per_week), "hours_per_week": _num(p.hours_per_week),
            "cost_percent": _num(p.cost_percent), "annual": _num(p.annual),
            "invoiced": p.invoiced, "per_invoice": _num(p.per_invoice),
            "final_invoice": _num(p.final_invoice),
            "annual_text": p.annual_text, "per_invoice_text": p.per_invoice_text,
        } for p in f.parties],
        "money": {
            "mechanism": m.mechanism, "salary": _num(m.salary),
            "premium_percent": _num(m.premium_percent), "premium": _num(m.premium),
            "pay": _num(m.pay),
            "on_costs": [{"label": oc.label, "amount": _num(oc.amount)} for oc in m.on_costs],
            "on_costs_total": _num(m.on_costs_total), "cost_base": _num(m.cost_base),
            "cost_base_text": m.cost_base_text,
            "invoices_per_year": m.invoices_per_year, "timing": m.timing,
            "payment_days": m.payment_days, "recharged": _num(m.recharged),
            "employer_net": _num(m.employer_net),
        },
        "dates": {
            "start": f.answers.post.start_date.isoformat(),
            "end": f.answers.post.end_date.isoformat() if f.answers.post.end_date else None,
            "trial_end": r.trial_end.isoformat() if r.trial_end else None,
            "trial_exit": (f.exit.trial_exit.isoformat()
                           if f.exit and f.exit.trial_exit else None),
            "reviews": [d.isoformat() for d in r.dates],
            "next_review": r.first.isoformat() if r.first else None,
        },
        "notice": f.notice_text,
        "placeholders": list(f.placeholders),
    }
