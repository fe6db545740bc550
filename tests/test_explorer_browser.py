"""The explorer in a real headless browser: ``dateline serve`` started as a process, Chromium
driven by Selenium (Debian's ``chromium`` and ``chromium-driver``; nothing is downloaded).

Skipped, saying why, when Selenium, Chromium or chromedriver is missing (.ci/run installs them)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
pytest.importorskip("fastapi", reason="the explorer's packages: pip install -e '.[explorer]'")
from explorer_corpus import build  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
DRIVERS = ("chromedriver",)


def _find(names: tuple[str, ...], extra: tuple[str, ...] = ()) -> str | None:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    return next((p for p in extra if Path(p).exists()), None)


BROWSER = _find(BROWSERS)
DRIVER = _find(DRIVERS, ("/usr/lib/chromium/chromedriver",))
pytestmark = pytest.mark.skipif(
    BROWSER is None or DRIVER is None,
    reason="no Chromium/chromedriver found (apt-get install chromium chromium-driver)",
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """``dateline serve`` on a free port over the test corpus; its base URL and ids."""
    db = build(tmp_path_factory.mktemp("browser"))
    port = _free_port()
    command = [sys.executable, "-c", "from dateline.cli import main; main()"]
    process = subprocess.Popen(
        [*command, "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(f"{base}/api/stats", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                output = process.stdout.read().decode() if process.stdout else ""
                pytest.fail(f"dateline serve did not start: {output}")
            time.sleep(0.2)
    yield base
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture(scope="module")
def browser():
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager must not download anything
    options = Options()
    options.binary_location = BROWSER
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1280,1000",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(DRIVER))
    driver.set_page_load_timeout(20)
    yield driver
    driver.quit()


def _severe(driver) -> list[str]:
    """Console errors (a CSP violation, a failed load) since the last call."""
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def test_search_page_then_a_speaker_leads_to_the_actor_page_with_a_chart(server, browser):
    browser.get(server + "/")
    assert "dateline explorer" in browser.title
    facets = browser.find_elements(By.CSS_SELECTOR, "#facet-speaker li a")
    assert "Sergey Lavrov" in [f.text for f in facets]
    speaker = next(
        link
        for link in browser.find_elements(By.CSS_SELECTOR, "a.speaker-link")
        if link.text == "Sergey Lavrov"
    )
    speaker.click()
    assert "/actors/" in browser.current_url
    assert browser.find_element(By.ID, "actor-name").text == "Sergey Lavrov"
    bars = browser.find_elements(By.CSS_SELECTOR, "svg.chart rect")
    assert len(bars) >= 2 and bars[0].size["height"] > 0
    assert _severe(browser) == []


def test_the_article_page_highlights_a_quote(server, browser):
    browser.get(server + "/?q=%22useful+conversation%22")
    browser.find_element(By.CSS_SELECTOR, "#quotes .quote-row .meta a").click()
    assert "/articles/" in browser.current_url and browser.current_url.endswith("#q-q3")
    quote = browser.find_element(By.ID, "q-q3")
    assert quote.tag_name == "mark" and "useful conversation" in quote.text
    background = quote.value_of_css_property("background-color")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    assert browser.find_elements(By.CSS_SELECTOR, "#text .speaker")
    assert browser.find_elements(By.CSS_SELECTOR, "#text a.ent")
    assert _severe(browser) == []


def test_a_script_in_the_article_text_does_not_run(server, browser):
    browser.get(server + "/?q=budget")
    browser.find_element(By.CSS_SELECTOR, "#articles li a").click()
    assert "/articles/" in browser.current_url
    assert browser.title != "pwned" and "Senate passes budget" in browser.title
    text = browser.find_element(By.ID, "text").text
    assert "<script>document.title='pwned'</script>" in text
    assert browser.execute_script("return document.querySelectorAll('#text script').length") == 0
    assert browser.execute_script("return document.querySelectorAll('#text img').length") == 0
    assert _severe(browser) == []


def test_a_dyad_bar_leads_to_its_evidence_sentence(server, browser):
    browser.get(server + "/dyads/RUS/TUR")
    assert browser.find_elements(By.CSS_SELECTOR, "svg.chart rect")
    bar = browser.find_elements(By.CSS_SELECTOR, "svg.chart a rect")[0]
    bar.click()
    assert "type=" in browser.current_url and "period=" in browser.current_url
    evidence = browser.find_element(By.CSS_SELECTOR, "#evidence .event-row a[href*='#ev-']")
    target = evidence.get_attribute("href").split("#", 1)[1]
    evidence.click()
    assert browser.find_element(By.ID, target).get_attribute("class") == "evidence"
    assert _severe(browser) == []


def test_the_review_queue_and_the_docs_load_without_console_errors(server, browser):
    browser.get(server + "/flags")
    spot = browser.find_element(By.CSS_SELECTOR, "a.spot")
    anchor = spot.get_attribute("href").split("#", 1)[1]
    spot.click()
    assert "flag" in browser.find_element(By.ID, anchor).get_attribute("class")
    browser.get(server + "/docs")
    assert "GET /api/quotes" in browser.find_element(By.TAG_NAME, "body").text
    browser.get(server + "/api/quotes?limit=1")
    assert '"total"' in browser.find_element(By.TAG_NAME, "body").text
    assert _severe(browser) == []
