"""The indexer: read a corpus, clean and normalise it, extract metadata, write a Whoosh index.

Stages, one module each, passing plain records (``indexer.records``):
``reader`` (files -> SourceRecord or Skipped; with ``decoding`` and ``htmltext``)
-> ``cleaning`` (page chrome out, NFC text) -> ``metadata`` (title, dates, periods;
with ``places`` and ``topics``) -> ``builder`` (Bulletin -> Whoosh index on disk)
-> ``compaction`` (after a full run: one segment in corpus order, no deletions).
``fingerprint`` hashes the code and data of reading, extraction and analysis; every
bulletin's digest covers it, so changing them re-extracts every bulletin.
"""
