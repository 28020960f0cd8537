"""``docgen serve``: the guided interview in the browser (needs the ``serve`` extra)."""

from __future__ import annotations

import errno
import socket
import threading
import webbrowser
from pathlib import Path

import click

from docgen.api.files import install_hint
from docgen.cli import Refused
from docgen.errors import DocgenError


def check_port(host: str, port: int) -> None:
    """Fail with a clear message before uvicorn does (it exits 3 with its own words)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise DocgenError(f"cannot listen on --host {host}: {exc.strerror}; use an address "
                          "of this computer, for example --host 127.0.0.1") from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does
        try:
            probe.bind(address)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise DocgenError(f"port {port} is in use (another docgen serve or program "
                                  "is listening there); choose another with --port, for "
                                  f"example --port {port + 1}") from None
            raise DocgenError(f"cannot listen on {host} port {port}: {exc.strerror}") from None


@click.command("serve")
@click.argument("folder", required=False, default="inputs",
                type=click.Path(file_okay=False, path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but a loopback address lets other "
                   "computers on the network read and change the answer files.")
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="With a --host other than loopback: another name or address people use "
                   "to reach this computer (repeat for more). Requests addressed to any other "
                   "name are refused.")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(1, 65535))
@click.option("--open", "open_browser", is_flag=True, help="Open the start page in a browser.")
def serve_cmd(folder: Path, host: str, port: int, open_browser: bool,
              allow_hosts: tuple[str, ...] = ()) -> None:
    """A guided interview in the browser over the answer files in FOLDER (default inputs/).

    Answer the questions step by step, see the checks and the money as you type,
    preview and download the documents, and save the answer file into FOLDER.
    """
    try:  # the web dependencies are an optional extra
        import uvicorn

        from docgen.web import create_app
        from docgen.web.security import host_names, is_loopback
    except ImportError as exc:
        raise Refused(f"docgen serve needs the serve extra ({exc.name} is missing): "
                          f"{install_hint('serve')}") from None
    if not folder.is_dir():
        raise Refused(f"{folder} is not a folder; create it or name the folder that "
                          "holds your answer files, for example: docgen serve . (this folder)")
    if not is_loopback(host):
        names = ", ".join(n for n in host_names(host, allow_hosts) if not is_loopback(n))
        click.echo(click.style(
            f"warning: listening on {host}: anyone who can reach this computer on port {port} "
            f"can read and change the answer files in {folder}. There is no login, and the "
            "connection is not encrypted (plain HTTP), so others on the network can read "
            f"what is sent. Only requests addressed to {names or host} (and loopback) are "
            "accepted, and pages on other web sites are refused; add a name people use "
            "with --allow-host. Use --host 127.0.0.1 unless you mean this.", fg="yellow"),
            err=True)
    check_port(host, port)
    url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}/"
    click.echo(f"docgen serve: {folder.resolve()} at {url} (Ctrl+C to stop)")
    if open_browser:
        threading.Timer(1.0, webbrowser.open, args=(url,)).start()
    uvicorn.run(create_app(folder, host=host, allow_hosts=allow_hosts), host=host, port=port,
                log_level="warning", server_header=False)
