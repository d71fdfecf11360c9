"""A worker that is busy answers "busy, retry" (503 with Retry-After, orgcharts/web/busy.py)
instead of queueing a callback; the browser (assets/busy.js) waits as told and asks again, so
the page still opens whole, and says so while it waits; a server that stays busy is said to.
Here the callbacks the page sends are answered busy by the test itself, so that nothing
depends on the machine's timing."""

from tests.integration.dashboard import wait_for_chart

REFUSED = 4


def test_callbacks_told_busy_are_asked_again_until_the_page_is_whole(page, server):
    refused = []

    def busy_at_first(route):
        if len(refused) < REFUSED:
            refused.append(route.request.url)
            route.fulfill(status=503, headers={"Retry-After": "1"}, body="the server is busy, retry in a few seconds")
        else:
            route.continue_()

    page.route("**/_dash-update-component*", busy_at_first)
    page.goto(server + "/")
    page.locator("#busy-note").wait_for(state="visible", timeout=10_000)
    wait_for_chart(page, timeout=60_000)
    page.locator("#card-weighted_mean_hops .value").wait_for(timeout=60_000)
    page.locator("#path-panel .findings li").first.wait_for(timeout=60_000)
    assert len(refused) == REFUSED and page.locator("#path-panel .findings li").count() == 3
    page.wait_for_function("() => document.querySelector('#busy-note').hidden", timeout=30_000)


def test_a_server_that_stays_busy_is_said_to_with_what_to_do(page, server):
    refused = []

    def always_busy(route):
        refused.append(route.request.url)
        route.fulfill(status=503, headers={"Retry-After": "0"}, body="the server is busy, retry in a few seconds")

    page.route("**/_dash-update-component*", always_busy)
    page.goto(server + "/")
    said = "The server stayed busy, so part of this page was not drawn: reload the page to try again."
    page.wait_for_function(
        "(said) => (document.querySelector('#busy-note') || {}).textContent === said", arg=said, timeout=60_000
    )
    assert page.locator("#busy-note").is_visible()
    assert len(refused) >= 40
