"""Stage 1b, for organisations: the model of an organisation profile
(``organisations/<id>.yaml``), made from the answer file's own models with the keys
:mod:`docgen.answers.organisation` lists.

Made when this module loads (two models, some 3 ms), so it loads the first time it is
asked for, as ``docgen.answers.organisation_model`` (PEP 562 module ``__getattr__``):
reading a post whose parties are all written in its answer file never needs it.
"""

# No ``from __future__ import annotations`` in the model's modules: pydantic would then
# compile and evaluate every field's annotation from a string (150 fields, 3 ms of every
# start); written plainly, they are objects when the class is made.

from typing import Annotated, Any, Literal, cast

from pydantic import BaseModel, Field, create_model
from pydantic.fields import FieldInfo

from docgen.answers.fields import PartyId, Strict, about
from docgen.answers.model import AnswerFile, Party
from docgen.answers.organisation import PARTY_KEYS, POLICY_KEYS, SECTION_MODELS

#: the answer file's jurisdiction values, for the profile's own key
_JURISDICTION: Any = AnswerFile.model_fields["jurisdiction"].annotation
#: fields for ``create_model``, by name: (type, FieldInfo). The values are ``Any`` because
#: mypy checks a ``**`` mapping against every keyword of create_model (``__base__``,
#: ``__module__``...), not only its field definitions
FieldDefinitions = dict[str, Any]


def _copy(info: FieldInfo, *, optional: bool, description: str | None = None
          ) -> tuple[Any, Any]:
    """A field's type and its metadata (title, meaning, example), optionally made optional."""
    annotation: Any = info.annotation
    if info.metadata:
        annotation = Annotated[(annotation, *info.metadata)]
    title, meaning, examples = info.title, description or info.description, info.examples
    if optional:
        return (annotation | None,
                Field(default=None, title=title, description=meaning, examples=examples))
    return (annotation, Field(title=title, description=meaning, examples=examples))


def _section_model(section: str) -> type[BaseModel]:
    model = SECTION_MODELS[section]
    fields: FieldDefinitions = {key: _copy(model.model_fields[key], optional=True)
                                for key in POLICY_KEYS[section]}
    return create_model(f"{model.__name__}Policy", __base__=Strict,
                        __doc__=f"The {section} keys this organisation uses when it employs "
                                "the post-holder.", **fields)


def _policy_example(section: str) -> dict[str, Any]:
    model = SECTION_MODELS[section]
    key = POLICY_KEYS[section][0]
    return {key: (model.model_fields[key].examples or [None])[0]}


def _policy_fields() -> FieldDefinitions:
    return {section: (_section_model(section) | None,
                      Field(default=None, title=AnswerFile.model_fields[section].title,
                            description=f"Keys of the answer file's {section} section: "
                                        f"{', '.join(POLICY_KEYS[section])}.",
                            examples=[_policy_example(section)]))
            for section in POLICY_KEYS}


def _party_fields() -> FieldDefinitions:
    return {key: _copy(Party.model_fields[key], optional=key == "data_protection")
            for key in PARTY_KEYS}


Policy: type[BaseModel] = create_model(
    "Policy", __base__=Strict,
    __doc__="Standing policy, written as in an answer file; used for the posts this "
            "organisation employs, for each key the post does not state.",
    **_policy_fields())

Organisation: type[BaseModel] = create_model(
    "Organisation", __base__=Strict,
    __doc__="One public body's standing facts and policy (organisations/<id>.yaml).",
    docgen_organisation=(Literal[1], about("Format", "The profile format version: 1.", 1)),
    id=(PartyId | None, about("Id", "Optional: the party id answer files use for this "
                              "organisation; it must be the file's name without .yaml.",
                              "eastwick", default=None)),
    **_party_fields(),
    jurisdiction=(_JURISDICTION | None,
                  about("Jurisdiction", "Optional: the law the organisation is constituted "
                        "under: england, wales, scotland or northern_ireland "
                        "(england_and_wales for either). A post that places the post-holder "
                        "under another law's statutory power is warned about; a new post "
                        "started in the browser takes its law from it (left out of the "
                        "employer's profile, the person starting the post is asked).",
                        "scotland",
                        default=None)),
    clauses=(list[str], about("Clause overlays", "Optional: folders of this organisation's "
                              "own clause wording, relative to this file; used for the "
                              "documents of posts it employs.", ["eastwick-clauses"],
                              default=[])),
    house_style=(str | None, about("House style", "Optional: the organisation's Word file "
                                   "(.docx or .dotx) whose style its documents take, relative "
                                   "to this file.", "eastwick-style.docx", default=None)),
    # Policy is a class made at run time: to mypy a value, so ``| None`` is no type form
    policy=(cast(Any, Policy | None),
            about("Standing policy", "Optional: answer-file keys this organisation sets once "
                  "(on-costs, VAT, invoicing, disputes, confidentiality, conflicts, exit, "
                  "pension scheme); used for each post it employs that does not state them.",
                  {"payment": {"vat": {"treatment": "outside_scope",
                                       "rationale": "Statutory placement."}}},
                  default=None)),
)


__all__ = ["Organisation", "Policy"]
