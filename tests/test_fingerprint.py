"""The pipeline fingerprint: exactly the code, data and libraries of extraction and analysis, never bumped by hand."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from indexer import fingerprint
from indexer.builder import build_index
from indexer.fingerprint import DATA_FILES, PROJECT, imported_modules, pipeline_files, pipeline_modules


def test_the_pipeline_modules_are_what_reading_extraction_and_analysis_import():
    modules = set(pipeline_modules())
    assert {"indexer.reader", "indexer.decoding", "indexer.htmltext", "indexer.cleaning", "indexer.metadata",
            "indexer.dates", "indexer.periods", "indexer.places", "indexer.topics", "indexer.records",
            "search.analysis", "search.textnorm", "search.vocabulary", "search.docnumbers",
            "search.crffeatures", "search.schema"} <= modules
    assert modules.isdisjoint({"indexer.builder", "indexer.compaction", "search.engine", "search.storage",
                               "search.compiler", "search.query", "search.models", "search.labels",
                               "search.querywords", "cchc.cli", "webapp"})


def test_relative_and_absolute_imports_are_both_followed():
    assert imported_modules("indexer.periods") == {"indexer", "indexer.dates", "indexer.patterns", "search",
                                                   "search.docnumbers", "search.periods", "search.textnorm"}
    assert imported_modules("indexer.metadata") >= {"indexer", "indexer.cleaning", "indexer.dates"}


def test_the_data_files_hashed_are_exactly_those_the_pipeline_sources_name():
    assert list(DATA_FILES) == fingerprint.named_data_files(pipeline_modules()) == [
        "indexer/data/chrome.json", "indexer/data/legacy_encodings.json", "indexer/data/periods.json",
        "indexer/data/places.json", "indexer/data/syllables.json", "indexer/data/topic_model.json",
        "search/data/document_types.json",
        "search/data/dotted.json", "search/data/indicators.json", "search/data/provinces.json",
        "search/data/sources.json",
        "search/data/topics.json"]
    files = pipeline_files()
    assert [p.relative_to(PROJECT).as_posix() for p in files if p.suffix == ".json"] == list(DATA_FILES)
    assert PROJECT / "search" / "analysis.py" in files
    assert PROJECT / "indexer" / "builder.py" not in files


def test_the_libraries_whose_output_is_indexed_are_in_the_fingerprint():
    assert [version.split("==")[0] for version in fingerprint.library_versions()] == [
        "pyvi", "python-crfsuite", "scikit-learn", "selectolax"]


AUDIT = """
import sys
from pathlib import Path
opened = set()
def record(event, args):
    if event == "open" and isinstance(args[0], (str, Path)):
        opened.add(str(Path(args[0]).resolve()))
sys.addaudithook(record)
from indexer.builder import build_index
build_index(Path(sys.argv[1]), Path(sys.argv[2]), jobs=1)
print("\\n".join(sorted(opened)))
"""


def test_a_build_reads_no_data_file_that_the_fingerprint_leaves_out(tmp_path, corpus_copy):
    """A real build in a fresh process (nothing cached) opens data files of the declared list only."""
    from indexer.legacy_encodings import from_unicode

    (corpus_copy / "tcvn3.txt").write_bytes(from_unicode("Cải cách hành chính năm 2021", "TCVN3").encode("latin-1"))
    run = subprocess.run([sys.executable, "-c", AUDIT, str(corpus_copy), str(tmp_path / "index")], cwd=PROJECT,
                         capture_output=True, text=True, check=True)
    data = {(PROJECT / folder).as_posix() for folder in fingerprint.DATA_FOLDERS}
    opened = {Path(line).relative_to(PROJECT).as_posix() for line in run.stdout.splitlines()
              if Path(line).parent.as_posix() in data}
    assert opened == set(DATA_FILES)


@pytest.fixture
def project_copy(tmp_path, monkeypatch):
    """The fingerprint taken over a copy of the project's packages, which a test may edit."""
    copy = tmp_path / "project"
    for package in ("indexer", "search", "webapp"):
        shutil.copytree(PROJECT / package, copy / package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(fingerprint, "PROJECT", copy)
    fingerprint.pipeline_fingerprint.cache_clear()
    yield copy
    fingerprint.pipeline_fingerprint.cache_clear()


def _edited(path: Path, old: str, new: str) -> str:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    fingerprint.pipeline_fingerprint.cache_clear()  # a new run: the fingerprint is computed once per process
    return fingerprint.pipeline_fingerprint()


@pytest.mark.parametrize("path, old, new, changes", [
    ("search/data/labels.json", '"en": "Institutional reform"', '"en": "Reform of institutions"', False),
    ("search/labels.py", "its id when it has none", "its id when it has no label", False),
    ("search/models.py", "MAX_PER_PAGE = 10, 100", "MAX_PER_PAGE = 10, 50", False),
    ("search/data/stopwords.json", '"những",', '"những", "nhất",', False),
    ("search/data/abbreviations.json", '"cchc": "cải cách hành chính",', "", False),
    ("search/data/issuers.json", '"ND": "NĐ"', '"ND": "Nđ"', False),
    ("webapp/i18n.py", "", "# a comment\n", False),
    ("search/data/topics.json", '"cải cách thể chế",', '"cải cách thể chế", "thể chế mới",', True),
    ("search/data/dotted.json", '"tp",', '"tp", "tx.",', True),
    ("search/data/document_types.json", '"NQ",', '"NQ", "PA",', True),
    ("search/vocabulary.py", "def topic_ids()", "def topic_ids() ", True),
    ("indexer/decoding.py", "SCAN_LIMIT = 1_000_000", "SCAN_LIMIT = 2_000_000", True),
], ids=["english-topic-label", "labels-module", "request-limit", "query-stop-word", "query-abbreviation",
        "issuer-display", "web-app", "topic-evidence", "dotted-abbreviation", "document-types",
        "vocabulary-module", "reading-module"])
def test_only_what_changes_indexed_data_changes_the_fingerprint(project_copy, path, old, new, changes):
    before = fingerprint.pipeline_fingerprint()
    assert (_edited(project_copy / path, old, new) != before) is changes


def test_an_english_label_edit_re_extracts_no_bulletin(tmp_path, corpus_copy, project_copy):
    root = tmp_path / "index"
    build_index(corpus_copy, root, jobs=1)
    _edited(project_copy / "search/data/labels.json", '"en": "Institutional reform"', '"en": "Institutions"')
    report = build_index(corpus_copy, root, jobs=1)
    assert (report.added, report.updated, report.unchanged) == ([], [], 5)


@pytest.mark.parametrize("name", ["metadata.py", "topics.json"])
def test_changing_a_file_or_a_library_version_changes_the_fingerprint(tmp_path, name):
    files = [tmp_path / "metadata.py", tmp_path / "topics.json"]
    files[0].write_text("def extract_metadata(record):\n    return record\n")
    files[1].write_text('{"the_che": ["thể chế"]}')
    before = fingerprint.fingerprint(files, ["pyvi==0.1.1"])
    assert fingerprint.fingerprint(files, ["pyvi==0.1.1"]) == before
    assert fingerprint.fingerprint(files, ["pyvi==0.1.2"]) != before
    (tmp_path / name).write_text((tmp_path / name).read_text() + " ")
    assert fingerprint.fingerprint(files, ["pyvi==0.1.1"]) != before


@pytest.fixture
def pipeline_copy(tmp_path, monkeypatch):
    """The fingerprint taken over copies of one module and one data file, which a test may edit."""
    folder = tmp_path / "pipeline"
    folder.mkdir()
    files = [folder / "cleaning.py", folder / "chrome.json"]
    shutil.copy(PROJECT / "indexer" / "cleaning.py", files[0])
    shutil.copy(PROJECT / "indexer" / "data" / "chrome.json", files[1])
    monkeypatch.setattr(fingerprint, "pipeline_files", lambda: files)
    fingerprint.pipeline_fingerprint.cache_clear()
    yield files
    fingerprint.pipeline_fingerprint.cache_clear()


@pytest.mark.parametrize("edited", [0, 1], ids=["module source", "data file"])
def test_an_edit_to_the_pipeline_re_extracts_every_bulletin(tmp_path, corpus_copy, pipeline_copy, edited):
    root = tmp_path / "index"
    build_index(corpus_copy, root, jobs=1)
    unchanged = build_index(corpus_copy, root, jobs=1)
    assert (unchanged.updated, unchanged.unchanged) == ([], 5)
    path = pipeline_copy[edited]
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    fingerprint.pipeline_fingerprint.cache_clear()  # a new run: the fingerprint is computed once per process
    report = build_index(corpus_copy, root, jobs=1)
    assert (sorted(report.updated), report.added, report.unchanged) == (
        ["000_19ab6ee4ef156fa2", "001_db3e4cde8e9e11f8", "002_3240b270d685cc74", "003_a55e86e18369f327",
         "004_e6afc45b14d197f5"], [], 0)
