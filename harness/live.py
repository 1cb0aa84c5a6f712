"""Run `commonground serve` as a real process on a free loopback port, for the load and crash
tests and bench/load.py (the caller stops it: ``stop`` or ``kill -9``), and the mix of requests
both send it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from harness import ROOT

# A LinkedIn URL with its page: analysed from the page alone (never fetched), and this page
# holds no profile, so each job ends quickly in 'failed' without any network or model.
ANALYSIS = {"url": "https://www.linkedin.com/in/load-test/",
            "html": "<html><body><p>nothing here</p></body></html>"}  # fmt: skip
# The kinds of request a load mixes, health twice as often as the rest.
MIX = ("health", "health", "me_get", "me_put", "contact_post", "contacts_get", "analysis_post",
       "analysis_get")  # fmt: skip


def send(client: httpx.Client, kind: str, i: int, analysis_id: str = "none") -> httpx.Response:
    """One request of the mix; ``i`` makes written names unique, ``analysis_id`` is polled."""
    if kind == "health":
        return client.get("/api/health")
    if kind == "me_get":
        return client.get("/api/me")
    if kind == "me_put":
        return client.put("/api/me", json={"name": f"User {i}", "skills": ["Python"]})
    if kind == "contact_post":
        return client.post("/api/contacts", json={"name": f"Contact {i}", "status": "sent"})
    if kind == "contacts_get":
        return client.get("/api/contacts")
    if kind == "analysis_post":
        return client.post("/api/analyses", json=ANALYSIS)
    if kind == "analysis_get":
        return client.get(f"/api/analyses/{analysis_id}")
    raise ValueError(f"no such kind of request: {kind}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class LiveServer:
    process: subprocess.Popen
    base_url: str
    token: str
    data_dir: Path

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)

    def kill9(self) -> None:
        self.process.kill()  # SIGKILL: no cleanup, no flush, like a power cut for the process
        self.process.wait(10)


def raw_exchange(port: int, raw: bytes) -> bytes:
    """Send raw bytes to 127.0.0.1:port and read the whole answer. waitress answers an error and
    closes; when it stopped reading early (headers over its limit), the close resets the
    connection after the answer arrived, so a reset ends the reading like a close does."""
    data = b""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        try:
            sock.sendall(raw)
            sock.shutdown(socket.SHUT_WR)
            while chunk := sock.recv(65536):
                data += chunk
        except (BrokenPipeError, ConnectionResetError):
            pass
    return data


def start(data_dir: Path, *, threads: int = 16, env: dict[str, str] | None = None,
          timeout: float = 20.0) -> LiveServer:  # fmt: skip
    """Start the server and wait until /api/health answers."""
    port = free_port()
    environment = {
        **os.environ,
        "COMMONGROUND_PRELOAD_MODEL": "false",
        "COMMONGROUND_USE_BROWSER": "false",
        **(env or {}),
    }
    log = open(data_dir.parent / f"server-{port}.log", "ab")  # noqa: SIM115 (lives with the process)
    process = subprocess.Popen(
        [sys.executable, "-m", "server.cli", "serve", "--port", str(port), "--data-dir",
         str(data_dir), "--threads", str(threads)],
        cwd=ROOT, env=environment, stdout=log, stderr=log,
    )  # fmt: skip
    log.close()
    base_url = f"http://127.0.0.1:{port}"
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}; see its log")
        try:
            if httpx.get(base_url + "/api/health", timeout=1).status_code == 200:
                token = (data_dir / "token").read_text().strip()
                return LiveServer(process, base_url, token, data_dir)
        except httpx.TransportError:
            time.sleep(0.05)
    process.kill()
    raise RuntimeError(f"the server did not answer /api/health within {timeout}s")
