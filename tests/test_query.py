import pytest

from search.query import And, Field, Not, Or, Phrase, QuerySyntaxError, Required, Words, parse_query, repaired


@pytest.mark.parametrize("text, tree", [
    ("", None),
    ("   ", None),
    ("cải cách hành chính", Words("cải cách hành chính")),
    ('"cai cach" AND tthc', And((Required(Phrase("cai cach")), Required(Words("tthc"))))),
    ("a b AND c d", And((Required(Words("a b")), Required(Words("c d"))))),
    ("+sipas papi", And((Required(Words("sipas")), Words("papi")))),
    ('a +"x y" -z', And((Words("a"), Required(Phrase("x y")), Not(Words("z"))))),
    ("c++ 1+1", Words("c++ 1+1")),
    ("a OR b c", Or((Words("a"), Words("b c")))),
    ("-x y", And((Not(Words("x")), Words("y")))),
    ("NOT x", Not(Words("x"))),
    ('province:"Cao Bằng" year:2022 thủ tục',
     And((Field("province", "Cao Bằng", True), Field("year", "2022"), Words("thủ tục")))),
    ("(a OR b) -c", And((Or((Words("a"), Words("b"))), Not(Words("c"))))),
    ("ISO 9001:2008", And((Phrase("ISO 9001"), Words("2008")))),  # a standard: its name a phrase, its version a word
    ("áp dụng tcvn 9001:2015 ở xã", And((Words("áp dụng"), Phrase("tcvn 9001"), Words("2015 ở xã")))),
    ("9001:2015 lúc 10:30", Words("9001 2015 lúc 10:30")),
    ("61/2018/NĐ-CP", Words("61/2018/NĐ-CP")),
    ("x-y a - b", Words("x-y a - b")),
])
def test_parse(text, tree):
    assert parse_query(text) == tree


@pytest.mark.parametrize("text, message", [
    ('"abc', "Unbalanced quote: the phrase opened at character 1 is not closed."),
    ("AND", "'AND' needs a search term on each side."),
    ("a AND", "'AND' needs a search term on each side."),
    ("OR b", "'OR' needs a search term on each side."),
    ("a OR OR b", "'OR' needs a search term on each side."),
    ("a (+)", "'+' needs a search term right after it, as in +SIPAS."),
    ("(a", "Unbalanced parenthesis: a '(' is not closed."),
    ("a)", "Unbalanced parenthesis: ')' without a matching '('."),
    ("()", "Empty query part: nothing to search for in ( )."),
    ("year:", "'year:' needs a value, for example year:\"...\"."),
    ("NOT", "'NOT' (or '-') needs a search term after it."),
    ("x" * 1001, "The query is too long (1,001 characters; the limit is 1,000)."),
    (" ".join(f'"{i}"' for i in range(70)), "Too many terms: a query may have at most 64 parts."),
])
def test_malformed_queries_say_why(text, message):
    with pytest.raises(QuerySyntaxError) as caught:
        parse_query(text)
    assert str(caught.value) == message


@pytest.mark.parametrize("text, fixed", [
    ('"một cửa', '"một cửa"'),
    ('(cải cách OR "chính quyền số', '(cải cách OR "chính quyền số")'),
    ("((SIPAS  ", "((SIPAS))"),
    ("một cửa", None),  # nothing to close
    ("cải cách AND", None),  # not a thing left open
    ('"a" )', None),
])
def test_a_query_left_open_is_closed_only_when_that_is_all_it_lacks(text, fixed):
    assert repaired(text) == fixed
