"""The local web app: server-rendered pages over the store, and the same data as JSON.

Every page renders a view from `newstrace.report.views`, so the browser, the JSON API and the
static reports agree. The store is opened per request inside the handler (SQLite connections are
bound to the thread that opened them), and every bad request gets a clear 4xx, never a 500.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from jinja2 import PackageLoader
from markupsafe import Markup
from starlette.exceptions import HTTPException

from newstrace import __version__
from newstrace.report.export import EXPORTS, export_csv
from newstrace.report.html import environment, provenance_svg, render_story_html
from newstrace.report.markdown import render_story_markdown
from newstrace.report.views import (
    ArticleView,
    ClaimMatrix,
    DiffView,
    StorySummary,
    StoryView,
    ViewNotFound,
    article_diff_view,
    article_view,
    claim_matrix_view,
    compare_view,
    diff_or_compare_view,
    story_list_view,
    story_view,
)
from newstrace.report.views.story import trim_for_page
from newstrace.store import StoreNotFound
from newstrace.store.base import Store
from newstrace.web.search import SearchError, SearchResult, highlight, search_articles

StoreFactory = Callable[[], Store]

MAX_QUERY_STRING = 4096  # bytes of the whole query string
MAX_SEARCH = 300  # characters of a search query
MAX_ID = 200  # characters of a story or article id
# pages load only their own stylesheet and script; inline styles are the report's own
CONTENT_POLICY = (
    "default-src 'none'; style-src 'self' 'unsafe-inline'; script-src 'self'; "
    "img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)

StoryId = Annotated[str, PathParam(min_length=1, max_length=MAX_ID)]
ArticleId = Annotated[str, Query(min_length=1, max_length=MAX_ID)]
SearchQuery = Annotated[str, Query(min_length=1, max_length=MAX_SEARCH)]
PAGE_SIZE = 50  # stories per page of the story list
CLAIMS_PAGE = 50  # claims per page of the claim matrix


@dataclass
class ApiError:
    """What every 4xx answer of the API carries."""

    error: str
    status: int


_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ApiError, "description": "Malformed request (bad or missing parameter)"},
    404: {"model": ApiError, "description": "Unknown story, article or derivation"},
    414: {"model": ApiError, "description": "Query string too long"},
}


class WebLinks:
    """Where the pages of one story live in the web app."""

    def __init__(self, story_id: str) -> None:
        self.story_id = story_id

    def story(self) -> str:
        return f"/stories/{quote(self.story_id, safe='')}"

    def diff(self, source: str, derived: str) -> str:
        return f"{self.story()}/diff?{urlencode({'source': source, 'derived': derived})}"

    def claims(self, story_id: str | None = None) -> str:
        return f"{self.story()}/claims"

    def article(self, article_id: str) -> str:
        return f"{self.story()}/article?{urlencode({'id': article_id})}"

    def compare(self, a: str, b: str) -> str:
        """Article `b` aligned to and checked against article `a`."""
        return f"{self.story()}/compare?{urlencode({'a': a, 'b': b})}"


def _opener(store_target: str | StoreFactory) -> StoreFactory:
    if callable(store_target):
        return store_target
    target = store_target

    def open_target() -> Store:
        from newstrace.store import open_store

        store: Store = open_store(target, must_exist=True)  # a request never creates a store
        return store

    return open_target


def create_app(store_target: str | StoreFactory) -> FastAPI:
    """The FastAPI app over one store (a path/URL for `open_store`, or a factory of stores)."""
    open_store = _opener(store_target)
    env = environment([PackageLoader("newstrace.web", "templates")])
    env.globals.update(version=__version__, quote=quote)
    env.filters["highlight"] = highlight
    app = FastAPI(
        title="newstrace",
        version=__version__,
        description="Who reported what, who copied whom, and what was added or changed.",
        docs_url=None,  # the interactive docs pull scripts from a CDN; the UI must not
        redoc_url=None,
        responses=_ERRORS,
    )

    @contextmanager
    def store_session() -> Iterator[Store]:
        store = open_store()
        try:
            yield store
        finally:
            store.close()

    def page(name: str, status: int = 200, **context: Any) -> HTMLResponse:
        return HTMLResponse(env.get_template(name).render(**context), status_code=status)

    def wants_json(request: Request) -> bool:
        return request.url.path.startswith("/api/") or request.url.path == "/api"

    def error(request: Request, status: int, message: str) -> Response:
        if wants_json(request):
            return JSONResponse({"error": message, "status": status}, status_code=status)
        return page("error.html.j2", status=status, status_code=status, message=message)

    # --- guards and errors -------------------------------------------------------
    @app.middleware("http")
    async def limit_query_string(request: Request, call_next: Any) -> Any:
        if len(request.scope.get("query_string", b"")) > MAX_QUERY_STRING:
            return error(
                request, 414, f"query string too long (over {MAX_QUERY_STRING} bytes); shorten it"
            )
        return await call_next(request)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Any:
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        if response.headers.get("content-type", "").startswith("text/html"):
            response.headers.setdefault("Content-Security-Policy", CONTENT_POLICY)
        return response

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        message = str(exc.detail) if exc.detail else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no page at {request.url.path}"
        return error(request, exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ())[1:]) or 'request'}: {e.get('msg', '')}"
            for e in exc.errors()
        )
        return error(request, 400, f"bad request: {problems}")

    @app.exception_handler(ViewNotFound)
    async def not_found(request: Request, exc: ViewNotFound) -> Response:
        return error(request, 404, str(exc.args[0]) if exc.args else "not found")

    @app.exception_handler(StoreNotFound)
    async def no_store(request: Request, exc: StoreNotFound) -> Response:
        return error(request, 503, str(exc))

    @app.exception_handler(SearchError)
    async def bad_search(request: Request, exc: SearchError) -> Response:
        return error(request, 400, str(exc))

    # --- assets ------------------------------------------------------------------
    css = resources.files("newstrace.report").joinpath("templates/newstrace.css").read_text()
    script = resources.files("newstrace.web").joinpath("static/newstrace.js").read_text()

    @app.get("/static/newstrace.css", include_in_schema=False)
    def stylesheet() -> Response:
        return Response(css, media_type="text/css", headers={"Cache-Control": "no-cache"})

    @app.get("/static/newstrace.js", include_in_schema=False)
    def javascript() -> Response:
        return Response(script, media_type="text/javascript", headers={"Cache-Control": "no-cache"})

    # --- HTML pages --------------------------------------------------------------
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def stories_page(
        page_number: Annotated[int, Query(alias="page", ge=1, le=1_000_000)] = 1,
    ) -> HTMLResponse:
        with store_session() as store:
            stories = story_list_view(store, PAGE_SIZE, (page_number - 1) * PAGE_SIZE)
            total = store.story_count()
        pages = max(1, -(-total // PAGE_SIZE))
        return page(
            "stories.html.j2", stories=stories, query="", page=page_number, pages=pages, total=total
        )

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(q: SearchQuery) -> HTMLResponse:
        with store_session() as store:
            result = search_articles(store, q)
        return page("search.html.j2", result=result, query=q)

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(
        story_id: StoryId,
        flags_page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    ) -> HTMLResponse:
        with store_session() as store:
            view = trim_for_page(story_view(store, story_id, flags_page=flags_page, claims_page=1))
        links = WebLinks(story_id)
        svg = Markup(provenance_svg(view.graph, links.diff, links.article))
        return page("story.html.j2", view=view, links=links, svg=svg)

    @app.get("/stories/{story_id}/claims", response_class=HTMLResponse, include_in_schema=False)
    def claims_page(
        story_id: StoryId,
        page_number: Annotated[int, Query(alias="page", ge=1, le=1_000_000)] = 1,
    ) -> HTMLResponse:
        with store_session() as store:
            matrix = claim_matrix_view(store, story_id, page_number, CLAIMS_PAGE)
            story = store.get_story(story_id)
        title = story.title if story else story_id
        return page("claims.html.j2", matrix=matrix, title=title, links=WebLinks(story_id))

    @app.get("/stories/{story_id}/diff", response_class=HTMLResponse, include_in_schema=False)
    def diff_page(story_id: StoryId, source: ArticleId, derived: ArticleId) -> HTMLResponse:
        # no derivation between the two: the compare view instead of a 404
        with store_session() as store:
            diff = diff_or_compare_view(store, story_id, source, derived)
            title = store.get_story(story_id)
        links = WebLinks(story_id)
        story_title = title.title if title else story_id
        return page("diff.html.j2", diff=diff, links=links, story_title=story_title)

    @app.get("/stories/{story_id}/compare", response_class=HTMLResponse, include_in_schema=False)
    def compare_page(story_id: StoryId, a: ArticleId, b: ArticleId) -> HTMLResponse:
        with store_session() as store:
            diff = compare_view(store, story_id, a, b)
            title = store.get_story(story_id)
        links = WebLinks(story_id)
        story_title = title.title if title else story_id
        return page("diff.html.j2", diff=diff, links=links, story_title=story_title)

    @app.get("/stories/{story_id}/article", response_class=HTMLResponse, include_in_schema=False)
    def article_page(story_id: StoryId, id: ArticleId) -> HTMLResponse:
        with store_session() as store:
            view = article_view(store, story_id, id)
        return page("article.html.j2", av=view, links=WebLinks(story_id))

    @app.get("/stories/{story_id}/report.html", include_in_schema=False)
    def story_report_html(story_id: StoryId) -> HTMLResponse:
        with store_session() as store:
            return HTMLResponse(render_story_html(store, story_id))

    @app.get("/stories/{story_id}/export/{what}.csv", include_in_schema=False)
    def story_export(story_id: StoryId, what: str) -> Response:
        if what not in EXPORTS:
            raise HTTPException(404, f"nothing to export as {what!r}: {', '.join(EXPORTS)}")
        with store_session() as store:
            view = story_view(store, story_id, claims_page=None if what == "claims" else 1)
            text = export_csv(view, what)
        filename = f"{story_id}-{what}.csv".replace('"', "")
        return Response(
            text,
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{filename}"'},
        )

    @app.get("/stories/{story_id}/report.md", include_in_schema=False)
    def story_report_markdown(story_id: StoryId) -> PlainTextResponse:
        with store_session() as store:
            text = render_story_markdown(store, story_id)
        return PlainTextResponse(text, media_type="text/markdown; charset=utf-8")

    # --- JSON API ----------------------------------------------------------------
    @app.get("/api/stories", summary="All stories, most recently active first")
    def api_stories(
        limit: Annotated[int, Query(ge=1, le=1000)] = 200,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> list[StorySummary]:
        with store_session() as store:
            return story_list_view(store, limit, offset)

    @app.get("/api/stories/{story_id}", summary="Everything the story page shows")
    def api_story(story_id: StoryId) -> StoryView:
        with store_session() as store:
            return story_view(store, story_id)

    @app.get("/api/stories/{story_id}/claims", summary="Claim x article matrix of a story")
    def api_claims(
        story_id: StoryId,
        page_number: Annotated[int | None, Query(alias="page", ge=1, le=1_000_000)] = None,
        size: Annotated[int, Query(ge=1, le=1000)] = CLAIMS_PAGE,
    ) -> ClaimMatrix:
        with store_session() as store:
            return claim_matrix_view(store, story_id, page_number, size)

    @app.get(
        "/api/stories/{story_id}/diff",
        summary="A derived article aligned with its source, sentence by sentence",
    )
    def api_diff(story_id: StoryId, source: ArticleId, derived: ArticleId) -> DiffView:
        with store_session() as store:
            return article_diff_view(store, story_id, source, derived)

    @app.get(
        "/api/stories/{story_id}/compare",
        summary="Any two articles of a story: b aligned to a, the checker's verdict per sentence",
    )
    def api_compare(story_id: StoryId, a: ArticleId, b: ArticleId) -> DiffView:
        with store_session() as store:
            return compare_view(store, story_id, a, b)

    @app.get(
        "/api/stories/{story_id}/article",
        summary="One article sentence by sentence: copied, reworded, altered or new; flags",
    )
    def api_article(story_id: StoryId, id: ArticleId) -> ArticleView:
        with store_session() as store:
            return article_view(store, story_id, id)

    @app.get("/api/search", summary="Full-text search over article text")
    def api_search(q: SearchQuery, limit: Annotated[int, Query(ge=1, le=200)] = 50) -> SearchResult:
        with store_session() as store:
            return search_articles(store, q, limit)

    return app


def run(store_target: str, host: str = "127.0.0.1", port: int = 8765) -> None:
    """Serve the app with uvicorn until interrupted."""
    import uvicorn

    uvicorn.run(create_app(store_target), host=host, port=port, log_level="info")


__all__ = ["MAX_QUERY_STRING", "MAX_SEARCH", "WebLinks", "create_app", "run"]
