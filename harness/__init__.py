"""What the tests and the benchmarks share, so that neither imports the other: local sites on
127.0.0.1 (``harness.site``), generated blogs (``harness.blog_site``, ``harness.sites``), the
backend as a real process and the request mix of a load (``harness.live``), a clock for tests of
waiting (``harness.clock``), and the scoring of profiles and posts against references
(``harness.profile_scoring``, ``harness.quality``).

Not part of the shipped package (pyproject lists scraper, insights and server): it is imported
from the project's root, which ``make dev`` puts on the virtual environment's path.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
DEMO_SITE = ROOT / "server" / "demo_site"
# Pages and data written by others, beside the project (see its README); absent on some machines.
SHARED_DATA = ROOT.parent / "shared" / "data"
