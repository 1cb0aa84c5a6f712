"""DNS rebinding: the real server answers only requests addressed to 127.0.0.1, localhost or
[::1] with its own port. A page on evil.example that re-points its name at 127.0.0.1 reaches
the port with its own name in Host, and gets a 403 before any route runs."""

from __future__ import annotations

import socket

import httpx
import pytest

from harness import live
from server.security import LOCAL_NAMES, allowed_hosts, host_allowed

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    running = live.start(tmp_path_factory.mktemp("hosts") / "data")
    yield running
    running.stop()


def port_of(server) -> int:
    return int(server.base_url.rsplit(":", 1)[1])


def get(server, path: str, host: str | None, **headers: str) -> httpx.Response:
    """GET ``path`` over 127.0.0.1 with the given Host header (the one a browser would send)."""
    with httpx.Client(base_url=server.base_url, timeout=10) as client:
        request = client.build_request("GET", path, headers=headers)
        if host is None:
            del request.headers["Host"]
        else:
            request.headers["Host"] = host
        return client.send(request)


@pytest.mark.parametrize("path", ["/api/health", "/api/openapi.json", "/api/me", "/nowhere"])
@pytest.mark.parametrize(
    "host",
    ["evil.example:{port}", "evil.example", "127.0.0.1.evil.example:{port}",
     "localhost.evil.example:{port}", "evil.example:{port}@127.0.0.1", "127.0.0.1:{other}",
     "localhost:{other}", "[::1]:{other}", "127.0.0.1", "localhost", "127.0.0.2:{port}",
     "0.0.0.0:{port}", "[::ffff:127.0.0.1]:{port}", "localhost.:{port}", "2130706433:{port}",
     "127.1:{port}", ""],
)  # fmt: skip
def test_requests_addressed_to_other_names_are_refused(server, path, host):
    port = port_of(server)
    answer = get(server, path, host.format(port=port, other=port + 1), Authorization=(
        f"Bearer {server.token}"))  # fmt: skip
    assert answer.status_code == 403, answer.text
    assert answer.json()["error"]["code"] == "host_not_allowed"
    assert "ALLOWED_HOSTS" in answer.json()["error"]["message"]


@pytest.mark.parametrize("host", ["127.0.0.1:{port}", "localhost:{port}", "[::1]:{port}",
                                  "LOCALHOST:{port}"])  # fmt: skip
def test_the_servers_own_names_are_answered(server, host):
    answer = get(server, "/api/health", host.format(port=port_of(server)))
    assert answer.status_code == 200 and answer.json()["status"] == "ok"


def test_a_request_without_a_host_is_refused(server):
    with socket.create_connection(("127.0.0.1", port_of(server)), timeout=10) as sock:
        sock.sendall(b"GET /api/health HTTP/1.0\r\n\r\n")
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    assert data.startswith(b"HTTP/1.0 403") and b"host_not_allowed" in data


def test_names_can_be_added_but_the_port_still_counts():
    names = allowed_hosts("192.168.1.5, mybox.lan")
    assert LOCAL_NAMES <= names
    assert host_allowed("mybox.lan:8765", "8765", "http", names)
    assert host_allowed("192.168.1.5:8765", "8765", "http", names)
    assert not host_allowed("mybox.lan:8766", "8765", "http", names)
    assert not host_allowed("evil.example:8765", "8765", "http", names)
    assert host_allowed("localhost", "80", "http", LOCAL_NAMES)  # no port: the scheme's default
    assert host_allowed("localhost", "443", "https", LOCAL_NAMES)
    assert not host_allowed("localhost", "8765", "http", LOCAL_NAMES)
