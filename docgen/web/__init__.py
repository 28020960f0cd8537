"""``docgen serve``: a guided interview in the browser over a folder of answer files.

Needs the ``serve`` extra (``pip install 'docgen[serve]'``): Starlette, uvicorn,
python-multipart and ruamel.yaml. Built on the public library API only.
"""

from docgen.web.app import create_app

__all__ = ["create_app"]
