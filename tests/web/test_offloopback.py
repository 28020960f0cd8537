"""Off loopback (--host other than 127.0.0.1): only this computer's names and addresses, or
those given with --allow-host, are accepted; a page from any other host is refused."""

from __future__ import annotations

import shutil
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("starlette")

from starlette.testclient import TestClient  # noqa: E402

from docgen.cli import cli  # noqa: E402
from docgen.web import create_app  # noqa: E402
from docgen.web.security import host_names  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
BODY = (ROOT / "docgen" / "data" / "examples" / "shared-head-of-hr.yaml").read_bytes()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    out = tmp_path / "answers"
    out.mkdir()
    shutil.copy(ROOT / "docgen" / "data" / "examples" / "shared-head-of-hr.yaml", out)
    return out


def test_a_named_address_accepts_only_its_own_names_and_the_allowed_ones(folder):
    app = create_app(folder, host="192.0.2.10", allow_hosts=("docgen.council.example",))
    client = TestClient(app, base_url="http://192.0.2.10:8765")
    assert client.get("/").status_code == 200
    for ok in ("docgen.council.example:8765", "DOCGEN.council.example", "127.0.0.1:8765"):
        assert client.get("/", headers={"host": ok}).status_code == 200, ok
    for bad in ("attacker.example:8765", "192.0.2.11:8765", "testserver"):
        assert client.get("/", headers={"host": bad}).status_code == 400, bad
    same = {"origin": "http://192.0.2.10:8765"}
    assert client.post("/api/check", content=BODY, headers=same).status_code == 200
    # DNS rebinding: the attacker's name now points at this computer; Host and Origin agree
    rebound = {"host": "attacker.example:8765", "origin": "http://attacker.example:8765"}
    assert client.post("/api/check", content=BODY, headers=rebound).status_code == 403
    other = {"origin": "http://attacker.example"}
    assert client.post("/api/check", content=BODY, headers=other).status_code == 403
    assert client.post("/api/check", content=BODY).status_code == 200  # a program: no Origin


def test_all_interfaces_accept_this_computers_own_names():
    names = host_names("0.0.0.0")
    assert socket.gethostname().lower() in names and "127.0.0.1" in names
    assert "0.0.0.0" not in names and "attacker.example" not in names
    assert "intranet.example" in host_names("0.0.0.0", ("intranet.example",))


def test_the_warning_says_what_exposure_remains(folder, monkeypatch):
    started = {}
    monkeypatch.setattr("uvicorn.run", lambda app, **kw: started.update(kw))
    monkeypatch.setattr("docgen.cli.serve.check_port", lambda host, port: None)
    result = CliRunner().invoke(cli, ["serve", str(folder), "--host", "192.0.2.10",
                                      "--allow-host", "docgen.council.example"])
    assert result.exit_code == 0, result.output
    for said in ("no login", "not encrypted", "docgen.council.example", "--allow-host",
                 "pages on other web sites are refused"):
        assert said in result.output, said
