"""The JSON API and the pages of a real uvicorn process serving the sample story."""

from __future__ import annotations

import re

import httpx
import pytest

from tests.web.sample_story import STORY_ID


@pytest.fixture(scope="module")
def client(sample_server: str) -> httpx.Client:
    return httpx.Client(base_url=sample_server, timeout=20)


def test_story_list(client: httpx.Client) -> None:
    [story] = client.get("/api/stories").json()
    assert story["id"] == STORY_ID
    assert (story["article_count"], story["outlet_count"], story["flag_count"]) == (3, 3, 2)
    assert story["first_seen"] == "2026-03-02T07:45:00Z"
    assert client.get("/api/stories", params={"offset": 1}).json() == []
    page = client.get("/", params={"page": 2})
    assert page.status_code == 200 and "No stories yet" not in page.text
    assert client.get("/", params={"page": 0}).status_code == 400


def test_story_json_has_graph_flags_quotes_figures(client: httpx.Client) -> None:
    story = client.get(f"/api/stories/{STORY_ID}").json()
    edges = {(e["source"], e["derived"], e["kind"]) for e in story["graph"]["edges"]}
    assert ("mpa-wire", "orchid-rewrite", "paraphrase") in edges
    assert {f["kind"] for f in story["flags"]} == {"unsupported", "altered"}
    assert story["quotes"][0]["speaker"] == "Ilsa Brennholt"
    assert {g["unit"] for g in story["figures"]} == {"engineers", "passenger trains"}
    assert story["entities"][0]["name"] in {"Ilsa Brennholt", "Rail Engineers' Federation"}


def test_diff_json(client: httpx.Client) -> None:
    r = client.get(
        f"/api/stories/{STORY_ID}/diff", params={"source": "mpa-wire", "derived": "orchid-rewrite"}
    )
    assert r.status_code == 200
    rows = r.json()["rows"]
    invented = [row for row in rows if row["relation"] == "invented"]
    assert len(invented) == 1 and "abandoned us" in invented[0]["derived"][0]["text"]


def test_article_json_and_page(client: httpx.Client) -> None:
    view = client.get(f"/api/stories/{STORY_ID}/article", params={"id": "orchid-rewrite"}).json()
    assert view["compared_with"] == "mpa-wire"
    assert view["counts"] == {"reworded": 1, "shared": 2, "invented": 1, "altered": 1}
    page = client.get(f"/stories/{STORY_ID}/article", params={"id": "orchid-rewrite"}).text
    assert re.search(
        r'class="sentence rel-invented flagged"[^>]*>&#34;The government has abandoned us', page
    )
    assert "unsupported: quote not in any source" in page
    missing = client.get(f"/api/stories/{STORY_ID}/article", params={"id": "ghost"})
    assert missing.status_code == 404 and "not part of story" in missing.json()["error"]


def test_claims_json(client: httpx.Client) -> None:
    matrix = client.get(f"/api/stories/{STORY_ID}/claims").json()
    assert [c["article"] for c in matrix["columns"]] == [
        "mpa-wire",
        "courier-copy",
        "orchid-rewrite",
    ]
    assert [cell["state"] for cell in matrix["rows"][0]["cells"]] == [
        "supported",
        "supported",
        "contradicted",
    ]


def test_search_finds_the_rewrite_in_its_story(client: httpx.Client) -> None:
    result = client.get("/api/search", params={"q": "abandoned"}).json()
    assert [h["article"] for h in result["hits"]] == ["orchid-rewrite"]
    assert result["hits"][0]["story"] == STORY_ID
    assert "abandoned" in result["hits"][0]["snippet"]


def test_malformed_search_is_read_as_plain_words(client: httpx.Client) -> None:
    r = client.get("/api/search", params={"q": '"abandoned'})
    assert r.status_code == 200  # an unbalanced quote is not an FTS5 syntax error here
    assert [h["article"] for h in r.json()["hits"]] == ["orchid-rewrite"]


@pytest.mark.parametrize(
    ("path", "params", "status", "says"),
    [
        ("/api/stories/nope", {}, 404, "no story with id 'nope'"),
        (
            f"/api/stories/{STORY_ID}/diff",
            {"source": "courier-copy", "derived": "mpa-wire"},
            404,
            "no derivation",
        ),
        (f"/api/stories/{STORY_ID}/diff", {"source": "mpa-wire"}, 400, "derived"),
        ("/api/search", {"q": ""}, 400, "q"),
        ("/api/search", {"q": "x" * 301}, 400, "at most 300"),
        ("/api/search", {"q": "!!!"}, 400, "nothing to search for"),
        ("/api/search", {"q": "strike", "limit": "many"}, 400, "limit"),
        ("/api/stories", {"limit": "0"}, 400, "limit"),
        ("/api/stories", {"offset": "-3"}, 400, "offset"),
        ("/api/search", {"q": "strike " * 1000}, 414, "query string too long"),
        ("/api/nothing-here", {}, 404, "no page at /api/nothing-here"),
    ],
)
def test_bad_requests_get_a_clear_4xx_json(
    client: httpx.Client, path: str, params: dict[str, str], status: int, says: str
) -> None:
    r = client.get(path, params=params)
    assert r.status_code == status
    body = r.json()
    assert body["status"] == status and says in body["error"]


@pytest.mark.parametrize(
    ("path", "status", "says"),
    [
        ("/stories/nope", 404, "no story with id"),
        (f"/stories/{STORY_ID}/diff?source=mpa-wire&derived=ghost", 404, "not part of story"),
        ("/search?q=", 400, "Bad request"),
        ("/search?q=" + "a" * 5000, 414, "query string too long"),
    ],
)
def test_bad_requests_get_a_clear_4xx_page(
    client: httpx.Client, path: str, status: int, says: str
) -> None:
    r = client.get(path)
    assert r.status_code == status
    assert r.headers["content-type"].startswith("text/html")
    assert says in r.text and "Back to all stories" in r.text


def test_openapi_lists_the_api(client: httpx.Client) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/api/stories",
        "/api/stories/{story_id}",
        "/api/stories/{story_id}/diff",
        "/api/stories/{story_id}/claims",
        "/api/stories/{story_id}/article",
        "/api/search",
    ):
        assert path in paths
    assert not any(p.startswith("/stories") for p in paths)  # HTML pages stay out of the API
    diff = paths["/api/stories/{story_id}/diff"]["get"]["responses"]
    assert diff["200"]["content"]["application/json"]["schema"]["$ref"].endswith("/DiffView")
    assert diff["404"]["content"]["application/json"]["schema"]["$ref"].endswith("/ApiError")


def test_pages_render_and_link_to_each_other(client: httpx.Client) -> None:
    home = client.get("/").text
    assert f'href="/stories/{STORY_ID}"' in home and "Rail engineers strike across Verenia" in home
    story = client.get(f"/stories/{STORY_ID}").text
    assert 'data-source="mpa-wire" data-derived="orchid-rewrite"' in story
    diff_link = f"/stories/{STORY_ID}/diff?source=mpa-wire&amp;derived=orchid-rewrite"
    assert diff_link in story
    assert f'href="/stories/{STORY_ID}/claims"' in story
    diff = client.get(diff_link.replace("&amp;", "&")).text
    assert re.search(r'<tr class="invented".*?abandoned us', diff, re.S)
    assert "invented: flagged, in no source" in diff  # the legend
    claims = client.get(f"/stories/{STORY_ID}/claims").text
    assert 'class="cell contradicted"' in claims


def test_pages_request_nothing_from_elsewhere(client: httpx.Client) -> None:
    story = client.get(f"/stories/{STORY_ID}").text
    assert not re.search(r'(src|href)="(https?:)?//(?!example\.org)', story)
    assert client.get("/static/newstrace.css").headers["content-type"].startswith("text/css")
    assert client.get("/static/newstrace.js").status_code == 200


def test_pages_carry_a_content_policy(client: httpx.Client) -> None:
    page = client.get(f"/stories/{STORY_ID}")
    policy = page.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src 'self'" in policy
    assert page.headers["x-content-type-options"] == "nosniff"
    assert "content-security-policy" not in client.get("/api/stories").headers


def test_downloadable_reports(client: httpx.Client) -> None:
    html = client.get(f"/stories/{STORY_ID}/report.html")
    assert html.status_code == 200 and "<style>" in html.text
    md = client.get(f"/stories/{STORY_ID}/report.md")
    assert md.headers["content-type"].startswith("text/markdown")
    assert md.text.startswith("# Rail engineers strike across Verenia")


def test_search_page_marks_the_words_found(client: httpx.Client) -> None:
    page = client.get("/search", params={"q": "government abandoned"}).text
    assert "<mark>government</mark> has <mark>abandoned</mark> us" in page
    assert f'href="/stories/{STORY_ID}/article?id=orchid-rewrite"' in page


def test_compare_any_two_articles_json_and_page(client: httpx.Client) -> None:
    # the copy and the rewrite have no link between them: compared on request all the same
    r = client.get(
        f"/api/stories/{STORY_ID}/compare", params={"a": "courier-copy", "b": "orchid-rewrite"}
    )
    assert r.status_code == 200
    view = r.json()
    assert view["mode"] == "compare" and view["strength"] == "none"
    by_sentence = {row["derived_sentence"]: row for row in view["rows"]}
    assert by_sentence[4]["verdict"] == "altered" and "14,000" in by_sentence[4]["verdict_reason"]
    assert by_sentence[3]["verdict"] == "unsupported"
    assert sum(view["verdicts"].values()) == 5
    page = client.get(
        f"/stories/{STORY_ID}/diff", params={"source": "courier-copy", "derived": "orchid-rewrite"}
    )
    assert page.status_code == 200  # no derivation: the compare view, not a 404
    assert "found no link between these two articles" in page.text
    assert "compared with" in page.text and 'class="rel verdict"' in page.text
    same = client.get(f"/api/stories/{STORY_ID}/compare", params={"a": "mpa-wire", "b": "mpa-wire"})
    assert same.status_code == 404 and "two different articles" in same.json()["error"]


def test_story_page_offers_the_compare_form(client: httpx.Client) -> None:
    page = client.get(f"/stories/{STORY_ID}").text
    assert f'action="/stories/{STORY_ID}/compare"' in page
    assert page.count('<option value="orchid-rewrite"') == 2


def test_csv_exports_download_from_the_story_page(client: httpx.Client) -> None:
    page = client.get(f"/stories/{STORY_ID}").text
    for what in ("quotes", "figures", "flags", "claims"):
        href = f"/stories/{STORY_ID}/export/{what}.csv"
        assert href in page
        r = client.get(href)
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
        assert "attachment" in r.headers["content-disposition"]
    flags = client.get(f"/stories/{STORY_ID}/export/flags.csv").text.splitlines()
    assert len(flags) == 3 and flags[0].startswith("article,outlet,kind")
    assert client.get(f"/stories/{STORY_ID}/export/gossip.csv").status_code == 404
