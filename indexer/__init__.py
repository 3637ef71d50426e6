"""The indexer: read a corpus, clean and normalise it, extract metadata, write a Whoosh index.

Stages, one module each, passing plain records (``indexer.records``):
``reader`` (files -> SourceRecord or Skipped; with ``decoding`` and ``htmltext``)
-> ``cleaning`` (page chrome out, NFC text) -> ``metadata`` (title, dates, periods;
with ``places`` and ``topics``) -> ``builder`` (Bulletin -> Whoosh index on disk).
"""
