"""A lawyer's read of a built contract (7 December 2026, P21): where the HR lead is not the
employer, clause 8 said pay review, sickness, leave, discipline, grievance and capability "are
dealt with by the Council", and clause 10 had sickness reported "under the Council's sickness
absence procedure", while clause 9 says only the Employer takes formal action under its own
procedures. The HR lead now manages those matters for the Employer under the Employer's
procedures; an HR lead that is the employer reads as before."""

from __future__ import annotations

from legal_answers import NHS, answers, numbered, text


def _hr_and_sickness(data: dict) -> tuple[str, str, str]:
    n = numbered(data, "contract")
    hr = next(v for v in n.values() if v.startswith("Your pay review, sickness absence"))
    leave = next(v for v in n.values() if v.startswith("You should agree the dates of annual"))
    sick = next(v for v in n.values() if v.startswith("If you are unable to work because"))
    return hr, leave, sick


def test_a_host_hr_lead_manages_for_the_employer_under_its_procedures() -> None:
    n = numbered(answers(NHS, management__hr_lead="council"), "contract")
    conduct = next(k for k, v in n.items() if v.startswith("The Employer's disciplinary"))
    hr, leave, sick = _hr_and_sickness(answers(NHS, management__hr_lead="council"))
    assert hr == (
        "Your pay review, sickness absence, annual leave, discipline, grievance and capability "
        "are managed for the Employer by the Council, under the Employer's policies and "
        "procedures and after consulting the other Partner Organisation. That does not make "
        "the Council your employer: only the Employer can take formal action on these "
        f"matters or end your employment, as clause {conduct.split('.')[0]} says. Schedule 2 "
        "shows who acts and who is consulted on each of these matters.")
    assert "dealt with by the Council" not in "\n".join(n.values())
    assert "book it with the Council under the Employer's procedures." in leave
    assert sick == (
        "If you are unable to work because of sickness, you should tell the Chief Executive "
        "of the Council on the first day of absence and also tell your line manager at the "
        "other Partner Organisation whose work you were due to do. Your absence is governed "
        "by the Employer's sickness absence policy, which the Council applies for the "
        "Employer.")
    assert "the Council's sickness absence procedure" not in sick


def test_an_employer_hr_lead_reads_as_before() -> None:
    hr, leave, sick = _hr_and_sickness(answers(NHS))
    assert hr.startswith("Your pay review, sickness absence, annual leave, discipline, "
                         "grievance and capability are dealt with by the ICB, after consulting")
    assert "book it with the ICB under its procedures." in leave
    assert "on the first day of absence, under the ICB's sickness absence procedure, and " \
        "also tell" in sick


def test_the_job_spec_says_the_host_hr_lead_manages_for_the_employer() -> None:
    spec = text(answers(NHS, management__hr_lead="council"), "job_spec")
    assert ("capability) are managed by Shawbury Council for the employer, NHS Shawbury and "
            "Wrekin Integrated Care Board, under the employer's policies and procedures, "
            "consulting the other organisation. Only the employer can take formal action on "
            "these matters.\n") in spec
    assert "Only the employer can take formal action" not in text(answers(NHS), "job_spec")
