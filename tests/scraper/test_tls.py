"""HTTPS through the guarded transport: connect to the checked IP, yet verify and SNI by name."""

from __future__ import annotations

import shutil
import ssl
import subprocess

import pytest

from harness.site import start_site
from scraper import guard
from scraper.fetch import Fetcher, FetchFailed


def make_cert(tmp_path, name: str) -> tuple[str, str]:
    if not shutil.which("openssl"):
        pytest.skip("openssl is needed to make a test certificate")
    key, cert = tmp_path / f"{name}.key", tmp_path / f"{name}.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-keyout", str(key), "-out", str(cert), "-subj", f"/CN={name}",
         "-addext", f"subjectAltName=DNS:{name}"],
        check=True, capture_output=True,
    )  # fmt: skip
    return str(cert), str(key)


@pytest.fixture
def tls_site(tmp_path):
    """An HTTPS server on 127.0.0.1 with a certificate for blog.example; records SNI and Host."""
    cert, key = make_cert(tmp_path, "blog.example")
    seen: dict[str, list] = {"sni": [], "host": []}

    def page(request):
        seen["host"].append(request.headers["Host"])
        return 200, {"Content-Type": "text/html"}, b"<p>over TLS</p>"

    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    context.sni_callback = lambda sock, name, ctx: seen["sni"].append(name)
    site = start_site(tls=context)
    site.routes["/post"] = page
    assert site.server is not None
    yield site.server.server_address[1], cert, seen, tmp_path
    site.stop()


def test_https_verifies_the_name_and_sends_sni_while_connecting_to_the_checked_ip(
    monkeypatch, tls_site
):
    port, cert, seen, _ = tls_site
    monkeypatch.setattr(guard, "resolve", lambda host, p: ["127.0.0.1"])
    trust = ssl.create_default_context(cafile=cert)
    with Fetcher(allow_hosts_loopback=True, delay=0.0, verify=trust) as fetcher:
        page = fetcher.get(f"https://blog.example:{port}/post")
    assert "over TLS" in page.html
    assert "blog.example" in seen["sni"]
    assert f"blog.example:{port}" in seen["host"]


def test_a_certificate_for_another_name_is_rejected(monkeypatch, tls_site):
    port, _, _, tmp_path = tls_site
    other_cert, _ = make_cert(tmp_path, "other.example")
    monkeypatch.setattr(guard, "resolve", lambda host, p: ["127.0.0.1"])
    trust = ssl.create_default_context(cafile=other_cert)
    with Fetcher(allow_hosts_loopback=True, delay=0.0, verify=trust) as fetcher:
        with pytest.raises(FetchFailed, match="could not be reached.*CERTIFICATE_VERIFY_FAILED"):
            fetcher.get(f"https://blog.example:{port}/post")
