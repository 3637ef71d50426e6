"""The messages people read when something goes wrong: one table, both languages, every code used and known."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from search.limits import QueryTimeout
from search.messages import MESSAGES, Refusal, say
from search.models import RequestError, make_request
from search.query import QuerySyntaxError, parse_query
from search.schema import FACETS

ROOT = Path(__file__).resolve().parent.parent
RAISERS = {"QuerySyntaxError": 0, "Refusal": 0, "RequestError": 1}  # the argument that holds the code


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_both_languages_name_the_same_fields(code):
    vietnamese, english = MESSAGES[code]
    if code.startswith("http"):  # English is the server library's own description
        assert english == "{description}" and _fields(vietnamese) <= {"status"}
    else:
        assert _fields(vietnamese) == _fields(english)


def _codes_in_the_source() -> set[str]:
    """Every code the code raises, f-string codes ("bad_{facet}", "http_{...}") as their patterns."""
    found = set()
    for path in [*ROOT.glob("search/*.py"), *ROOT.glob("webapp/*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in RAISERS:
                argument = node.args[RAISERS[node.func.id]] if len(node.args) > RAISERS[node.func.id] else None
                if isinstance(argument, ast.Constant):
                    found.add(argument.value)
                elif isinstance(argument, ast.JoinedStr):
                    found.add("".join(p.value if isinstance(p, ast.Constant) else "*" for p in argument.values))
    return found


def test_every_code_raised_has_a_message_and_every_message_is_raised():
    raised = _codes_in_the_source()
    fixed = {code for code in raised if "*" not in code}
    assert fixed - set(MESSAGES) == set()
    assert raised - fixed == {"bad_*"}
    facet_codes = {f"bad_{facet}" for facet in FACETS}
    http_codes = {code for code in MESSAGES if code.startswith("http")}  # chosen by status (webapp.errors)
    assert set(MESSAGES) - fixed - facet_codes - http_codes == {"timeout"}  # QueryTimeout's, by keyword
    assert facet_codes <= set(MESSAGES)


def test_numbers_follow_the_language_and_years_stay_plain():
    assert [say("query_too_long", lang, length=100_000, limit=1_000) for lang in ("vi", "en")] == [
        "Truy vấn quá dài (100.000 ký tự; tối đa 1.000).",
        "The query is too long (100,000 characters; the limit is 1,000)."]
    assert QueryTimeout(0.5).say("vi").startswith("Tìm kiếm chạy quá 0,5 giây")
    assert str(QueryTimeout(0.5)).startswith("The search took longer than 0.5 s")
    with pytest.raises(RequestError) as caught:
        make_request(filters={"year": ["1800"]})
    assert (caught.value.code, caught.value.parameter, caught.value.say("vi"), str(caught.value)) == (
        "bad_year", "year", "Năm '1800' không dùng được: cần một năm từ 1945 đến 2100.",
        "Unknown year '1800': expected a year from 1945 to 2100.")


def test_a_query_error_carries_its_code_and_where_it_is():
    with pytest.raises(QuerySyntaxError) as caught:
        parse_query('cải cách "một cửa')
    assert (caught.value.code, caught.value.params, caught.value.say("vi")) == (
        "unbalanced_quote", {"at": 10}, "Thiếu dấu ngoặc kép đóng: cụm từ mở ở ký tự thứ 10 chưa được đóng.")


def test_markup_in_a_value_is_kept_as_text_for_the_template_to_escape():
    assert Refusal("no_bulletin", id="<b>x</b>").say("vi") == "Không có tin nào mang mã '<b>x</b>'."
