"""The pipeline fingerprint: derived from the code and data of extraction and analysis, never bumped by hand."""

import shutil

import pytest

from indexer import fingerprint
from indexer.builder import build_index
from indexer.fingerprint import PROJECT, imported_modules, pipeline_files, pipeline_modules


def test_the_pipeline_modules_are_what_reading_extraction_and_analysis_import():
    modules = set(pipeline_modules())
    assert {"indexer.reader", "indexer.decoding", "indexer.htmltext", "indexer.cleaning", "indexer.metadata",
            "indexer.dates", "indexer.periods", "indexer.places", "indexer.topics", "indexer.records",
            "search.analysis", "search.textnorm", "search.vocabulary", "search.docnumbers",
            "search.crffeatures", "search.schema", "search.models"} <= modules
    assert modules.isdisjoint({"indexer.builder", "indexer.compaction", "search.engine", "search.storage",
                               "search.compiler", "search.query", "cchc.cli", "webapp"})


def test_relative_and_absolute_imports_are_both_followed():
    assert imported_modules("indexer.periods") == {"search", "search.docnumbers", "search.periods", "search.textnorm"}
    assert imported_modules("indexer.metadata") >= {"indexer", "indexer.cleaning", "indexer.dates"}


def test_every_data_file_and_pipeline_module_is_hashed():
    files = pipeline_files()
    assert [p.relative_to(PROJECT).as_posix() for p in files if p.suffix == ".json"] == [
        "indexer/data/chrome.json", "indexer/data/legacy_encodings.json", "indexer/data/periods.json",
        "indexer/data/places.json", "indexer/data/syllables.json", "search/data/abbreviations.json",
        "search/data/indicators.json", "search/data/issuers.json",
        "search/data/provinces.json", "search/data/sources.json", "search/data/stopwords.json",
        "search/data/topics.json"]
    assert PROJECT / "search" / "analysis.py" in files
    assert PROJECT / "indexer" / "builder.py" not in files


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
