"""Legal audit, finding 11: in an agreement between an NHS body and a council, the
data-protection clause applied the Caldicott principles only to information about patients or
service users held by the NHS body, though the confidentiality clause protects the council's
social care records too. In England a council with social services functions has a Caldicott
guardian (the National Data Guardian's guidance on their appointment, under the Health and
Social Care (National Data Guardian) Act 2018, covers adult social care; in Wales, councils'
social services have had them since 2002). The clause now reaches any Party that has a Caldicott
guardian; in Northern Ireland it names the HSC's Personal Data Guardian. Section 251 of the
National Health Service Act 2006 is kept to confidential patient information, which is all it
covers. Each agreement is read back from the .docx."""

from __future__ import annotations

from legal_answers import FOUR, NHS, NI, SCOT, answers, clause, text

S251 = "an approval under section 251 of the National Health Service Act 2006"


def _data_protection(data: dict) -> str:
    return clause(text(data), "Data protection", "Freedom of information")


def test_england_reaches_a_council_with_social_services_functions() -> None:
    dp = _data_protection(answers(NHS))
    assert ("So far as the Post-holder has access to information about patients or users of "
            "health or social care services held by the ICB or by any other Party that has a "
            "Caldicott guardian (as a local authority with social services functions does), "
            "the Post-holder is also bound by the common law duty of confidentiality, and shall "
            "use that information only in accordance with the Caldicott principles, the "
            "policies of the Party that holds it and the directions of its Caldicott "
            "guardian.") in dp
    assert ("Confidential information about patients or service users shall not be used for "
            "any other Party's purposes unless there is a lawful basis for doing so under the "
            "common law duty of confidentiality (such as consent or, for confidential patient "
            f"information, {S251}) as well as under the Data Protection Legislation.") in dp


def test_scotland_names_no_english_guidance_and_no_s251() -> None:
    dp = _data_protection(answers(SCOT))
    assert ("held by the Health Board or by any other Party that has a Caldicott guardian, the "
            "Post-holder is also bound") in dp
    assert "social services functions" not in dp and "section 251" not in dp


def test_northern_ireland_names_the_personal_data_guardian() -> None:
    dp = _data_protection(answers(NI))
    assert "the directions of its Personal Data Guardian." in dp
    assert "Caldicott guardian" not in dp  # NI councils have no social care functions
    assert "information about patients or service users held by the Trust," in dp
    assert "section 251" not in dp


def test_councils_alone_only_when_one_has_social_services_functions() -> None:
    assert "Caldicott" not in _data_protection(answers(FOUR))  # no health or social care
    dass = answers(FOUR, post__statutory_roles=[
        {"party": "hartmoor", "role": "Director of Adult Social Services"}])
    dp = _data_protection(dass)
    assert ("information about patients or users of health or social care services held by any "
            "Party that has a Caldicott guardian (as a local authority with social services "
            "functions does)") in dp
