"""A file the user saved, opened in the browser with no network, as they would open it on a plane."""

from contextlib import contextmanager


@contextmanager
def offline_page(browser, path, **options):
    """The page of ``path`` in a fresh offline context (``options`` go to the context, such as
    ``viewport``), and the list of every URL it requested, filled as it loads."""
    context = browser.new_context(offline=True, **options)
    try:
        page = context.new_page()
        requests = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(path.as_uri())
        yield page, requests
    finally:
        context.close()
