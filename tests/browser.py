"""Real parts for end-to-end tests: `cchc serve` on a loopback port and headless Debian Chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from bench.net import free_port, wait_for

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = Path(__file__).parent / "artifacts"
NO_LIMITS = {"CCHC_RATE_LIMIT": "", "CCHC_EXPORT_RATE_LIMIT": ""}
CHROMIUM_FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--no-first-run", "--disable-quic", "--window-size=1280,1000")


@contextmanager
def serving(index: Path, corpus: Path, extra_env: dict | None = None):
    """`cchc serve` (gunicorn) in a subprocess on a free loopback port; yields its base URL.

    Request limits are off unless ``extra_env`` sets them: these tests query as fast as they can. The server
    imports this checkout's code first (``PYTHONPATH``), also where the environment has another checkout
    installed in editable mode (a git worktree sharing a virtualenv).
    """
    port = free_port()
    command = [str(Path(sys.executable).with_name("cchc")), "serve", "--port", str(port),
               "--index", str(index), "--corpus", str(corpus)]
    ARTIFACTS.mkdir(exist_ok=True)
    with open(ARTIFACTS / f"serve-{port}.log", "wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT,
                                   env={**os.environ, "PYTHONPATH": _pythonpath(), **NO_LIMITS, **(extra_env or {})})
        base = f"http://127.0.0.1:{port}"
        try:
            wait_for(base + "/api/search?per_page=1")
            yield base
        finally:
            stop(process)


STOP_SECONDS = 30  # gunicorn gives its workers ``graceful_timeout`` (10 s) to finish, then kills them: wait past it


def stop(process: subprocess.Popen) -> None:
    """Stop a server as an operator does (SIGTERM) and wait for it; one that outlives gunicorn's own graceful
    timeout by far is killed, and that fails the test that started it (a server that does not stop is a bug)."""
    process.terminate()
    try:
        process.wait(STOP_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        raise


def _pythonpath() -> str:
    return os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))


def chromium(download_dir: Path | None = None) -> webdriver.Chrome:
    """Headless Debian Chromium through Debian's chromedriver (nothing downloaded)."""
    binary, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if not binary or not driver:
        raise RuntimeError("chromium and chromedriver are needed: run scripts/test.sh, which installs them")
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    if download_dir:
        options.add_experimental_option("prefs", {"download.default_directory": str(download_dir),
                                                  "download.prompt_for_download": False})
    return webdriver.Chrome(service=Service(executable_path=driver), options=options)


def go(browser, action, url_part: str) -> None:
    """Do ``action`` (a click, a submit) and wait until the new page, whose URL has ``url_part``, is loaded."""
    old = browser.find_element(By.TAG_NAME, "html")
    action()
    wait = WebDriverWait(browser, 15, ignored_exceptions=(StaleElementReferenceException,))
    wait.until(lambda b: url_part in b.current_url and b.execute_script("return document.readyState") == "complete")
    wait.until(lambda b: b.find_element(By.TAG_NAME, "html") != old)


def screenshot(browser, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    browser.save_screenshot(str(path))
    return path
