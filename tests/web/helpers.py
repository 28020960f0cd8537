"""An HTTP client that fills in the interview's forms as a browser without JavaScript would."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import lxml.html
from starlette.testclient import TestClient

from docgen.web import create_app


class Interview:
    """Opens answer files and sends each step's form with its current values (plus changes)."""

    def __init__(self, folder: Path, **kw: object) -> None:
        self.folder = folder
        kw.setdefault("extra_hosts", ("testserver",))
        self.client = TestClient(create_app(folder, **kw), raise_server_exceptions=False)
        self.client.get("/")  # the CSRF cookie
        self.base = ""

    @property
    def token(self) -> str:
        return self.client.cookies.get("docgen_csrf") or ""

    def open(self, name: str) -> str:
        response = self.client.get(f"/open/{name}")
        assert response.status_code == 200, response.text
        self.base = str(response.url).rsplit("/", 1)[0]
        return response.text

    def new(self, example: str = "") -> None:
        response = self.client.post("/new", data={"csrf_token": self.token, "example": example})
        assert response.status_code == 200, response.text
        self.base = str(response.url).rsplit("/", 1)[0]

    def begin(self, reference: str, partners: tuple[str, ...] = ("eastwick", "westmere"),
              employer: str = "eastwick", postholder_known: str = "no",
              **more: str) -> Any:
        """A new post as the start page makes it: ``reference``, the profiled ``partners``,
        the ``employer`` and whether the post-holder is known (``more``: other fields of the
        page, e.g. ``other_name``); the response to Continue."""
        self.new()
        response = self.client.post(f"{self.base}/begin", data={
            "csrf_token": self.token, "action": "continue", "reference": reference,
            "partners": list(partners), "employer": employer,
            "postholder_known": postholder_known, **more})
        self.base = str(response.url).rsplit("/", 1)[0]
        return response

    def remove_partner(self, index: int) -> Any:
        """Remove partner ``index`` as a person does: "Yes, remove" on its confirmation page
        (the form names the partner it asks about)."""
        asked = self.client.get(f"{self.base}/partners/{index}/remove")
        form = next(f for f in lxml.html.fromstring(asked.text).forms
                    if f.get("action", "").endswith(f"/partners/{index}/remove"))
        return self.client.post(f"{self.base}/partners/{index}/remove",
                                data=dict(form.form_values()))

    def form(self, slug: str) -> dict[str, list[str]]:
        html = self.client.get(f"{self.base}/{slug}").text
        form = next(f for f in lxml.html.fromstring(html).forms if f.get("id") == "step-form")
        values: dict[str, list[str]] = {}
        for key, value in form.form_values():
            values.setdefault(key, []).append(value)
        return values

    def submit(self, slug: str, action: str = "continue", **changes: str):  # noqa: ANN201
        values = self.form(slug)
        for key, value in changes.items():
            values[key.replace("__", ".")] = [value]
        values["action"] = [action]
        return self.client.post(f"{self.base}/{slug}", data=values)

    def save(self, name: str):  # noqa: ANN201
        return self.client.post(f"{self.base}/save", data={"csrf_token": self.token,
                                                           "name": name})
