"""The benchmark's yardstick (kb/bench/naive.py: one record per transaction, one MERGE per node and link) writes
the graph kb's writer writes for the same records (every node and link, every property name), so `kb bench run`'s
ratio measures batching, not work left out."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from importers import lists
from importers.run import import_paths
from kb import dump
from kb.bench import naive
from kb.db import Graph
from tests.conftest import SHARED_DATA

pytestmark = pytest.mark.e2e

LAW = SHARED_DATA / "laws" / "行政许可法(2019-04-23).md"
LABELS = ["Power", "Responsibility", "Accountability", "SearchText", "Law", "CatalogItem", "Delegation", "Unit"]
TYPES = ["HOLDS", "CONTAINS", "HAS_RESPONSIBILITY", "HAS_ACCOUNTABILITY", "CITES", "BASED_ON", "IMPLEMENTS",
         "TO_POWER", "TO_DEPARTMENT", "HANDLED_BY", "PART_OF"]


def _township_list(folder: Path) -> Path:
    """A township's list as `kb bench generate` writes one: catalogue codes, an item delegated by the county, a
    handling unit, duties, accountability and a basis citing an article of a loaded law."""
    basis = "《中华人民共和国行政许可法》第十二条、第十四条"
    records = [{"序号": str(i + 1), "基本编码": f"0150600000{i:02d}", "事项名称": name, "子项名称": "",
                "权力类型": kind, "实施依据": basis, "行使主体": "某县某镇人民政府", "承办机构": "综合行政执法办公室",
                "实施层级": "乡镇（街道）级", "责任事项内容": "1.受理责任：依法受理。\n2.审查责任：审查材料。\n3.决定责任：作出决定。",
                "追责对象范围": "具体承办人", "追责情形": "不依法履行职责的", "备注": "",
                "下放或委托": "下放" if i == 0 else "", "原实施主体": "某县农业农村局" if i == 0 else "",
                "承接时间": "2021-06-01" if i == 0 else ""}
               for i, (name, kind) in enumerate([("农村村民宅基地审批", "行政许可"), ("对违法占地的检查", "行政检查"),
                                                 ("临时占用道路审批", "行政许可")])]
    path = folder / "某县某镇人民政府2024年权责清单.json"
    path.write_text(json.dumps({"title": "某县某镇人民政府2024年权责清单", "department": "某县某镇人民政府",
                                "jurisdiction": "某县某镇", "version": "2024", "records": records},
                               ensure_ascii=False), encoding="utf-8")
    return path


def _counts(graph: Graph) -> dict[str, tuple[int, list[str]]]:
    """Each label's and relationship type's count and the properties its nodes or links carry."""
    out = {label: graph.read(f"MATCH (n:{label}) UNWIND (CASE WHEN size(keys(n)) = 0 THEN [''] ELSE keys(n) END) AS k "
                             "RETURN count(DISTINCT n) AS n, [x IN collect(DISTINCT k) WHERE x <> ''] AS keys")[0]
           for label in LABELS}
    out |= {kind: graph.read(f"MATCH ()-[r:{kind}]->() UNWIND (CASE WHEN size(keys(r)) = 0 THEN [''] ELSE keys(r) END) "
                             "AS k RETURN count(DISTINCT r) AS n, [x IN collect(DISTINCT k) WHERE x <> ''] AS keys")[0]
            for kind in TYPES}
    return {name: (row["n"], sorted(row["keys"])) for name, row in out.items()}


def test_the_naive_writer_writes_the_graph_kb_writes(scratch: Graph, tmp_path):
    listed = _township_list(tmp_path)
    import_paths(scratch, [LAW], progress=False)
    import_paths(scratch, [listed], progress=False)
    ours = _counts(scratch)
    assert ours["Delegation"][0] == 1 and ours["CatalogItem"][0] == 3 and ours["Accountability"][0] == 3
    assert ours["BASED_ON"][0] == 6 and ours["HANDLED_BY"][0] == 3  # (what the yardstick must write too)
    assert "article_key" in ours["CITES"][1] and "current" in ours["Responsibility"][1]

    dump.clear(scratch)
    import_paths(scratch, [LAW], progress=False)
    assert naive.write(scratch, [lists.parse_list(listed)], 100) == 3
    assert _counts(scratch) == ours
