"""Every opener built with each free-text goal and ask of bench/data/goal_ask (the calibration
half and the frozen held-out half), on fixture pairs of different shapes, is grammatical by the
rules of ``harness.opener_grammar``, backed by the profiles and posts, and asks for the goal."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from harness import ROOT
from harness.opener_grammar import ask_sentences, check_grammar
from insights.goal import infer_goal
from insights.openers import opener_versions
from insights.truth import check_opener

pytestmark = pytest.mark.model

DATA = ROOT / "bench" / "data" / "goal_ask"
# A shared school and posts, an employer, no ground at all, a city and a post, a now page.
SHAPES = [
    "kth_distributed_systems",
    "meta_facebook_overlap",
    "no_ground_marketing_vs_kernel",
    "holdout_bangalore_pm",
    "ucl_accessibility",
    "now_page_climate",
]


def _strings(half: str) -> list[tuple[str, str]]:
    data = json.loads((DATA / f"{half}.json").read_text(encoding="utf-8"))
    return [("goal", g) for g in data["goals"]] + [("ask", a) for a in data["asks"]]


@pytest.mark.parametrize("half", ["calibration", "holdout"])
def test_every_opener_with_a_typed_goal_or_ask_is_grammatical_backed_and_tied(analysed, half):
    broken = []
    for field, value in _strings(half):
        for name in SHAPES:
            result = analysed[name]
            pair = result.pair
            me = replace(pair.me, **{field: value})
            goal = infer_goal(me)
            for version in opener_versions(me, pair.them, result.points, pair.topics, pair.posts):
                for tone, openers in version["tones"].items():
                    for o in openers:
                        text = o["text"]
                        problems = [p.rule for p in check_grammar(text, o["channel"])]
                        problems += [
                            f"truth:{f.detail}"
                            for f in check_opener(text, me, pair.them, pair.posts, o.get("subject"))
                        ]
                        if goal and not any(goal.named_in(s) for s in ask_sentences(text)):
                            problems.append("ask without the goal")
                        if problems:
                            broken.append((value, name, tone, o["channel"], problems, text))
    assert not broken, [(b[0], b[4]) for b in broken[:3]]
