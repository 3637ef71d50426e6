"""The one LRU cache of the search side (search.lru): answers and posting arrays."""

from __future__ import annotations

import doctest

import search.lru
from search.lru import LRU


def test_least_recently_used_goes_first_by_weight():
    cache = LRU(4, weigh=len)
    cache.put("a", "xx")
    cache.put("b", "y")
    assert cache.get("a") == "xx"  # a is now the most recent
    cache.put("c", "zz")  # 5 > 4: b, the least recent, goes
    assert (cache.get("a"), cache.get("b"), cache.get("c"), cache.held, len(cache)) == ("xx", None, "zz", 4, 2)


def test_a_limit_of_zero_keeps_nothing_and_one_entry_may_exceed_the_limit():
    none = LRU(0)
    none.put("a", 1)
    assert (none.get("a"), len(none)) == (None, 0)
    big = LRU(2, weigh=len)
    big.put("a", "xxxx")
    assert (big.get("a"), big.held) == ("xxxx", 4)


def test_docstring_examples():
    result = doctest.testmod(search.lru)
    assert result.attempted > 0 and result.failed == 0
