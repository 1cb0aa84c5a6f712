"""The mentee's own work, from a role's description, as a sentence in their voice."""

from __future__ import annotations

import pytest

from insights.plan import _work_line


@pytest.mark.parametrize(
    ("clause", "line"),
    [
        ("Building payment APIs in Java", "At Acme I'm building payment APIs in Java."),
        ("Wrote Python protocols for the OT-2", "At Acme I wrote Python protocols for the OT-2."),
        ("Lead a team of 8 handling support", "At Acme I lead a team of 8 handling support."),
        # "Cell-based" ends in -ed but is no verb; a noun phrase is what I work on.
        ("Cell-based assays and ELISA for a screen",
         "At Acme I work on cell-based assays and ELISA for a screen."),
        # The role is the phrase's head, after a qualifier ("EHR super-user").
        ("EHR super-user for the Cerner go-live",
         "At Acme I'm the EHR super-user for the Cerner go-live."),
        ("Inflation and public budget coverage",
         "At Acme I work on inflation and public budget coverage."),
        # Already in the first person: kept, not given a second subject.
        ("Since 2023 I sit in on usability sessions",
         "At Acme, since 2023 I sit in on usability sessions."),
    ],
)  # fmt: skip
def test_a_role_clause_reads_as_the_mentee_would_say_it(clause, line):
    assert _work_line("Acme", clause, current=True) == line
