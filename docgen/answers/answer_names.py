"""What an answer file may be called: the one list of its endings, read by every door.

A folder searched by ``docgen build`` or ``check``, a file named to ``check``, ``build`` or
``compare``, the answer file a manifest records for ``verify``, the interview's list of
posts and the names it saves under all take the same files: ``.yaml`` or ``.yml``, in any
case (``UP.YAML`` is a post, as Windows and macOS see no difference). An answer file is
YAML; JSON text is YAML too, so it may be written that way, in a file ending ``.yaml``.
"""

from __future__ import annotations

from pathlib import Path

#: an answer file's name ends with one of these (compared case-blind)
ANSWER_SUFFIXES: tuple[str, ...] = (".yaml", ".yml")
#: how the messages say it
ANSWER_ENDINGS = " or ".join(ANSWER_SUFFIXES)
#: spreadsheets (a programme workbook, or one to save as .xlsx): never told to rename to
#: .yaml, which would only trade one error for another (the intake's list is the same)
SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xltx", ".csv", ".tsv", ".ods", ".fods",
                        ".numbers", ".xlsb")


def is_answer_name(name: str) -> bool:
    """Whether a file called ``name`` may be an answer file (its ending, case-blind)."""
    return name.lower().endswith(ANSWER_SUFFIXES)


def not_an_answer_name(path: Path) -> str | None:
    """Why ``path`` is not named as an answer file is, with the name to give it, or None.

    Said when a file is named directly (``docgen check post.json``): a folder searched
    leaves such a file out, so taking it here would make one door read what another
    never sees."""
    if is_answer_name(path.name):
        return None
    if path.suffix.lower() in SPREADSHEET_SUFFIXES:
        return (f"{path.name} is a spreadsheet, not an answer file; docgen reads a programme "
                "workbook saved as an Excel Workbook (.xlsx) with docgen check, docgen build "
                f"or docgen intake read, e.g. docgen check {path.stem or 'posts'}.xlsx")
    ending = f"ends {path.suffix}" if path.suffix else "has no ending"
    json_too = (" (JSON is read as YAML, so what it holds can stay as it is)"
                if path.suffix.lower() == ".json" else "")
    return (f"an answer file's name ends {ANSWER_ENDINGS}, and this one {ending}; rename it, "
            f"for example to {path.stem or path.name}.yaml{json_too}")


__all__ = ["ANSWER_SUFFIXES", "ANSWER_ENDINGS", "SPREADSHEET_SUFFIXES", "is_answer_name",
           "not_an_answer_name"]
