"""An Other answers example is written as the Value cell is read (YAML on one line, as in
an answer file), never as Python prints a list of mappings."""

import re

import pytest

from docgen.intake.book import _other_answers
from docgen.intake.other_values import parse_value
from docgen.intake.table import node_at


@pytest.mark.parametrize("key", [("governance", "disputes"), ("job", "person_specification")])
def test_the_example_value_is_the_answer_file_form_and_reads_back(key):
    message = _other_answers("posts.xlsx", "A2", "EWK-07", key, "error").message
    value = re.search(r"Value (.*)\), or name a Base file", message)
    assert value is not None, message
    text = value.group(1)
    assert "'" not in text and "True" not in text, text  # not Python's repr
    assert parse_value(text) == node_at(key)["examples"][0]


def test_the_disputes_example_reads_as_an_answer_file_writes_it():
    message = _other_answers("posts.xlsx", "A2", "EWK-07", ("governance", "disputes"),
                             "error").message
    assert "Value [{days: 10, level: Line managers}]" in message
