"""Opening a built report in a real browser (Debian's Chromium through Playwright), shared by the tests."""

from pathlib import Path

from helpers import report


def browse(html_path: Path, action, width: int = 760):
    """Open a built report in headless Chromium with the network blocked, run `action(page)`; returns
    (its result, console/page errors, failed requests, blocked requests, dialogs opened)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser, page, blocked = report.open_page(p, html_path, width)
        errors, dialogs, failed = [], [], []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("requestfailed", lambda r: failed.append(r.url) if not r.url.startswith("file:") else None)
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        try:
            page.goto(html_path.resolve().as_uri(), wait_until="load")
            page.wait_for_function(report.WAIT_FOR_CHARTS, timeout=60_000)
            result = action(page)
        finally:
            browser.close()
    return result, errors, failed, blocked, dialogs
