"""No 500s: generated requests to every route and parameter get a 2xx or a clear 4xx, within the time limit.

Two generators, both on the real app over the real sample index:
* schemathesis reads ``/api/openapi.json`` and sends schema-driven (and
  schema-breaking) requests to every API operation, checking status codes,
  content types and response bodies against the document;
* hypothesis sends arbitrary text (any Unicode, control characters, NFD,
  payloads) as every URL parameter of every page and as document ids.

A WSGI middleware counts every request and its status; the last test asserts
the total (at least ``REQUESTS``), that not one answer was a 5xx, and the
slowest answer. It stands alone: any campaign that has not run in this session
(when the test is run by itself, or after ``-k``) it runs first - the pages and
document ids with the same functions, the API operations with schemathesis's
strategies (schema-conforming and schema-breaking) instead of its pytest
runner. Every test here is ``slow`` (thousands of requests, and a clock).
"""

from __future__ import annotations

import collections
import time

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.generation import GenerationMode

from search.messages import MESSAGES
from webapp import create_app

ERROR_KEYS = {"ok", "error", "status", "code", "message"}  # the API's error shape (webapp.errors)

REQUESTS = 10_000
TIME_LIMIT = 2.0  # QUERY_TIMEOUT of the app under test
API_EXAMPLES = 2_000  # per API operation
PAGE_EXAMPLES = 600  # per page route
SEEN: collections.Counter = collections.Counter()  # status -> requests
SLOWEST = [0.0]
RAN: set[str] = set()  # campaigns run in this session: "api GET /api/search", "page /search", "documents"
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
pytestmark = pytest.mark.slow
PAGES = ("/", "/search", "/export.csv", "/embed", "/widget", "/about", "/api/search", "/figures", "/api/figures",
         "/figures.csv", "/documents/000_19ab6ee4ef156fa2")
PARAMETERS = ("q", "province", "province_2025", "district", "year", "quarter", "topic", "sort", "page",
              "per_page", "lang", "api", "hl", "theme", "indicator", "unit", "figure")
TEXT = st.one_of(
    st.text(max_size=60),
    st.sampled_from(["", "0", "-1", "1e9", "99999999999999999999", "Q5", "2019-2018", "NaN", "../../etc/passwd",
                     "<script>alert(1)</script>", '"', "(", "NOT", "a OR", "title:", "\x00", "\ud7ff", "e\u0301",
                     "cải cách hành chính", "61/2018/NĐ-CP", "* " * 70, "x" * 1001, "²", "٣", "２０２０",
                     "year:²", "year:2019-²"]),
)


class Counting:
    """WSGI middleware: counts each status and the slowest answer."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        started = time.perf_counter()

        def counting_start(status, headers, exc_info=None):
            SEEN[int(status.split()[0])] += 1
            return start_response(status, headers, exc_info)

        try:
            return self.app(environ, counting_start)
        finally:
            SLOWEST[0] = max(SLOWEST[0], time.perf_counter() - started)


@pytest.fixture(scope="module")
def app(sample_index):
    app = create_app({"INDEX": str(sample_index), "QUERY_TIMEOUT": TIME_LIMIT, "RATE_LIMIT": "",
                      "EXPORT_RATE_LIMIT": ""})  # thousands of requests a minute from one address
    app.wsgi_app = Counting(app.wsgi_app)
    return app


@pytest.fixture(scope="module")
def api_schema(app):
    return schemathesis.openapi.from_wsgi("/api/openapi.json", app)


schema = schemathesis.pytest.from_fixture("api_schema")


def _check_api_case(case) -> None:
    response = case.call_and_validate(checks=CHECKS)
    RAN.add("api " + case.operation.label)
    if response.status_code >= 400:
        body = response.json()
        assert set(body) == ERROR_KEYS and body["ok"] is False and body["code"] in MESSAGES, body
        assert body["status"] == response.status_code and body["error"].strip() and body["message"].strip()


@schema.parametrize()
@settings(max_examples=API_EXAMPLES, deadline=None, database=None,
          suppress_health_check=list(HealthCheck))
def test_api_by_its_openapi_document(case):
    _check_api_case(case)


def fuzz_api_operation(operation) -> None:
    """API_EXAMPLES requests to one operation, conforming to its schema or breaking it."""
    cases = st.one_of(*(operation.as_strategy(generation_mode=mode) for mode in GenerationMode))

    @settings(max_examples=API_EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(case=cases)
    def run(case):
        _check_api_case(case)

    run()


@settings(max_examples=PAGE_EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def fuzz_page(app, path, data) -> None:
    names = data.draw(st.lists(st.sampled_from(PARAMETERS), max_size=4))
    query = [(name, data.draw(TEXT)) for name in names]
    response = app.test_client().get(path, query_string=query)
    _assert_clear(path, response)
    RAN.add("page " + path)


@settings(max_examples=PAGE_EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(doc_id=TEXT, prefix=st.sampled_from(["/documents/", "/api/documents/"]))
def fuzz_document_ids(app, doc_id, prefix) -> None:
    from urllib.parse import quote

    response = app.test_client().get(prefix + quote(doc_id.encode("utf-8", "surrogatepass"), safe="/"))
    _assert_clear(prefix, response)
    assert response.status_code in (200, 301, 308, 400, 404), (doc_id, response.status_code)
    RAN.add("documents")


@pytest.mark.parametrize("path", PAGES)
def test_every_page_parameter_takes_any_text(app, path):
    fuzz_page(app, path)


def test_document_ids_take_any_text(app):
    fuzz_document_ids(app)


def _assert_clear(path: str, response) -> None:
    assert response.status_code < 500, (path, response.status_code, response.get_data(as_text=True)[:300])
    if response.status_code >= 400:
        body = response.get_data(as_text=True)
        assert "Traceback" not in body and "/work/" not in body and "site-packages" not in body
        if response.is_json:
            shape = response.get_json()
            assert set(shape) == ERROR_KEYS and shape["status"] == response.status_code and shape["code"] in MESSAGES
        else:
            assert 'role="alert"' in body, body  # a readable message on a page


def test_the_fuzzers_sent_enough_requests_and_no_answer_was_a_5xx(app, api_schema):
    for result in api_schema.get_all_operations():
        operation = result.ok()
        if "api " + operation.label not in RAN:
            fuzz_api_operation(operation)
    for path in PAGES:
        if "page " + path not in RAN:
            fuzz_page(app, path)
    if "documents" not in RAN:
        fuzz_document_ids(app)
    total = sum(SEEN.values())
    print(f"\nfuzzed requests: {total:,}; statuses: {dict(sorted(SEEN.items()))}; slowest {SLOWEST[0]:.2f} s")
    assert total >= REQUESTS
    assert not [status for status in SEEN if status >= 500]
    assert SLOWEST[0] < TIME_LIMIT + 1.0
