"""The array path scores and ranks exactly as Whoosh does when Whoosh scores every match."""

from __future__ import annotations

import numpy as np
import pytest
from whoosh import query as wq

from search.clauses import BestMatch, Lift, Sequence
from search.compiler import compile_query
from search.engine import SearchEngine
from search.models import make_request
from search.query import parse_query
from search.similar import similar
from search.vector import top
from tests.helpers import changed_index, write_corpus

pytestmark = pytest.mark.slow  # builds 300 generated bulletins through pyvi (about 15 s); CI runs it


def plain(query: wq.Query) -> wq.Query:
    """The query in Whoosh's own node types, for its matchers: a best match as all of its parts, a sequence
    as its pairs anywhere (the oracle compares the node types both evaluators have)."""
    if isinstance(query, Sequence):
        return query.terms_query()
    if isinstance(query, BestMatch):
        parts = [plain(q) for q in query.required + query.soft]
        base = wq.And(parts, boost=query.boost) if len(parts) > 1 else parts[0]
        return _and_maybe(base, plain(query.optional), 1.0) if query.optional is not None else base
    if isinstance(query, wq.Not):
        return wq.Not(plain(query.query), boost=query.boost)
    if isinstance(query, wq.AndMaybe):
        return _and_maybe(plain(query.a), plain(query.b), query.boost)
    if isinstance(query, wq.CompoundQuery):
        return query.__class__([plain(q) for q in query.subqueries], boost=query.boost)
    return query


def _and_maybe(required, optional, boost: float) -> wq.AndMaybe:
    query = wq.AndMaybe(required, optional)
    query.boost = boost
    return query

QUERIES = ["thủ tục hành chính", "cai cach hanh chinh", '"một cửa liên thông"', '"dich vu cong truc tuyen"',
           "61/2018/NĐ-CP", "107/2021/nd-cp", "SIPAS OR papi", "cán bộ công chức", "CCHC -tthc",
           'title:"kế hoạch"', "year:2020 một cửa", "(PAPI OR PCI) tỉnh -sipas", "ủy ban nhân dân huyện"]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    """300 generated bulletins, then changes: several segments and deleted documents."""
    found = SearchEngine(changed_index(tmp_path_factory.mktemp("vector"), 300, every=7, removed=slice(3, None, 50)))
    state = found._current()
    assert len(state.vector.leaves) > 1 and state.searcher.doc_count_all() > state.searcher.doc_count()
    return found


@pytest.mark.parametrize("text", QUERIES)
def test_same_matches_scores_and_order_as_whoosh(engine, text):
    """Whoosh's own node types (our best-match and sequence nodes rewritten into them by ``plain``)."""
    state = engine._current()
    query, _ = compile_query(parse_query(text), engine._resolver(state), match="all")
    query = plain(query)
    mask, scores = state.vector.evaluate(query)
    reference = state.searcher.search(query, limit=None)  # every match scored and sorted
    expected = [(reference.docnum(i), reference.score(i)) for i in range(len(reference))]
    got = top(scores, mask, len(expected) + 10)
    assert [d for d, _ in got] == [d for d, _ in expected]
    assert [round(s, 9) for _, s in got] == [round(s, 9) for _, s in expected]


def test_engine_ranks_with_the_array_path(engine):
    state = engine._current()
    response = engine.run_search(make_request("thủ tục hành chính", per_page=20, match="all"))
    query, _ = compile_query(parse_query("thủ tục hành chính"), engine._resolver(state), match="all")
    reference = state.searcher.search(query, limit=None)
    assert [h.id for h in response.results] == [reference[i]["id"] for i in range(20)]


def test_similar_bulletins_are_whooshs(engine):
    state = engine._current()
    ids = [state.searcher.stored_fields(d)["id"] for d in list(state.searcher.reader().all_doc_ids())[:40]]
    arrays = {doc_id: [m["id"] for m in similar(state, doc_id, 5)] for doc_id in ids}
    whoosh = {}
    for doc_id in ids:
        docnum = state.searcher.document_number(id=doc_id)
        chosen = similar_terms(state, docnum)
        results = state.searcher.search(wq.Or([wq.Term("content_folded", t) for t in chosen]), limit=6,
                                        mask={docnum})
        whoosh[doc_id] = [results[i]["id"] for i in range(min(5, results.scored_length()))]
    assert arrays == whoosh
    assert all(len(found) == 5 and doc_id not in found for doc_id, found in arrays.items())


def similar_terms(state, docnum: int) -> list[str]:
    from search.similar import distinctive_terms

    return distinctive_terms(state.searcher.stored_fields(docnum).get("content", ""), state.searcher.reader())


def test_bare_exclusions_are_every_bulletin_without_the_words(engine):
    """One evaluator: NOT alone, and an OR holding a NOT, mean what they say (Whoosh's And.normalize would
    drop a NOT beside Every)."""
    state = engine._current()
    live = {state.searcher.stored_fields(d)["id"] for d in state.searcher.reader().all_doc_ids()}
    def having(word: str) -> set[str]:
        anywhere = wq.Or([wq.Term(f"{name}_folded", word) for name in ("title", "content", "aside")])
        return {hit["id"] for hit in state.searcher.search(anywhere, limit=None)}

    with_pci, with_iso = having("pci"), having("iso")  # words no abbreviation spells out
    assert 0 < len(with_pci) < len(live) and with_iso
    found = {row["id"] for row in engine.export(make_request("NOT pci"), limit=10_000)}
    assert found == live - with_pci
    found = {row["id"] for row in engine.export(make_request("iso OR NOT pci"), limit=10_000)}
    assert found == with_iso | (live - with_pci)
    assert engine.run_search(make_request("")).total == state.searcher.doc_count()



def nodes(query: wq.Query):
    """Every node of a compiled query, a best match's stricter forms included."""
    yield query
    children = list(query.children()) + [w for w in getattr(query, "whole", []) if w is not None]
    for child in children:
        yield from nodes(child)


@pytest.mark.parametrize("text", QUERIES + ["kết quả cải cách hành chính quý I năm 2021 của tỉnh",
                                            "ket qua thuc hien co che mot cua lien thong", "CCHC -tthc papi"])
def test_a_match_read_without_scores_is_the_evaluated_match(engine, text):
    """``matches`` (the masks of a best match's stricter forms and exclusions, read from postings alone)
    gives every node the mask its evaluation gives."""
    state = engine._current()
    query, _ = compile_query(parse_query(text), engine._resolver(state), known=lambda _: True)
    checked = 0
    for node in nodes(query.normalize()):
        state.vector.run(wq.Every())  # a fresh evaluation: no trace, no deadline
        expected = state.vector._evaluate(node)[0]
        got = state.vector.matches(node)
        assert got.dtype == bool and got.tolist() == expected.tolist(), node
        checked += expected.any()
    assert checked


def test_a_lift_is_matched_never_scored(engine, monkeypatch):
    """Which documents a lift holds is all its factor needs: its nodes are read as masks (``matches``), so the
    headline's words are not scored again over every bulletin; the scores are those of a scored lift."""
    state = engine._current()
    lifts = [wq.And([wq.Term("title", "thủ"), wq.Term("title", "tục")]), wq.Or([wq.Term("year", "2021")])]
    query = Lift(wq.Or([wq.Term("content", "thủ"), wq.Term("content", "tục")]), lifts, 0.2)
    state.vector.run(wq.Every())
    scored = [state.vector._evaluate(lift) for lift in lifts]  # each lift's own evaluation, its mask
    expected = state.vector._evaluate(query.query)[1] * (1 + 0.2 * (scored[0][0].astype(int) + scored[1][0]))
    evaluated = []
    original = type(state.vector)._evaluate
    monkeypatch.setattr(type(state.vector), "_evaluate",
                        lambda self, node, root=False: evaluated.append(node) or original(self, node, root))
    mask, scores = state.vector.evaluate(query)
    assert not [node for node in evaluated for lift in lifts if node is lift or node in list(nodes(lift))]
    assert scores.tolist() == expected.tolist() and mask.any() and (scores > expected.min()).any()


def test_two_lifts_that_differ_only_in_what_they_are_for_are_two_queries():
    words, lifts = wq.Term("content", "hồ_sơ"), [wq.Term("year", "2021")]
    named, headline = Lift(words, lifts, 0.2), Lift(words, lifts, 0.2, label="if the headline holds every word")
    assert named == Lift(words, lifts, 0.2) and hash(named) == hash(Lift(words, lifts, 0.2))
    assert named != headline and len({named, headline}) == 2
    assert named.normalize() == named and headline.normalize().label == headline.label


@pytest.mark.parametrize("boost", [0.0, -1.0, 1.0])
def test_words_of_any_boost_match_the_bulletins_that_hold_them(engine, boost):
    """An Or of words matches every bulletin holding one of them, also when a word's scores are not positive (a
    zero or negative boost: the match is then not read off the summed scores), as Whoosh matches them."""
    state = engine._current()
    reader = state.searcher.reader()
    words = [term for term, info in reader.iter_field("content") if 5 <= info.doc_frequency() <= 40][:2]
    query = wq.Or([wq.Term("content", words[0].decode("utf-8"), boost=boost),
                   wq.Term("content", words[1].decode("utf-8"))])
    mask, _ = state.vector.evaluate(query)
    reference = state.searcher.search(query, limit=None)
    matched = {reference.docnum(i) for i in range(len(reference))}
    assert set(mask.nonzero()[0].tolist()) & set(reader.all_doc_ids()) == matched
    assert len(matched) > 5


def test_whether_the_index_knows_a_syllable_or_a_pair_is_read_from_its_terms_not_its_postings(tmp_path):
    """Compiling a query asks whether each syllable is known and in how many bulletins each pair stands side by
    side: the terms tables answer, so no posting list is read or scored for it (a long list would be read again
    by the search)."""
    from search.ranking import adjacent, known
    engine = SearchEngine(changed_index(tmp_path, 40, every=7, removed=slice(3, None, 10)))
    state = engine._current()
    is_known, side_by_side = known(state), adjacent(state)
    assert [is_known("cải"), is_known("hành"), is_known("cảii")] == [True, True, False]
    pairs = [("cai", "cach"), ("cach", "cai"), ("hanh", "chinh")]
    reader = state.searcher.reader()
    assert [side_by_side(*pair) for pair in pairs] == [reader.doc_frequency("content_pairs", " ".join(pair))
                                                       for pair in pairs]
    assert [side_by_side(*pair) > 0 for pair in pairs] == [True, False, True]
    assert len(state.vector._postings) == 0
    assert [len(state.vector.scored(field, text)[0]) > 0 for field, text in (
        ("content", "cải"), ("content", "cảii"), ("content_pairs", "cach cai"))] == [True, False, False]


@pytest.mark.parametrize("text", [*QUERIES, "thủ tục", '"thủ tục hành chính" tỉnh', "cai cach -tthc"])
def test_lists_kept_dense_evaluate_to_the_same_arrays(engine, monkeypatch, text):
    """Every list kept ``Dense`` and none: the same matches, scores (exact floats), partial and loose matches,
    with each list read fresh and then from the cache."""
    from search import postings, vector

    state = engine._current()
    query, _ = compile_query(parse_query(text), engine._resolver(state), known=lambda s: True)

    def runs(dense_bytes: int):
        monkeypatch.setattr(vector, "DENSE_BYTES", dense_bytes)
        searcher = vector.VectorSearcher(state.searcher, state.table.live, state.arrays.lengths,
                                         postings.postings_cache(), state.hot, state.relevance)
        found = [searcher.run(query, loose=True) for _ in range(2)]  # read, then cached
        kept = [*searcher._postings.decoded._entries.values(), *searcher._postings.hot._entries.values()]
        assert any(isinstance(value, postings.Dense) for value in kept) == (dense_bytes == 0)
        return found

    def flat(run):
        mask, scores, parts, _, partial, loose = run
        return [mask, scores, *(m for _, m in parts), partial, *(loose or ())]

    dense, sparse = runs(0), runs(10 ** 9)
    for got, expected in zip(dense + dense, sparse + sparse[::-1], strict=True):
        assert len(flat(got)) == len(flat(expected))
        for a, b in zip(flat(got), flat(expected), strict=True):
            assert (a is None and b is None) or np.array_equal(a, b)


def test_a_part_noted_clean_is_added_as_it_is_and_any_other_under_its_mask():
    from search.vector import _sum_scores
    mask = np.array([True, False, True, False])
    dirty = np.array([1.5, 2.0, 0.25, 4.0])  # scores where its node does not match (a best match's partial ones)
    clean = np.array([0.5, 0.0, 0.0, 0.0])
    noted = {id(clean)}
    summed = _sum_scores([(mask, dirty), (clean > 0, clean)], 4, lambda scores: id(scores) in noted)
    assert summed.tolist() == [2.0, 0.0, 0.25, 0.0]
    # the dirty part counts only under its mask even when the clean test is asked of it
    assert _sum_scores([(mask, dirty)], 4, lambda scores: id(scores) in noted).tolist() == [1.5, 0.0, 0.25, 0.0]


def test_only_the_arrays_an_evaluation_noted_are_clean_not_equal_ones(engine):
    vector = engine._current().vector
    noted = vector._clean_scores(np.array([0.0, 1.0]))
    assert vector._is_clean(noted) and not vector._is_clean(np.array([0.0, 1.0]))
    vector.run(wq.Term("content", "thủ_tục"))  # an evaluation starts and ends with nothing noted
    assert not vector._is_clean(noted)


COMPACT_QUERIES = [*QUERIES, "thủ tục", "một cửa", "cai cach", "kết quả cải cách hành chính quý I năm 2021 của tỉnh",
                   "ket qua thuc hien co che mot cua lien thong", '"thủ tục hành chính" tỉnh', "CCHC -tthc papi",
                   "hồ sơ trễ hạn SIPAS", "xyzzy thủ tục"]


WHOLE_ALWAYS = {'"một cửa liên thông"', '"dich vu cong truc tuyen"', "SIPAS OR papi", 'title:"kế hoạch"'}


def _filters(state) -> list[np.ndarray]:
    """Filters' documents over every document (deleted ones included, as a facet's mask has them): a province,
    a year, a quarter, two years, and every third document."""
    table = state.table
    values = {name: [v for v, _ in sorted(table.counts(name, table.live).items(), key=lambda kv: -kv[1])]
              for name in ("province", "year", "quarter")}
    masks = [table.mask("province", values["province"][:1]), table.mask("year", values["year"][:1]),
             table.mask("quarter", values["quarter"][1:2]), table.mask("year", values["year"][1:3])]
    return [*masks, np.arange(len(table.live)) % 3 == 0]


@pytest.mark.parametrize("text", COMPACT_QUERIES)
def test_a_filtered_query_scored_over_its_documents_alone_reads_the_whole_evaluations_values(engine, monkeypatch,
                                                                                            text):
    """With a filter, a query of words is evaluated over the filter's documents and the partial matches whose best
    score lifts the complete ones: every mask (matches, soft parts, partial matches) is the whole evaluation's,
    and so is every score, partial and loose match the caller reads (those the filter lets through), exact
    floats."""
    from search import vector

    state = engine._current()
    query, _ = compile_query(parse_query(text), engine._resolver(state), known=lambda s: True)
    compact = []
    original = vector.VectorSearcher._run_compact
    monkeypatch.setattr(vector.VectorSearcher, "_run_compact",
                        lambda self, node, plan: compact.append(len(plan.at)) or original(self, node, plan))
    for within in _filters(state):
        monkeypatch.setattr(vector, "COMPACT_SHARE", -1.0)
        whole = state.vector.run(query, loose=True, within=within)
        monkeypatch.setattr(vector, "COMPACT_SHARE", 1.0)
        part = state.vector.run(query, loose=True, within=within)
        (mask, scores, parts, _, partial, loose), (mask2, scores2, parts2, _, partial2, loose2) = whole, part
        assert np.array_equal(mask, mask2) and [label for label, _ in parts] == [label for label, _ in parts2]
        assert all(np.array_equal(a, b) for (_, a), (_, b) in zip(parts, parts2, strict=True))
        assert (partial is None) == (partial2 is None) and (partial is None or np.array_equal(partial, partial2))
        assert np.array_equal(scores[within], scores2[within])
        assert (loose is None) == (loose2 is None)
        if loose is not None:
            assert np.array_equal(loose[0] & within, loose2[0] & within)
            assert np.array_equal(loose[1][within], loose2[1][within])
    if text in WHOLE_ALWAYS:  # no best match at the root: its lifts' partial matches are not the plan's
        assert compact == []
    else:  # a query of words, its lifts around a best match: the compact path, over fewer documents than all
        assert len(compact) == len(_filters(state)) and all(0 < n < len(state.table.live) for n in compact)


def test_filtered_answers_are_the_same_with_and_without_the_compact_evaluation(engine, monkeypatch):
    """Whole answers (ranked ids, scores, missing words, facets, totals, widened tiers) of filtered requests, each
    sort and two pages, with the compact evaluation forced and off."""
    from search import vector

    state = engine._current()
    first = engine.run_search(make_request(""))
    filters = [{"province": [b.value for b in first.facets["province"][:1]]},
               {"year": [b.value for b in first.facets["year"][:2]]},
               {"quarter": ["Q1"], "topic": [b.value for b in first.facets["topic"][:1]]}]
    engine.cache_size = 0
    compared = widened = 0
    for text in ["thủ tục", "cai cach hanh chinh", "một cửa liên thông trễ hạn", "một cửa liên thông chậm trễ",
                 "xyzzy thủ tục",
                 '"thủ tục hành chính" tỉnh', "kết quả cải cách hành chính quý I năm 2021 của tỉnh"]:
        for chosen in filters:
            for sort, page in (("relevance", 1), ("relevance", 2), ("newest", 1)):
                request = make_request(text, chosen, sort=sort, page=page, explain=None)
                answers = []
                for share in (-1.0, 1.0):
                    monkeypatch.setattr(vector, "COMPACT_SHARE", share)
                    engine._served.forget()  # a fresh state: nothing cached from the other run
                    answers.append(engine.run_search(request).to_dict())
                assert answers[0] == answers[1]
                compared += 1
                widened += answers[0].get("full_matches") is not None
    assert compared == 63 and widened  # some answers were widened by partial or loose matches ("trễ hạn" and its
    # synonyms fill the ten; "chậm trễ", which no group holds, does not)
    assert state is not None


def test_an_index_whose_bulletins_were_all_replaced_ranks_as_one_built_afresh(tmp_path):
    """An incremental run that indexes every bulletin again (their files rewritten, or the pipeline changed) leaves
    a segment of deleted documents. Their postings count in a term's frequency as they do in the number of
    documents (Whoosh's statistics): the filter Whoosh wraps around a segment with deletions had already skipped
    them, so every idf rose by about log 2 and the order of results changed."""
    from indexer.builder import build_index

    corpus = write_corpus(30, tmp_path / "corpus")
    build_index(corpus, tmp_path / "replaced", jobs=1)
    for path in corpus.glob("*.txt"):
        path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    build_index(corpus, tmp_path / "replaced", jobs=1)
    build_index(corpus, tmp_path / "fresh", jobs=1)
    engine, afresh = SearchEngine(tmp_path / "replaced", cache_size=0), SearchEngine(tmp_path / "fresh", cache_size=0)
    state = engine._current()
    assert [leaf.doc_count() for leaf, _ in state.vector.leaves] == [0, 30]
    for word in ("một", "hồ_sơ", "cửa"):
        ids, _ = state.vector.postings("content", word)
        assert len(ids) == state.searcher.doc_frequency("content", word) > 30
    # a best match's share weighs its words by the live bulletins holding them, among the live ones
    assert state.vector._share_weights([3, 40], [False, True]).tolist() == pytest.approx(
        afresh._current().vector._share_weights([3, 40], [False, True]).tolist())
    for text in ("thủ tục hành chính", "một cửa liên thông", "cai cach hanh chinh cap xa", "hồ sơ trực tuyến"):
        got = {hit.id: hit.score for hit in engine.run_search(make_request(text, per_page=30)).results}
        want = {hit.id: hit.score for hit in afresh.run_search(make_request(text, per_page=30)).results}
        assert got == pytest.approx(want, rel=0.05)  # Whoosh's +1 smoothing of doubled counts: a few percent
