"""The indexer: read a corpus, clean and normalise it, extract metadata, write a Whoosh index.

Stages, one module each, passing plain records (``indexer.records``):
``reader`` (files -> SourceRecord or Skipped; with ``decoding`` and ``htmltext``)
-> ``cleaning`` (page chrome out, NFC text) -> ``metadata`` (title, dates, periods;
with ``places``, ``topics`` and the classifier that settles them, ``topic_model``, and ``figures``)
-> ``builder`` (Bulletin -> Whoosh index on disk)
-> ``compaction`` (after a full run: one segment in corpus order, no deletions, exact
field lengths). ``fingerprint`` hashes exactly the code, data and library versions of
reading, extraction and analysis; every bulletin's digest covers it, so changing them
re-extracts every bulletin, and changing what only queries and pages use does not.
"""
