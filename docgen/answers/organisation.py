"""Stage 1b, for organisations: the shape of an organisation profile
(``organisations/<id>.yaml``), built from the answer file's own models.

A profile holds one public body's standing facts (the keys of a party in an answer
file) and its standing policy (answer-file keys such as ``payment.vat``, used
when it employs the post-holder). Its keys are the answer file's keys, with the
same meanings, allowed values and examples, so a value means the same wherever it
is written. What a profile may supply is listed once here (``PARTY_KEYS``,
``POLICY_KEYS``); :mod:`docgen.answers.profiles` merges it and the schemas mark it.

The model of a profile itself (:mod:`docgen.answers.organisation_model`, made from the
answer file's models when that module loads) loads the first time it is asked for, as
``docgen.answers.organisation_model``: a post without profiles never needs it.
"""

from typing import Any

from pydantic import BaseModel

from docgen.answers.answer_names import ANSWER_SUFFIXES
from docgen.answers.model import Postholder
from docgen.answers.payment import Payment
from docgen.answers.powers import ENGLAND_AND_WALES
from docgen.answers.terms import Confidentiality, ConflictsOfInterest, Exit, Governance

#: the folder of a workspace that holds the profiles
PROFILE_FOLDER = "organisations"
#: a profile's file is named as an answer file is: ``<id>.yaml``, else ``<id>.yml`` (in this
#: order; a workspace may hold only one of them)
PROFILE_SUFFIXES: tuple[str, ...] = ANSWER_SUFFIXES


def is_profile_name(name: str) -> bool:
    """Whether a file of an ``organisations/`` folder is a profile: ``<id>.yaml`` or
    ``.yml`` (as written: a profile is found by its id's own file name, so ``.YAML`` is
    none), not hidden or set aside with a leading ``_``. One rule for the loader and for
    the checks that name an organisation known elsewhere."""
    return name.endswith(PROFILE_SUFFIXES) and not name.startswith((".", "_"))
#: the format marker every profile starts with (an answer file starts ``docgen: 1``)
FORMAT_KEY = "docgen_organisation"

#: a party's keys a profile gives (``id`` comes from the file name)
PARTY_KEYS: tuple[str, ...] = ("name", "short_name", "kind", "address", "signatory", "notices",
                               "data_protection")
#: a party mapping without any of these keys is completed from its profile; one with all of
#: them is written out in full, and its profile is not read (nor, for the employer, the
#: profile's policy)
REQUIRED_PARTY_KEYS = tuple(k for k in PARTY_KEYS if k != "data_protection")
#: answer-file sections and the keys in them that the employer's profile may give
POLICY_KEYS: dict[str, tuple[str, ...]] = {
    "postholder": ("pension_scheme",),
    "payment": ("on_costs", "invoicing", "vat", "expenses", "during_absence"),
    "confidentiality": ("protected_information", "duration_after_end", "data_protection",
                        "foi_consultation_days"),
    "conflicts_of_interest": ("declare_within_days", "registers", "excluded_matters",
                              "decided_by"),
    "governance": ("disputes",),
    "exit": ("notice_months", "redundancy_costs", "pension_strain_costs", "prior_service",
             "withdrawal_costs_months", "pay_protection_months"),
}
SECTION_MODELS: dict[str, type[BaseModel]] = {
    "postholder": Postholder, "payment": Payment, "confidentiality": Confidentiality,
    "conflicts_of_interest": ConflictsOfInterest, "governance": Governance, "exit": Exit}
#: the jurisdictions a post may have for an organisation constituted under each (a Welsh
#: council shares a post under "england_and_wales" or "wales", never "scotland")
AGREEING_JURISDICTIONS: dict[str, tuple[str, ...]] = {
    "england_and_wales": ENGLAND_AND_WALES,
    "england": ("england_and_wales", "england"),
    "wales": ("england_and_wales", "wales"),
    "scotland": ("scotland",),
    "northern_ireland": ("northern_ireland",),
}
#: whole answer-file sections a profile can supply (every required key is policy)
WHOLE_SECTIONS = ("confidentiality", "conflicts_of_interest")


def profile_wanted(entry: Any) -> tuple[str, bool] | None:
    """(id, given by id alone) for a party entry that is completed from its profile (an id
    alone, or a mapping lacking one of :data:`REQUIRED_PARTY_KEYS`), else None: the one
    rule docgen and the interview both read a profile by."""
    if isinstance(entry, str):
        return entry, True
    if isinstance(entry, dict) and isinstance(entry.get("id"), str) and any(
            k not in entry for k in REQUIRED_PARTY_KEYS):
        return entry["id"], set(entry) == {"id"}
    return None


__all__ = ["AGREEING_JURISDICTIONS", "FORMAT_KEY", "PARTY_KEYS", "POLICY_KEYS", "PROFILE_FOLDER",
           "PROFILE_SUFFIXES", "REQUIRED_PARTY_KEYS", "SECTION_MODELS", "WHOLE_SECTIONS",
           "is_profile_name", "profile_wanted"]
