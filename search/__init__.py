"""The search core: the Vietnamese analyzer, the schema, and querying.

Stages, one module each: ``textnorm`` (NFC, tone marks, folding) and
``analysis`` (the analyzer on the schema) serve both indexing and querying;
``query`` (parse) -> ``compiler`` (to Whoosh) -> ``engine`` (search, rank:
``ranking`` over ``vector``, the array evaluator, its ``postings`` lists and
the ``explain`` traces) -> ``facets`` (counts) -> ``highlight`` (snippets). ``models`` holds the plain
data that crosses into the CLI and the web app; ``vocabulary`` the edited
lists that indexing reads, ``querywords`` (function words, abbreviations) and
``labels`` (facet values shown in Vietnamese and English) those only queries
and pages read; ``messages`` what a person is told when a query or a parameter
cannot be used, in Vietnamese and English, by code; ``storage`` where an index
lives on disk, and ``stores`` how what is derived from it (``hot`` postings,
per-commit ``arrays``) is written aside, renamed and swept.
"""
