"""A fresh app answers every one of its first requests, however many arrive together.

With several gunicorn workers a page can be served by one worker and its scripts by another
that has answered nothing yet, and the browser asks for all the scripts at once. Dash
finishes setting itself up on its first request and lets the requests arriving beside it
through before that is done: they were refused with 500 ("dash is not a registered
library") and the page never drew (a CI run of the 60,000-role storage test)."""

import re
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from orgcharts.web import create_app

TOGETHER = 16


@pytest.mark.parametrize("token", [None, "s3cret"], ids=["loopback", "with a token"])
def test_the_first_requests_to_a_fresh_app_arriving_together_are_all_answered(token):
    given = {"Authorization": f"Bearer {token}"} if token else {}
    index = create_app(token=token).server.test_client().get("/", headers=given).get_data(as_text=True)
    scripts = re.findall(r'src="(/_dash-component-suites/[^"]+)"', index)
    assert len(scripts) >= 5, index
    fresh = create_app(token=token)
    arrive = threading.Barrier(TOGETHER)

    def answer(path):
        client = fresh.server.test_client()
        arrive.wait()
        return path, client.get(path, headers=given).status_code

    with ThreadPoolExecutor(TOGETHER) as pool:
        answers = list(pool.map(answer, (scripts * TOGETHER)[:TOGETHER]))
    assert [path for path, code in answers if code != 200] == []
