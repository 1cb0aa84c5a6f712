"""Run `commonground serve` as a real process on a free loopback port, for the load and crash
tests and bench/load.py. The caller stops it (``stop`` or ``kill -9``)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent.parent


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
