"""A post too thin to discuss (a link, a video, a line) never anchors a talking point or an
opener, not even through a topic whose evidence it is."""

from __future__ import annotations

from insights.models import Evidence, Topic
from insights.substance import anchorable_topics, is_substantial
from scraper.models import Post

ESSAY = Post(
    url="https://jo.example/handover/",
    title="What a good handover sounds like",
    text="A nursing handover is where information is lost between shifts. " * 12,
)
VIDEO = Post(url="https://jo.example/video/", title="Video: my talk at the nursing conference",
             text="Here is the video of my talk. https://video.example/v/3")  # fmt: skip


def test_a_video_or_a_link_is_thin_and_an_essay_is_not() -> None:
    assert is_substantial(ESSAY) and not is_substantial(VIDEO)


def test_a_topic_keeps_only_evidence_a_point_may_rest_on() -> None:
    listed = "https://jo.example/2012/sbar/"  # only listed, not read: its title stays evidence
    both = Topic("nursing handover", 1.0, (Evidence(VIDEO.url, "my talk"),
                                           Evidence(ESSAY.url, "A nursing handover is..."),
                                           Evidence(listed, "SBAR for handover")))  # fmt: skip
    only_thin = Topic("nursing conference", 0.9, (Evidence(VIDEO.url, "my talk"),))
    kept = anchorable_topics([both, only_thin], [ESSAY, VIDEO])
    assert [t.phrase for t in kept] == ["nursing handover"]
    assert [e.url for e in kept[0].evidence] == [ESSAY.url, listed]
