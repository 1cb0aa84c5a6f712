"""Sentences of a message, as the swap test and the truth check read them."""

from __future__ import annotations

from insights.swap import body_sentences


def test_a_period_inside_a_name_or_after_an_abbreviation_ends_no_sentence():
    text = (
        "Hi Niamh,\n\nAt St. James's Hospital I'm the EHR super-user. I write for Folha de S.Paulo"
        " and chart in D3.js. Ines A. Okafor said so. I left in 2020.\n\nThanks,\nAoife"
    )
    assert body_sentences(text) == [
        "At St. James's Hospital I'm the EHR super-user.",
        "I write for Folha de S.Paulo and chart in D3.js.",
        "Ines A. Okafor said so.",
        "I left in 2020.",
    ]


def test_the_formal_tone_spells_out_its_own_words_not_a_quoted_title():
    from insights.compose import _formal

    text = "I read your post “Tickets you're not reading”. I'm Ahmed, you're kind."
    assert _formal(text, "formal") == (
        "I read your post “Tickets you're not reading”. I am Ahmed, you are kind."
    )
