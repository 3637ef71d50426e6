"""The ``cchc`` commands, run through click against real folders."""

import json

import pytest
from click.testing import CliRunner

from cchc.cli import main
from search import storage
from tests.conftest import CORPUS

RESULT_KEYS = ["id", "title", "url", "province", "province_2025", "district", "year", "quarter",
               "published", "topics", "refs", "snippet", "missing", "score"]


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    target = tmp_path_factory.mktemp("cli") / "index"
    result = CliRunner().invoke(main, ["index", "--corpus", str(CORPUS), "--index", str(target), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"full rebuild of {target} from {CORPUS}: 5 added, 0 updated, 0 removed, "
                                    "0 unchanged, 0 skipped in ")
    return target


def _run(*args, env=None):
    return CliRunner().invoke(main, list(args), env=env)


def test_search_json_has_the_public_shape(index_dir):
    result = _run("search", "61/2018/nd-cp", "--index", str(index_dir), "--json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert list(data) == ["query", "total", "page", "per_page", "results", "facets", "understood"]
    assert (data["query"], data["total"], data["page"], data["per_page"]) == ("61/2018/nd-cp", 1, 1, 10)
    (hit,) = data["results"]
    assert list(hit) == RESULT_KEYS
    assert (hit["id"], hit["province"], hit["year"], hit["quarter"]) == ("000_19ab6ee4ef156fa2", "Cao Bằng", 2022, "Q1")
    assert "<mark>61/2018/NĐ-CP</mark>" in hit["snippet"]
    assert list(data["facets"]) == ["province", "province_2025", "year", "quarter", "topic", "refs"]
    assert data["facets"]["province"] == [{"value": "Cao Bằng", "label": "Cao Bằng", "count": 1, "selected": False}]


def test_search_filters_and_text_output(index_dir):
    result = _run("search", "cải cách", "--province", "son la", "--province", "Cao Bằng", "--year", "2014",
                  "--index", str(index_dir))
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "1 bulletins match 'cải cách' (page 1 of 1)"
    assert lines[2] == "1. KẾT QUẢ CÔNG TÁC CCHC 6 THÁNG ĐẦU NĂM 2014.  [002_3240b270d685cc74]"
    assert "[cải cách]" in lines[4]
    assert "province: *Sơn La (1)" in result.output


def test_index_from_environment(index_dir):
    result = _run("search", "thuỷ", "--json", env={"CCHC_INDEX": str(index_dir)})
    assert [r["id"] for r in json.loads(result.output)["results"]] == ["004_e6afc45b14d197f5"]


def test_show_and_stats(index_dir):
    shown = json.loads(_run("show", "003_a55e86e18369f327", "--index", str(index_dir), "--json").output)
    assert list(shown) == ["id", "title", "url", "province", "province_2025", "district", "year", "quarter",
                           "published", "topics", "refs", "text", "figures"]
    assert (shown["published"], shown["refs"]) == ("2021-01-05", ["4003/QĐ-UBND", "1464/QĐ-UBND"])
    stats = json.loads(_run("stats", "--index", str(index_dir), "--json").output)
    assert (stats["documents"], stats["provinces"], stats["years"]) == (5, 3, [2014, 2022])


def test_show_prints_a_bulletins_figures_one_a_line(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = ("Cao Bằng: kết quả giải quyết thủ tục hành chính quý I năm 2024\n\n"
            "Trong quý I năm 2024, Trung tâm Phục vụ hành chính công tỉnh Cao Bằng đã tiếp nhận 12.345 hồ sơ, tỷ lệ "
            "hồ sơ giải quyết đúng hạn đạt 99,2%.")
    (corpus / "cb.txt").write_text(text, encoding="utf-8")
    index = str(tmp_path / "index")
    assert _run("index", "--corpus", str(corpus), "--index", index, "--jobs", "1").exit_code == 0
    doc_id = json.loads(_run("search", "", "--index", index, "--json").output)["results"][0]["id"]
    result = _run("show", doc_id, "--index", index)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    at = lines.index("       figures: 2")
    shown = json.loads(_run("show", doc_id, "--index", index, "--json").output)
    start = shown["text"].index("Trong quý I")  # where the sentence starts in the text shown below
    assert lines[at + 1:at + 3] == [
        f"                dossiers_received 12345 count Q1 2024 Trung tâm Phục vụ hành chính công (agency) @ {start}",
        f"                dossiers_on_time 99.2 % Q1 2024 Trung tâm Phục vụ hành chính công (agency) @ {start}"]
    assert lines[-1] == shown["text"].splitlines()[-1]


@pytest.mark.parametrize("args, code, message", [
    (["search", '"unclosed'], 2, "Error: Unbalanced quote: the phrase opened at character 1 is not closed.\n"),
    (["search", "x", "--year", "abc"], 2, "Error: Unknown year 'abc': expected a year from 1945 to 2100.\n"),
    (["search", "x", "--page", "0"], 2, "Error: 'page' must be between 1 and 10,000, not 0.\n"),
    (["show", "missing-id"], 1, "Error: No bulletin with id 'missing-id'. Find ids with: cchc search QUERY\n"),
])
def test_errors_are_one_clear_line(index_dir, args, code, message):
    result = _run(*args, "--index", str(index_dir))
    assert (result.exit_code, result.output) == (code, message)


def test_missing_index_says_how_to_build_one(tmp_path):
    result = _run("search", "x", "--index", str(tmp_path / "none"))
    assert result.exit_code == 1
    assert result.output == (f"Error: No index found at {tmp_path / 'none'}. Build one with:  "
                             f"cchc index --corpus DIR --index {tmp_path / 'none'}\n")


def test_index_reports_skipped_files_by_name(tmp_path):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "good.txt").write_text("Hội nghị CCHC\n\nNội dung cải cách hành chính.")
    (tmp_path / "corpus" / "bad.txt").write_bytes(b"%PDF-1.4")
    result = _run("index", "--corpus", str(tmp_path / "corpus"), "--index", str(tmp_path / "ix"), "--json")
    data = json.loads(result.output)
    assert (data["added"], data["skipped"], data["total"]) == (1, 1, 1)
    assert data["skipped_files"] == [{"origin": "bad.txt", "reason": "not text: a PDF document"}]


def test_an_index_from_another_schema_version_is_reported_and_rebuilt(tmp_path):
    import json as _json

    from webapp import create_app

    index = tmp_path / "index"
    assert _run("index", "--corpus", str(CORPUS), "--index", str(index), "--jobs", "1").exit_code == 0
    info_path = storage.current_generation(index) / storage.BUILD_INFO
    info = _json.loads(info_path.read_text())
    info_path.write_text(_json.dumps({**info, "schema_version": 1}))
    message = (f"The index at {index} was built with schema version 1; this version needs "
               f"{storage.SCHEMA_VERSION}. Rebuild it with:  cchc index --full --index {index}")
    result = _run("search", "x", "--index", str(index))
    assert (result.exit_code, result.output) == (1, f"Error: {message}\n")
    api = create_app({"INDEX": str(index)}).test_client().get("/api/search")
    assert (api.status_code, api.json["status"]) == (503, 503)
    assert str(tmp_path) not in api.json["error"]  # server paths are not shown to the public
    rebuilt = json.loads(_run("index", "--corpus", str(CORPUS), "--index", str(index), "--json").output)
    assert (rebuilt["full"], rebuilt["added"], rebuilt["total"]) == (True, 5, 5)
    assert _run("search", "x", "--index", str(index)).exit_code == 0


def test_serve_on_a_port_in_use_says_so_in_one_line(index_dir):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--port", str(port), "--index", str(index_dir)])
    assert (result.exit_code, result.output.strip()) == (
        1, f"Error: Cannot listen on 127.0.0.1:{port}: Address already in use.")


@pytest.fixture
def served(monkeypatch):
    """`cchc serve` up to the point of serving: the app gunicorn would have run, captured instead."""
    from webapp.server import Server

    apps = []
    monkeypatch.setattr(Server, "run", lambda self: apps.append(self.application))
    for name in ("INDEX", "CORPUS", "WORKERS", "THREADS"):
        monkeypatch.delenv(f"CCHC_{name}", raising=False)
    return apps


def _serve_in(folder, monkeypatch, *args):
    monkeypatch.chdir(folder)
    return _run("serve", "--port", "0", *args)


def test_serve_takes_index_and_corpus_from_the_instance_config(tmp_path, corpus_copy, served, monkeypatch):
    (tmp_path / "instance").mkdir()
    (tmp_path / "instance" / "config.toml").write_text(
        f'INDEX = "data/the-index"\nCORPUS = "{corpus_copy}"\nWORKERS = 3\n', encoding="utf-8")
    result = _serve_in(tmp_path, monkeypatch)
    assert result.exit_code == 0, result.output
    [app] = served
    config = {name: app.config[name] for name in ("INDEX", "CORPUS", "WORKERS")}
    assert config == {"INDEX": "data/the-index", "CORPUS": str(corpus_copy), "WORKERS": 3}
    assert result.output.startswith(f"No index at data/the-index yet: indexing {corpus_copy} first.\n"
                                    f"full rebuild of data/the-index from {corpus_copy}: 5 added, ")
    response = app.test_client().get("/api/search?q=m%E1%BB%99t+c%E1%BB%ADa")
    assert (response.status_code, response.json["total"] > 0) == (200, True)
    assert storage.current_generation(tmp_path / "data" / "the-index") is not None


def test_serve_rebuilds_an_index_of_an_older_schema_from_the_corpus(tmp_path, corpus_copy, served, monkeypatch):
    from search.schema import SCHEMA_VERSION

    index = tmp_path / "index"
    assert _run("index", "--corpus", str(corpus_copy), "--index", str(index)).exit_code == 0
    record = storage.current_generation(index) / storage.BUILD_INFO
    info = json.loads(record.read_text(encoding="utf-8"))
    record.write_text(json.dumps(info | {"schema_version": SCHEMA_VERSION - 1}), encoding="utf-8")
    result = _serve_in(tmp_path, monkeypatch, "--index", str(index), "--corpus", str(corpus_copy))
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"The index at {index} has schema version {SCHEMA_VERSION - 1}, this version "
                                    f"needs {SCHEMA_VERSION}: indexing {corpus_copy} first.\n")
    assert storage.read_build_info(storage.current_generation(index))["schema_version"] == SCHEMA_VERSION
    response = served[0].test_client().get("/api/search?q=m%E1%BB%99t+c%E1%BB%ADa")
    assert (response.status_code, response.json["total"] > 0) == (200, True)


def test_serve_options_override_the_instance_config_only_when_given(tmp_path, index_dir, served, monkeypatch):
    (tmp_path / "instance").mkdir()
    (tmp_path / "instance" / "config.toml").write_text(
        'INDEX = "nowhere"\nCORPUS = "nothing"\nTHREADS = 2\n', encoding="utf-8")
    result = _serve_in(tmp_path, monkeypatch, "--index", str(index_dir), "--workers", "1")
    assert result.exit_code == 0, result.output
    config = {name: served[0].config[name] for name in ("INDEX", "CORPUS", "WORKERS", "THREADS")}
    assert config == {"INDEX": str(index_dir), "CORPUS": "nothing", "WORKERS": 1, "THREADS": 2}


def test_text_output_says_what_the_answer_widened_or_replaced(index_dir):
    widened = _run("search", "sáng kiến cải cách", "--index", str(index_dir)).output.splitlines()
    assert widened[:2] == ["1 bulletins hold enough of the words; those after them hold some.",
                           "5 bulletins match 'sáng kiến cải cách' (page 1 of 1)"]
    phrase = _run("search", '"chính quyền số"', "--index", str(index_dir)).output.splitlines()
    assert phrase[:2] == ["1 bulletins hold the quoted phrases exactly; those after them hold their words otherwise.",
                          "5 bulletins match '\"chính quyền số\"' (page 1 of 1)"]
    issuer = _run("search", "99/SNV-CCHC", "--index", str(index_dir)).output.splitlines()
    assert issuer[:2] == ["No bulletin has or cites 99/SNV-CCHC; results for bulletins citing 362/SNV-CCHC.",
                          "1 bulletins match '99/SNV-CCHC' (page 1 of 1)"]
