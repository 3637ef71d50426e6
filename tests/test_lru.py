"""The one LRU cache of the search side (search.lru): answers and posting arrays."""

from __future__ import annotations

from search.lru import LRU


def test_least_recently_used_goes_first_by_weight():
    cache = LRU(4, weigh=len)
    cache.put("a", "xx")
    cache.put("b", "y")
    assert cache.get("a") == "xx"  # a is now the most recent
    cache.put("c", "zz")  # 5 > 4: b, the least recent, goes
    assert (cache.get("a"), cache.get("b"), cache.get("c"), cache.held, len(cache)) == ("xx", None, "zz", 4, 2)


def test_a_limit_of_zero_keeps_nothing_and_an_entry_heavier_than_the_limit_is_not_kept():
    none = LRU(0)
    none.put("a", 1)
    assert (none.get("a"), len(none)) == (None, 0)
    big = LRU(4, weigh=len)
    big.put("a", "xx")
    big.put("b", "xxxxx")  # heavier than the cap: not kept, and what is kept stays
    assert (big.get("a"), big.get("b"), big.held, len(big)) == ("xx", None, 2, 1)
    big.put("c", "xxxx")  # exactly the cap: kept, the rest goes
    assert (big.get("a"), big.get("c"), big.held, len(big)) == (None, "xxxx", 4, 1)


def test_the_postings_cache_never_holds_more_postings_than_its_limit():
    from search.vector import postings_cache

    cache = postings_cache(10)  # 5 postings for lists decoded from Whoosh's blocks, 5 for the rest
    cache.put(("t", 1), (list(range(4)), None), decoded=True)
    cache.put(("t", 2), (list(range(6)), None))  # longer than its part: not kept
    cache.put(("t", 3), (list(range(5)), None))
    cache.put(("t", 4), (list(range(3)), None))  # evicts the other hot list, never the decoded one
    found = [cache.get(("t", n)) for n in (1, 2, 3, 4)]
    assert [len(f[0]) if f else None for f in found] == [4, None, None, 3]
    assert (len(cache), cache.held) == (2, 7) and cache.held <= cache.limit
