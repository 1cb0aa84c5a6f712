"""A site's "page not found" page is never a post, even served with 200 and listed in a sitemap
(static hosts serve /404.html by name; Jekyll lists it in sitemap.xml)."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.blog import read_blog
from scraper.extract import MIN_WORDS, extract_post
from scraper.fetch import Fetcher
from tests.server.conftest import serve_site

SITE = Path(__file__).resolve().parent.parent / "fixtures" / "blogs" / "jekyll-home"
POST = (
    "<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
    + "<p>"
    + "A real paragraph about handling errors in web servers and what users see. " * 8
    + "</p></article></body></html>"
)


@pytest.fixture
def fetcher():
    f = Fetcher(allow_hosts_loopback=True, delay=0.0, read_timeout=3)
    yield f
    f.close()


def test_the_blogs_404_page_is_long_enough_to_pass_for_a_post_but_is_not_one():
    html = (SITE / "404.html").read_text(encoding="utf-8").replace("{{SITE}}", "https://h.fi")
    assert len(html.split()) > 5 * MIN_WORDS  # text enough: only what the page says it is counts
    assert extract_post(html, "https://h.fi/404.html") is None
    assert extract_post(html, "https://h.fi/oops/") is None  # its title says it, wherever it is


@pytest.mark.parametrize(
    "title",
    ["404", "404 - Page not found", "Page Not Found | Jo's blog", "Oops! That page can’t be found.",
     "Seite nicht gefunden", "Page introuvable", "Página no encontrada", "Nie znaleziono strony"],
)  # fmt: skip
def test_not_found_titles_in_several_languages(title):
    assert extract_post(POST.format(title=title), "https://jo.example/x/") is None


@pytest.mark.parametrize(
    "title",
    ["Handling 404 errors in Flask", "Why 404 pages deserve design", "Found in translation"],
)
def test_posts_about_not_found_pages_are_still_posts(title):
    post = extract_post(POST.format(title=title), "https://jo.example/2024/errors/")
    assert post is not None and post.title == title


def test_reading_the_blog_skips_the_404_page_its_sitemap_lists(fetcher, local_site):
    serve_site(local_site, SITE)
    result = read_blog(local_site.url("/"), fetcher, limit=20)
    urls = [p.url for p in result.posts]
    assert len(urls) == 6, urls
    assert not any("404" in u for u in urls)
