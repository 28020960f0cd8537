"""The pension scheme a new appointee is offered when the answers name none, by the
employer's kind and the post's jurisdiction: the agreement and contract print it (the facts'
``legal.new_pension_scheme``), and the rules on on-costs (GP061) and the post-holder's
scheme read it. Kept apart from :mod:`docgen.facts.legal`."""

from __future__ import annotations

#: the scheme a new appointee is offered, by (employer kind, jurisdiction); "" for any
SCHEMES = {("local_authority", ""): "Local Government Pension Scheme",
           ("local_authority", "scotland"): "Local Government Pension Scheme (Scotland)",
           ("local_authority", "northern_ireland"):
               "Local Government Pension Scheme (Northern Ireland) administered by NILGOSC",
           ("nhs_body", ""): "NHS Pension Scheme",
           ("nhs_body", "scotland"): "NHS Superannuation Scheme (Scotland)",
           ("nhs_body", "northern_ireland"): "HSC Pension Scheme"}


def default_scheme(kind: str, jurisdiction: str) -> str:
    """The pension scheme an employer of ``kind`` offers in ``jurisdiction`` when the answers
    name none ("" for a kind docgen knows no scheme of)."""
    return SCHEMES.get((kind, jurisdiction), SCHEMES.get((kind, ""), ""))
