"""The web app over the demo corpus, run through the real pipeline into a real SQLite store and
served by `newstrace serve` in its own process. Ground truth: demo/README.md."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import httpx
import pytest

from tests.web.test_browser import _no_horizontal_overflow, _shoot

pytestmark = pytest.mark.slow  # the pipeline runs with its neural models

WIRE, REWRITE = "mpa-rail-strike", "newsbeat-rail-strike"
INVENTED_QUOTE = "We are prepared to stay out for as long as it takes"


@pytest.fixture(scope="module")
def client(demo_server: str) -> httpx.Client:
    return httpx.Client(base_url=demo_server, timeout=30)


@pytest.fixture(scope="module")
def strike_story(client: httpx.Client) -> str:
    """The story holding the rewrite, found the way a reader would: by searching its text."""
    hits = client.get("/api/search", params={"q": "prepared to stay out"}).json()["hits"]
    [story] = {h["story"] for h in hits if h["article"] == REWRITE}
    assert isinstance(story, str)
    return story


def test_every_page_of_every_story_renders(client: httpx.Client) -> None:
    stories = client.get("/api/stories").json()
    assert len(stories) >= 2
    for s in stories:
        sid = quote(s["id"], safe="")
        assert client.get(f"/stories/{sid}").status_code == 200
        assert client.get(f"/stories/{sid}/claims").status_code == 200
        story = client.get(f"/api/stories/{sid}").json()
        assert story["story"]["article_count"] == len(story["articles"])
        for edge in story["graph"]["edges"]:
            # a node may stand for a syndication group: the edge names its articles
            params = {"source": edge["source_article"], "derived": edge["derived_article"]}
            diff = client.get(f"/api/stories/{sid}/diff", params=params)
            assert diff.status_code == 200
            assert client.get(f"/stories/{sid}/diff", params=params).status_code == 200
            derived_rows = [r for r in diff.json()["rows"] if r["derived_sentence"] is not None]
            assert derived_rows, "every derived sentence appears in the diff"


def test_graph_has_an_edge_from_the_wire_to_the_rewrite(
    client: httpx.Client, strike_story: str
) -> None:
    story = client.get(f"/api/stories/{quote(strike_story, safe='')}").json()
    edges = {(e["source"], e["derived"]) for e in story["graph"]["edges"]}
    assert (WIRE, REWRITE) in edges
    roles = {a["id"]: a["role"] for a in story["articles"]}
    assert roles[REWRITE] == "derived" and roles["radio-halvard-strike"] == "independent"


def test_diff_shows_the_invented_quote_as_text_of_no_source(
    client: httpx.Client, strike_story: str
) -> None:
    sid = quote(strike_story, safe="")
    diff = client.get(
        f"/api/stories/{sid}/diff", params={"source": WIRE, "derived": REWRITE}
    ).json()
    [row] = [r for r in diff["rows"] if INVENTED_QUOTE in "".join(s["text"] for s in r["derived"])]
    assert row["relation"] in {"invented", "added"} and row["source"] == []
    # "invented" is exactly the new text the pipeline flagged as in no source
    flagged = {
        f["sentence"]
        for f in client.get(f"/api/stories/{sid}").json()["flags"]
        if f["article"] == REWRITE and f["kind"] == "unsupported"
    }
    for r in diff["rows"]:
        if r["relation"] in {"invented", "added"}:
            assert (r["relation"] == "invented") == (r["derived_sentence"] in flagged), r


@pytest.mark.browser
def test_reader_clicks_from_list_to_story_to_diff(
    browser: Any, demo_server: str, strike_story: str
) -> None:
    from selenium.webdriver.common.by import By

    driver = browser
    driver.get(demo_server + "/")
    _shoot(driver, "demo-stories")
    driver.find_element(By.CSS_SELECTOR, f'a.story-link[href="/stories/{strike_story}"]').click()
    edge = driver.find_element(
        By.CSS_SELECTOR, f'svg.provenance g.edge[data-source="{WIRE}"][data-derived="{REWRITE}"]'
    )
    assert edge.is_displayed()
    assert _no_horizontal_overflow(driver)
    _shoot(driver, "demo-story")

    driver.find_element(
        By.CSS_SELECTOR, f'a.diff-link[href*="source={WIRE}"][href*="derived={REWRITE}"]'
    ).click()
    new_text = driver.find_elements(
        By.CSS_SELECTOR, "table.diff tr.invented td.derived, table.diff tr.added td.derived"
    )
    [cell] = [c for c in new_text if INVENTED_QUOTE in c.text]
    shared = driver.find_elements(By.CSS_SELECTOR, "table.diff tr.shared td.derived")
    plain = {c.value_of_css_property("background-color") for c in shared}
    assert cell.value_of_css_property("background-color") not in plain  # marked as new text
    assert _no_horizontal_overflow(driver)
    _shoot(driver, "demo-diff")

    driver.find_element(By.LINK_TEXT, "Claim matrix").click()
    assert driver.find_element(By.TAG_NAME, "h1").text == "Claim matrix"
    assert _no_horizontal_overflow(driver)
    _shoot(driver, "demo-claims")
