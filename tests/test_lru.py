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
    """Decoded lists take at most half the limit; hot lists take what the decoded ones leave, and a decoded
    list evicts hot ones (least recently used first) rather than pass the limit."""
    from search.postings import postings_cache

    cache = postings_cache(10)
    held = []

    def put(n, size, decoded=False):
        cache.put(("t", n), (list(range(size)), None), decoded=decoded)
        held.append(([n for n in range(1, 8) if cache.get(("t", n)) is not None], cache.held))
        assert cache.held <= cache.limit

    put(1, 4, decoded=True)
    put(2, 6)  # what the decoded list leaves: kept
    put(3, 5)  # evicts the other hot list
    put(4, 3)  # and again, never the decoded one
    put(5, 6, decoded=True)  # more than half the limit: not kept
    put(6, 1, decoded=True)  # kept: the hot list leaves room
    put(7, 2, decoded=True)  # the decoded part is full (5): its least recent list goes, the hot one stays
    put(3, 5)  # the decoded lists leave room for 7 hot postings: the older hot list goes
    assert held == [([1], 4), ([1, 2], 10), ([1, 3], 9), ([1, 4], 7), ([1, 4], 7), ([1, 4, 6], 8), ([4, 6, 7], 6),
                    ([3, 6, 7], 8)]


def test_a_query_reading_more_than_the_cache_holds_keeps_what_it_read_first():
    """Stamped puts never drop what the same stamp put or used: a loop over more than the cache holds keeps its
    first values (and hits them when it runs again) instead of cycling through all of them and hitting none; another
    stamp's values are dropped as before, least recently used first."""
    plain, stamped = LRU(3), LRU(3)
    for run in (1, 2):
        for key in "abcde":  # five values, room for three
            for cache, stamp in ((plain, None), (stamped, run)):
                if cache.get(key, stamp) is None:
                    cache.put(key, key.upper(), stamp)
    assert [key for key in "abcde" if plain.get(key) is not None] == ["c", "d", "e"]  # the second run hit nothing
    assert [key for key in "abcde" if stamped.get(key) is not None] == ["a", "b", "c"]
    stamped.get("a", 3)  # a later query uses a, then reads two values of its own
    stamped.put("x", "X", 3)
    stamped.put("y", "Y", 3)
    assert ([key for key in "abcxy" if stamped.get(key) is not None], stamped.held) == (["a", "x", "y"], 3)
    stamped.put("z", "Z", 3)  # only its own left: not kept
    assert (stamped.get("z"), len(stamped)) == (None, 3)


def test_an_evaluation_reading_more_postings_than_the_cache_holds_hits_them_when_run_again(sample_index, monkeypatch):
    from whoosh import query as wq

    from search.engine import SearchEngine
    from search.postings import PostingsCache
    from search.vector import VectorSearcher
    state = SearchEngine(sample_index, cache_size=0)._current()
    terms = [wq.Term("content", word) for word in ("cải", "cách", "hành", "chính", "thủ", "tục", "một", "cửa")]
    query = wq.Or(terms)
    needed = sum(len(state.vector._read("content", term.text)[0]) for term in terms)
    state.vector._postings = PostingsCache(needed)  # half of it for lists read from Whoosh's blocks: not all fit
    scored = []
    original = VectorSearcher._scored
    monkeypatch.setattr(VectorSearcher, "_scored", lambda self, *args: scored.append(args[1]) or original(self, *args))
    first = state.vector.evaluate(query)
    read_first, scored[:] = list(scored), []
    again = state.vector.evaluate(query)
    assert len(read_first) == len(terms) and 0 < len(scored) < len(terms)  # some kept, and hit the second time
    assert [t for t in read_first if t not in scored] == read_first[:len(terms) - len(scored)]  # the first read
    assert again[1].tolist() == first[1].tolist()


def test_an_evaluation_reads_each_list_once_though_the_cache_keeps_none_and_lets_them_go_after(sample_index,
                                                                                                 monkeypatch):
    """A list the cache cannot keep (a long question at 100,000 bulletins reads more than it holds) is read and
    scored once per evaluation however often the query uses it, with the same scores, and is not held after."""
    from whoosh import query as wq

    from search.engine import SearchEngine
    from search.postings import PostingsCache
    from search.vector import VectorSearcher
    state = SearchEngine(sample_index, cache_size=0)._current()
    words = ("cải", "cách", "hành", "chính")
    used_twice = wq.And([wq.Or([wq.Term("content", w) for w in words]), wq.Or([wq.Term("content", w) for w in words]),
                         wq.Term("content", "cải")])
    reads = []
    original = VectorSearcher._read
    monkeypatch.setattr(VectorSearcher, "_read", lambda self, *args: reads.append(args) or original(self, *args))
    state.vector._postings = PostingsCache(10 ** 9)
    cached = state.vector.evaluate(used_twice)
    state.vector._postings = PostingsCache(0)  # keeps nothing
    reads[:] = []
    uncached = state.vector.evaluate(used_twice)
    assert sorted(reads) == sorted(("content", w) for w in words)  # each once, not twice or three times
    assert (uncached[0].tolist(), uncached[1].tolist()) == (cached[0].tolist(), cached[1].tolist())
    assert state.vector._kept is None  # the evaluation's lists went with it
