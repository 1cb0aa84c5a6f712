"""Static checks of the extension's source: least permissions, a pinned key, a strict content
security policy, no remote code, and no HTML sinks for text that came from a page."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

import pytest

EXT = Path(__file__).resolve().parents[2] / "extension"
MANIFEST = json.loads((EXT / "manifest.json").read_text())
SCRIPTS = sorted(EXT.rglob("*.js"))
PAGES = sorted(EXT.glob("*.html"))


def code_of(script: Path) -> str:
    """The script without its comments (which may name what the code avoids)."""
    source = re.sub(r"/\*.*?\*/", "", script.read_text(), flags=re.S)
    return re.sub(r"(^|\s)//.*$", "", source, flags=re.M)


def extension_id_from_key(key: str) -> str:
    """Chromium's rule: the first 128 bits of sha256(public key), hex digits 0-f as a-p."""
    digest = hashlib.sha256(base64.b64decode(key)).hexdigest()[:32]
    return "".join(chr(ord("a") + int(c, 16)) for c in digest)


def test_the_pinned_key_gives_the_id_the_backend_allows():
    expected = (EXT / "EXTENSION_ID").read_text().strip()
    assert extension_id_from_key(MANIFEST["key"]) == expected


def test_manifest_v3_with_the_least_permissions_that_work():
    assert MANIFEST["manifest_version"] == 3
    assert sorted(MANIFEST["permissions"]) == ["activeTab", "alarms", "scripting", "storage"]
    # Only the local backend; pages are reached through activeTab when the user clicks.
    assert MANIFEST["host_permissions"] == ["http://127.0.0.1/*", "http://localhost/*"]
    assert "content_scripts" not in MANIFEST
    assert "web_accessible_resources" not in MANIFEST
    assert "externally_connectable" not in MANIFEST
    assert MANIFEST["background"] == {"service_worker": "service-worker.js", "type": "module"}


def test_content_security_policy_is_strict():
    csp = MANIFEST["content_security_policy"]["extension_pages"]
    directives = {d.split()[0]: d.split()[1:] for d in csp.split(";") if d.strip()}
    assert directives["default-src"] == ["'none'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'none'"]
    assert directives["connect-src"] == ["http://127.0.0.1:*", "http://localhost:*"]
    assert not any("unsafe" in v or "*" == v for values in directives.values() for v in values)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_pages_load_only_their_own_scripts_and_styles(page):
    html = page.read_text()
    assert not re.search(r"<script(?![^>]*\bsrc=\"[\w./-]+\.js\")[^>]*>", html), "inline script"
    assert not re.search(r"\son\w+\s*=", html), "inline event handler"
    assert not re.search(r"(src|href)=\"(https?:)?//", html), "remote resource"
    assert "style=" not in html, "inline style (blocked by the CSP)"
    for ref in re.findall(r"(?:src|href)=\"([\w./-]+\.(?:js|css))\"", html):
        assert (EXT / ref).is_file(), f"{page.name} refers to a missing {ref}"


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.relative_to(EXT).as_posix())
def test_no_html_sinks_or_remote_code(script):
    source = code_of(script)
    for sink in (
        "innerHTML",
        "outerHTML =",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
        "new Function",
        "import(",
        'setTimeout("',
        "createContextualFragment",
    ):
        assert sink not in source, f"{sink} in {script.name}"
    assert not re.search(r"from\s+[\"']https?:", source), "remote module"
    for imported in re.findall(r"from\s+\"(\.[^\"]+)\"", source):
        assert (script.parent / imported).resolve().is_file(), f"{imported} missing"


def test_only_the_service_worker_talks_to_the_backend_and_storage():
    for script in SCRIPTS:
        rel = script.relative_to(EXT).as_posix()
        source = code_of(script)
        sw_side = rel in (
            "service-worker.js",
            "lib/analysis.js",
            "lib/backend.js",
            "lib/store.js",
            "lib/badge.js",
            "lib/capture.js",
        )
        if not sw_side:
            assert "chrome.storage" not in source, rel
            assert "fetch(" not in source, rel
            assert "lib/backend.js" not in source and "./backend.js" not in source, rel
