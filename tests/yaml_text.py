"""YAML as the tests read and write it: through libyaml, the C library every PyYAML wheel
carries.

The suite reads the examples about a thousand times and writes some 28,000 answer-file
fragments; PyYAML's pure-Python loader takes about 12 ms an example, libyaml about 1.2 ms.
The results are the same for the plain YAML the tests handle. What the tests test is
docgen's own loader (``docgen.answers.safeyaml``), never this one.
"""

from __future__ import annotations

from typing import Any

import yaml


def load_yaml(text: str | bytes) -> Any:
    """``yaml.safe_load``, in C."""
    return yaml.load(text, Loader=yaml.CSafeLoader)  # noqa: S506  (the safe loader)
