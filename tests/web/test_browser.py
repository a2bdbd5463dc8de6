"""What a reader sees in headless Chromium: click from the story list to a story to a diff."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newstrace.report.html import render_story_html
from tests.web.conftest import SCREENSHOTS
from tests.web.sample_story import STORY_ID, sample_store

pytestmark = pytest.mark.browser


def _no_horizontal_overflow(driver: Any) -> bool:
    return bool(
        driver.execute_script(
            "return document.documentElement.scrollWidth <= window.innerWidth + 1;"
        )
    )


def _shoot(driver: Any, name: str, width: int = 1280) -> Path:
    """Full-page screenshot under build/screenshots/."""
    height = driver.execute_script("return document.documentElement.scrollHeight;")
    driver.set_window_size(width, min(max(int(height), 800), 6000))
    path = SCREENSHOTS / f"{name}.png"
    driver.save_screenshot(str(path))
    driver.set_window_size(width, 1000)
    return path


def test_click_from_story_list_to_story_to_diff(browser: Any, sample_server: str) -> None:
    from selenium.webdriver.common.by import By

    driver = browser
    driver.get(sample_server + "/")
    assert "Stories" in driver.find_element(By.TAG_NAME, "h1").text
    _shoot(driver, "sample-stories")
    driver.find_element(By.CSS_SELECTOR, "a.story-link").click()

    assert driver.find_element(By.TAG_NAME, "h1").text == "Rail engineers strike across Verenia"
    edge = driver.find_element(
        By.CSS_SELECTOR,
        'svg.provenance g.edge[data-source="mpa-wire"][data-derived="orchid-rewrite"]',
    )
    assert edge.is_displayed()
    derived = driver.find_element(By.CSS_SELECTOR, 'g.node[data-article="orchid-rewrite"]')
    assert derived.get_attribute("data-role") == "derived"
    assert _no_horizontal_overflow(driver)
    _shoot(driver, "sample-story")

    link = driver.find_element(By.CSS_SELECTOR, 'a.diff-link[href*="derived=orchid-rewrite"]')
    link.click()
    invented = driver.find_element(By.CSS_SELECTOR, "table.diff tr.invented td.derived")
    assert "The government has abandoned us" in invented.text
    assert "quote not in any source" in invented.text
    colour = invented.value_of_css_property("background-color")
    red, green, blue = (int(x) for x in colour[colour.index("(") + 1 :].split(",")[:3])
    assert red > green + 15 and red > blue + 15, colour  # reads as a warning, not as plain text
    shared = driver.find_element(By.CSS_SELECTOR, "table.diff tr.shared td.derived")
    assert shared.value_of_css_property("background-color") != colour
    legend = driver.find_element(By.CSS_SELECTOR, "ul.legend").text
    for word in ("shared", "reworded", "altered", "added", "invented"):
        assert word in legend
    assert _no_horizontal_overflow(driver)
    _shoot(driver, "sample-diff")

    # hiding shared rows leaves the invented one in view
    driver.find_element(By.CSS_SELECTOR, 'form.diff-filter input[value="shared"]').click()
    assert not shared.is_displayed() and invented.is_displayed()


def test_article_page_from_the_timeline(browser: Any, sample_server: str) -> None:
    from selenium.webdriver.common.by import By

    browser.get(f"{sample_server}/stories/{STORY_ID}")
    browser.find_element(By.CSS_SELECTOR, "#timeline a[href*='id=orchid-rewrite']").click()
    assert (
        browser.find_element(By.TAG_NAME, "h1").text
        == "Verenia grinds to a halt as engineers strike"
    )
    invented = browser.find_element(By.CSS_SELECTOR, ".article-text .rel-invented")
    assert "The government has abandoned us" in invented.text
    assert "quote not in any source" in invented.text
    assert _no_horizontal_overflow(browser)
    _shoot(browser, "sample-article")


def test_graph_boxes_open_their_article(browser: Any, sample_server: str) -> None:
    from selenium.webdriver.common.by import By

    browser.get(f"{sample_server}/stories/{STORY_ID}")
    browser.find_element(By.CSS_SELECTOR, 'svg.provenance g.node[data-article="mpa-wire"]').click()
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Rail engineers strike")
    copies = browser.find_elements(By.CSS_SELECTOR, "a.diff-link")
    assert len(copies) == 2  # the wire page lists both articles written from it


def test_claim_matrix_page(browser: Any, sample_server: str) -> None:
    from selenium.webdriver.common.by import By

    browser.get(f"{sample_server}/stories/{STORY_ID}/claims")
    cells = browser.find_elements(By.CSS_SELECTOR, "table.matrix tbody tr:first-child td.cell")
    assert [c.text for c in cells] == ["✓", "✓", "✗"]
    agreed = browser.find_element(By.CSS_SELECTOR, "table.matrix tbody tr.agreed")
    browser.find_element(By.ID, "only-contested").click()
    assert not agreed.is_displayed()
    assert browser.find_element(By.CSS_SELECTOR, "table.matrix tbody tr.contested").is_displayed()
    browser.find_element(By.ID, "only-contested").click()
    assert _no_horizontal_overflow(browser)
    _shoot(browser, "sample-claims")


def test_pages_load_without_console_errors(browser: Any, sample_server: str) -> None:
    """No blocked request, no script error, nothing missing (favicon included)."""
    browser.get_log("browser")  # drop what earlier tests left
    for path in (
        "/",
        f"/stories/{STORY_ID}",
        f"/stories/{STORY_ID}/diff?source=mpa-wire&derived=orchid-rewrite",
        f"/stories/{STORY_ID}/claims",
        f"/stories/{STORY_ID}/article?id=orchid-rewrite",
        f"/stories/{STORY_ID}/report.html",
        "/search?q=strike",
    ):
        browser.get(sample_server + path)
        problems = [e["message"] for e in browser.get_log("browser") if e["level"] == "SEVERE"]
        assert problems == [], path


def test_pages_fit_a_phone_screen(browser: Any, sample_server: str) -> None:
    browser.set_window_size(420, 900)
    try:
        for path in ("/", f"/stories/{STORY_ID}", f"/stories/{STORY_ID}/claims"):
            browser.get(sample_server + path)
            assert _no_horizontal_overflow(browser), path
        browser.get(
            f"{sample_server}/stories/{STORY_ID}/diff?source=mpa-wire&derived=orchid-rewrite"
        )
        assert _no_horizontal_overflow(browser)
        _shoot(browser, "sample-diff-phone", width=420)
    finally:
        browser.set_window_size(1280, 1000)


def test_error_page_is_readable(browser: Any, sample_server: str) -> None:
    from selenium.webdriver.common.by import By

    browser.get(sample_server + "/stories/does-not-exist")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Not found"
    assert "does-not-exist" in browser.find_element(By.CSS_SELECTOR, ".error-message").text


def test_self_contained_report_renders_offline(browser: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    page = tmp_path / "report.html"
    page.write_text(render_story_html(sample_store(), STORY_ID), encoding="utf-8")
    browser.get(page.as_uri())
    assert browser.find_element(By.CSS_SELECTOR, "svg.provenance").is_displayed()
    rows = browser.find_elements(By.CSS_SELECTOR, "table.diff tr.invented")
    assert len(rows) == 1
    assert _no_horizontal_overflow(browser)
    _shoot(browser, "sample-report")
