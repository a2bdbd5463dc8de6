"""Real server processes for the web tests: the sample story, and the demo corpus run through the
real pipeline into a real store. Each starts once per session on a free port of 127.0.0.1."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
SCREENSHOTS = ROOT / "build" / "screenshots"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _wait_until_up(proc: subprocess.Popen[bytes], base: str, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            out = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
            raise RuntimeError(f"server exited with {proc.returncode}:\n{out[-3000:]}")
        try:
            if httpx.get(base + "/api/stories", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"server at {base} did not answer within {seconds:.0f}s")


def _serve(cmd: list[str]) -> Iterator[str]:
    port = free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [*cmd, str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(proc, base)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="session")
def sample_server() -> Iterator[str]:
    """Base URL of a uvicorn process serving the sample story (known derivations and flags)."""
    yield from _serve([PYTHON, str(ROOT / "tests" / "web" / "serve_sample.py")])


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory, demo_corpus: Path) -> Path:
    """The demo corpus ingested by the real pipeline (default models, as a user runs it) into
    SQLite; NEWSTRACE_EMBEDDER / NEWSTRACE_NER override as everywhere."""
    try:
        from newstrace.pipeline import Pipeline
        from newstrace.settings import Settings
        from newstrace.store import open_store
    except ImportError as exc:
        pytest.skip(f"the real store/pipeline is not available yet: {exc}")
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    store = open_store(str(db))
    try:
        Pipeline(store, Settings.from_env()).ingest(sorted(demo_corpus.iterdir()))
    finally:
        store.close()
    return db


@pytest.fixture(scope="session")
def demo_server(demo_db: Path) -> Iterator[str]:
    """Base URL of `newstrace serve` over the demo store."""
    yield from _serve([PYTHON, "-m", "newstrace.cli", "serve", "--db", str(demo_db), "--port"])


# --------------------------------------------------------------------------- browser


def chromium_paths() -> tuple[str, str] | None:
    driver = shutil.which("chromedriver") or (
        "/usr/bin/chromedriver" if Path("/usr/bin/chromedriver").exists() else None
    )
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    return (browser, driver) if browser and driver else None


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """Headless Chromium driven by selenium, with a fresh profile."""
    paths = chromium_paths()
    if paths is None:
        pytest.skip(
            "headless Chromium/chromedriver not installed (scripts/system-deps.sh installs them)"
        )
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = paths[0]
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--no-first-run",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,1000",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(paths[1]), options=options)
    driver.set_page_load_timeout(30)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    try:
        yield driver
    finally:
        driver.quit()
