"""Property-based fuzzing of the importer: generated lists (XLSX, CSV, JSON, JSON Lines) and the same
broken every way a file breaks. Never a crash, always a clear refusal or an exact import, never part of
a file in the database. KB_FUZZ_EXAMPLES files per test (150 here, 2000 in `make reliability`)."""
from __future__ import annotations

import itertools
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from importers.run import import_paths, parse_file
from tests.conftest import ManagedServer
from tests.reliability import files
from tests.reliability.budget import examples
from tests.reliability.budget import seed as fuzz_seed

FUZZ = settings(max_examples=examples(), deadline=None, database=None, derandomize=False,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.data_too_large])
_counter = itertools.count()
_TMP = Path(tempfile.mkdtemp(prefix="kb-fuzz-"))


def _write(suffix: str, data: bytes) -> Path:
    path = _TMP / f"list-{next(_counter)}{suffix}"
    path.write_bytes(data)
    return path


def _clear_refusal(report) -> None:
    """A refusal says what is wrong in words of its own, never only an exception's name."""
    assert report.status in ("valid", "refused", "skipped"), report.as_dict()
    if report.status == "refused":
        assert report.errors, report.as_dict()
        for error in report.errors:
            assert error["message"].strip(), report.as_dict()
            assert not error["message"].startswith("读取 "), (report.path, error["message"])


@seed(fuzz_seed())
@FUZZ
@given(st.data())
def test_broken_files_are_refused_clearly_or_read(data) -> None:
    if data.draw(st.booleans(), label="odd shape"):
        suffix, raw = data.draw(files.odd_shapes())
    else:
        suffix, original, _ = data.draw(files.well_formed())
        raw = data.draw(files.mutated(original))
    path = _write(suffix, raw)
    _clear_refusal(parse_file(path))
    path.unlink()


@seed(fuzz_seed())
@FUZZ
@given(files.well_formed())
def test_well_formed_lists_are_read_exactly(case) -> None:
    suffix, raw, names = case
    path = _write(suffix, raw)
    report = parse_file(path)
    assert report.status == "valid", report.as_dict()
    assert [r.name for r in report.doc.records] == names
    path.unlink()


def _census(graph) -> dict:
    """Everything an import writes, and whether each list version holds all the records it says."""
    return graph.read("""
        CALL { MATCH (n) WHERE NOT n:ImportRun AND NOT n:KbMeta RETURN count(n) AS nodes }
        CALL { MATCH (a)-[r]->() WHERE NOT a:ImportRun RETURN count(r) AS rels }
        CALL { MATCH (v:ListVersion) WHERE v.records <> COUNT { (v)-[:CONTAINS]->() } RETURN count(v) AS partial }
        RETURN nodes, rels, partial""")[0]


@seed(fuzz_seed())
@settings(FUZZ, max_examples=max(15, examples() // 10))
@given(st.data())
def test_each_file_is_imported_whole_or_not_at_all(scratch_server: ManagedServer, data) -> None:
    graph = scratch_server.graph
    n = next(_counter)
    suffix, original, names = data.draw(files.well_formed(department=f"克拉玛依市第{n}测试局"))
    broken = data.draw(st.booleans(), label="broken")
    path = _write(suffix, data.draw(files.mutated(original)) if broken else original)
    before = _census(graph)
    report = import_paths(graph, [path], progress=False)["files"][0]
    after = _census(graph)
    assert after["partial"] == 0
    if report["status"] == "refused":
        assert (after["nodes"], after["rels"]) == (before["nodes"], before["rels"]), report
        assert report["errors"] and not report["errors"][0]["message"].startswith("读取 "), report
        assert broken, report  # a well-formed list is never refused
    else:
        assert report["status"] == "imported", report
        powers = graph.read("MATCH (:Department {name: $d})-[:HOLDS]->(p:Power) RETURN p.name AS name",
                            d=report["department"])
        assert len(powers) == report["records"]
        if not broken:
            assert sorted(p["name"] for p in powers) == sorted(names)
