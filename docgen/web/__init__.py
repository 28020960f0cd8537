"""``docgen serve``: a guided interview in the browser over a folder of answer files.

Needs the ``serve`` extra, added when docgen is installed from its clone
(``pip install -e ".[serve]"``) or wheel
(``pip install "path/to/docgen-<version>-py3-none-any.whl[serve]"``; a plain
``pip install docgen`` fetches another project from PyPI): Starlette, uvicorn,
python-multipart, ruamel.yaml and pandoc, as ``pyproject.toml`` lists them. Built on the
public library API only.
"""

from docgen.web.app import create_app

__all__ = ["create_app"]
