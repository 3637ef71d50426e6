import pytest

from search.models import RequestError, make_request


def test_valid_parameters_are_canonicalised():
    request = make_request(" q ", {"province": ["cao bang", "Cao Bằng"], "quarter": "q1", "year": ["2022", ""]},
                           sort="newest", page="2", per_page="5", lang="en")
    assert (request.filters, request.sort, request.page, request.per_page, request.lang) == (
        {"province": ["Cao Bằng"], "quarter": ["Q1"], "year": ["2022"]}, "newest", 2, 5, "en")


@pytest.mark.parametrize("kwargs, parameter, message", [
    ({"filters": {"province": ["Atlantis"]}}, "province",
     "Unknown province 'Atlantis': expected a province name such as 'Cao Bằng' or 'cao bang'."),
    ({"filters": {"year": ["abc"]}}, "year", "Unknown year 'abc': expected a year from 1945 to 2100."),
    ({"filters": {"colour": ["red"]}}, "colour",
     "Unknown filter 'colour'; filters are province, province_2025, year, quarter, topic, refs."),
    ({"sort": "best"}, "sort", "Unknown sort 'best'; use one of relevance, newest, oldest."),
    ({"page": "1000000000"}, "page", "'page' must be between 1 and 10,000, not 1,000,000,000."),
    ({"page": "x"}, "page", "'page' must be a whole number, not 'x'."),
    ({"per_page": "1000000"}, "per_page", "'per_page' must be between 1 and 100, not 1,000,000."),
    ({"page": "200", "per_page": "100"}, "page",
     "Page 200 is too deep: only the first 10,000 results can be paged through. Narrow the search instead."),
])
def test_bad_parameters_name_themselves(kwargs, parameter, message):
    with pytest.raises(RequestError) as caught:
        make_request("x", **kwargs)
    assert (caught.value.parameter, str(caught.value)) == (parameter, message)


@pytest.mark.parametrize("name, value", [("page", "²"), ("per_page", "٣"), ("page", "１"), ("page", "-²")])
def test_numbers_in_other_scripts_are_refused_clearly(name, value):
    with pytest.raises(RequestError) as caught:
        make_request(**{name: value})
    assert str(caught.value) == f"'{name}' must be a whole number, not '{value}'."


def test_a_year_in_other_digits_is_an_unknown_year():
    with pytest.raises(RequestError):
        make_request(filters={"year": ["２０２０"]})
