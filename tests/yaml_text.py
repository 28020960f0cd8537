"""YAML as the tests read it: ``docgen.answers.safeyaml.load_plain``, PyYAML's plain safe
loader through libyaml (the C library every PyYAML wheel carries), as docgen reads its own
YAML files.

The suite reads the examples about a thousand times; PyYAML's pure-Python loader takes
about 12 ms an example, libyaml about 1.2 ms. The results are the same for the plain YAML
the tests handle. What the tests test is docgen's answer-file loader
(``safeyaml.SafeLoader`` with its checks), never this one.
"""

from __future__ import annotations

from docgen.answers.safeyaml import load_plain as load_yaml

__all__ = ["load_yaml"]
