"""Telegram HTML parse mode: entities, offsets and errors."""

from __future__ import annotations

import pytest

from frontdesk_emulator import ApiError, parse_html
from frontdesk_emulator.validation import format_text


def test_simple_tags_become_entities() -> None:
    """Bold, italic and links turn into entities over the plain text."""
    text, entities = parse_html('<b>Hi</b> <i>there</i> <a href="https://x.org">x</a>')
    assert text == "Hi there x"
    assert entities == [
        {"type": "bold", "offset": 0, "length": 2},
        {"type": "italic", "offset": 3, "length": 5},
        {"type": "text_link", "url": "https://x.org", "offset": 9, "length": 1},
    ]


def test_offsets_count_utf16_code_units() -> None:
    """An emoji outside the BMP counts as two units before a following entity."""
    text, entities = parse_html("😀 <b>中文</b>")
    assert text == "😀 中文"
    assert entities == [{"type": "bold", "offset": 3, "length": 2}]


def test_nested_entities_sorted_outer_first() -> None:
    """Nested tags yield both entities, the outer one first."""
    _, entities = parse_html("<b>a <i>b</i></b>")
    assert [e["type"] for e in entities] == ["bold", "italic"]


def test_references_decoded() -> None:
    """The four named references and numeric ones are decoded; a bare & is literal."""
    text, _ = parse_html("&lt;a&gt; &amp; &quot;q&quot; &#65;&#x42; Q&A")
    assert text == '<a> & "q" AB Q&A'


def test_pre_with_language() -> None:
    """<pre><code class="language-x"> becomes one pre entity with a language."""
    text, entities = parse_html('<pre><code class="language-python">x = 1</code></pre>')
    assert text == "x = 1"
    assert entities == [{"type": "pre", "language": "python", "offset": 0, "length": 5}]


def test_spoiler_blockquote_and_emoji() -> None:
    """Spoilers, expandable blockquotes and custom emoji are supported."""
    _, entities = parse_html(
        '<span class="tg-spoiler">s</span><blockquote expandable>q</blockquote>'
        '<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>'
    )
    assert [e["type"] for e in entities] == ["spoiler", "expandable_blockquote", "custom_emoji"]


@pytest.mark.parametrize(
    ("source", "fragment"),
    [
        ("<br>", 'Unsupported start tag "br"'),
        ("a < b", 'Unsupported start tag ""'),
        ("<b>x", 'Can\'t find end tag corresponding to start tag "b"'),
        ("<b><i>x</b></i>", 'expected "</i>", found "</b>"'),
        ("x</b>", "Unexpected end tag"),
        ("&nbsp;", 'Unsupported HTML entity "&nbsp;"'),
        ('<span class="x">y</span>', 'Tag "span" must have class "tg-spoiler"'),
        ('<a href="x', 'Unclosed start tag "a"'),
    ],
)
def test_invalid_html_rejected(source: str, fragment: str) -> None:
    """Unsupported tags, bad nesting, unclosed tags and unknown references give 400."""
    with pytest.raises(ApiError) as caught:
        parse_html(source)
    assert caught.value.code == 400
    assert caught.value.description.startswith("Bad Request: can't parse entities: ")
    assert fragment in caught.value.description


def test_error_reports_byte_offset() -> None:
    """The byte offset in an error counts UTF-8 bytes like Telegram's."""
    with pytest.raises(ApiError) as caught:
        parse_html("é<x>")
    assert "at byte offset 2" in caught.value.description


def test_surrounding_whitespace_stripped_and_entities_shifted() -> None:
    """Leading/trailing whitespace is removed and entity offsets follow."""
    text, entities = format_text("  <b>hi</b>  ", "HTML", None)
    assert text == "hi"
    assert entities == [{"type": "bold", "offset": 0, "length": 2}]


def test_length_checked_after_parsing() -> None:
    """The 4096 limit applies to the text without tags."""
    plain, _ = format_text("<b>" + "a" * 4096 + "</b>", "HTML", None)
    assert len(plain) == 4096
