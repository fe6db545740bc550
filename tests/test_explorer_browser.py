"""The explorer in a real headless browser: ``dateline serve`` started as a process, Chromium
driven by Selenium (Debian's ``chromium`` and ``chromium-driver``; nothing is downloaded).

Skipped, saying why, when Selenium, Chromium or chromedriver is missing (.ci/run installs them)."""

from __future__ import annotations

import contextlib
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
from explorer_corpus import ALERT, POLNEAR_DEV, build, build_with_polnear  # noqa: E402
from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
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


@contextlib.contextmanager
def serving(db: Path):
    """``dateline serve`` on a free port over the store at ``db``; its base URL."""
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
    try:
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """``dateline serve`` over the test corpus; its base URL."""
    with serving(build(tmp_path_factory.mktemp("browser"))) as base:
        yield base


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    """Where screenshots go: ``$DATELINE_SCREENSHOTS`` or a pytest temporary folder."""
    folder = os.environ.get("DATELINE_SCREENSHOTS")
    path = Path(folder) if folder else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


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


SEED_DIRECT_QUOTES = 21
"""The seed's direct quotes (``dateline analyze`` of examples/tass-2016-12-01-lavrov-cavusoglu.txt)."""
POLNEAR_FEW = 8


def _arrive(driver, part: str) -> None:
    """Wait for the page a click leads to (its address holds ``part``) to have loaded."""
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 20).until(
        lambda d: (
            part in d.current_url and d.execute_script("return document.readyState") == "complete"
        )
    )


def _seed_and_polnear(base: str, driver, shots: Path, label: str) -> None:
    """The checks over a store of the seed, the ``alert(1)`` article and PolNeAR dev texts."""
    driver.get(base + "/")
    box = driver.find_element(By.CSS_SELECTOR, "form.search input[name=speaker]")
    box.send_keys("Lavrov")  # the words box searches what was said, this one who said it
    driver.find_element(By.CSS_SELECTOR, "form.search button[type=submit]").click()
    _arrive(driver, "speaker=Lavrov")
    rows = driver.find_elements(By.CSS_SELECTOR, "#quotes .quote-row")
    speakers = [r.find_element(By.CSS_SELECTOR, ".who").text for r in rows]
    assert len(speakers) >= 20 and all("Sergey Lavrov" in who for who in speakers), speakers
    driver.save_screenshot(str(shots / f"{label}-search-lavrov.png"))

    driver.find_element(By.CSS_SELECTOR, "#quotes .quote-row .meta a").click()  # the seed
    _arrive(driver, "/articles/")
    assert "#q-" in driver.current_url
    direct = driver.find_elements(By.CSS_SELECTOR, "#text mark.quote.direct[id^='q-']")
    assert len(direct) == SEED_DIRECT_QUOTES
    assert all(m.value_of_css_property("background-color") != "rgba(0, 0, 0, 0)" for m in direct)
    turley = driver.find_elements(By.CSS_SELECTOR, "#text .flag.misspelled-name")
    assert [f.text for f in turley] == ["Turley"]
    assert (
        "'Turley' looks like a misspelling of 'Turkey'" in driver.find_element(By.ID, "flags").text
    )
    driver.save_screenshot(str(shots / f"{label}-seed-article.png"))

    driver.get(base + "/dyads/RUS/TUR")
    bars = driver.find_elements(By.CSS_SELECTOR, "svg.chart rect")
    assert bars and all(b.size["height"] > 0 for b in bars)

    driver.get(base + "/?q=harbour+plan")
    driver.find_element(By.CSS_SELECTOR, "#articles li a").click()
    _arrive(driver, "/articles/")
    assert ALERT in driver.find_element(By.ID, "text").text
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert  # noqa: B018
    assert driver.execute_script("return document.querySelectorAll('#text script').length") == 0
    assert _severe(driver) == []


@pytest.mark.skipif(not POLNEAR_DEV.is_dir(), reason=f"{POLNEAR_DEV} is absent")
def test_a_store_of_the_seed_and_some_polnear_dev_texts(tmp_path, browser, shots):
    with serving(build_with_polnear(tmp_path, POLNEAR_FEW)) as base:
        _seed_and_polnear(base, browser, shots, "polnear-few")


@pytest.mark.slow
@pytest.mark.skipif(not POLNEAR_DEV.is_dir(), reason=f"{POLNEAR_DEV} is absent")
def test_a_store_of_the_seed_and_all_polnear_dev(tmp_path, browser, shots):
    with serving(build_with_polnear(tmp_path)) as base:
        assert len(list(POLNEAR_DEV.glob("*.txt"))) == 84
        _seed_and_polnear(base, browser, shots, "polnear-dev")
