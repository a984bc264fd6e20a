"""A new version of a law queues the powers citing what it changed; as-of answers from the versions
in force on a date. Real Neo4j (the scratch server), the real 安全生产法 text and a modified copy."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SHARED_DATA, ManagedServer

pytestmark = pytest.mark.e2e

LAW_2021 = SHARED_DATA / "laws" / "安全生产法(2021-06-10).md"
DEPT = "宁乡市应急管理局"
BASE = {"权力类型": "行政处罚", "责任事项": "1.立案责任：依法立案。", "追责对象范围": "具体承办人", "追责情形": "未依法履职的"}


def kb(srv: ManagedServer, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kb.cli", *args], env=srv.env, capture_output=True, text=True,
                          timeout=300, check=False)


def a_list(path: Path, version: str, records: list[dict], department: str = DEPT) -> Path:
    path.write_text(json.dumps({"title": f"{department}{version}年权责清单", "department": department,
                                "jurisdiction": "宁乡市", "records": records}, ensure_ascii=False), encoding="utf-8")
    return path


def modified_law(path: Path) -> Path:
    """The 2021 text with 第一百一十八条 moved to 第一百二十条, 第九十条 repealed, 第六十二条 changed."""
    lines = LAW_2021.read_text(encoding="utf-8").splitlines()

    def block(label: str) -> tuple[int, int]:
        i = next(i for i, line in enumerate(lines) if line.startswith(label + " "))
        j = next((k for k in range(i + 1, len(lines)) if re.match(r"^第\S+条 ", lines[k]) or lines[k].startswith("#")),
                 len(lines))
        return i, j

    i, j = block("第一百一十八条")
    moved = lines[i:j]
    del lines[i:j]
    i, j = block("第九十条")
    del lines[i:j]
    lines += ["", moved[0].replace("第一百一十八条", "第一百二十条", 1), *moved[1:]]
    i = next(i for i, line in enumerate(lines) if line.startswith("第六十二条 "))
    lines[i] = lines[i].replace("应当", "必须").replace("监督检查", "执法检查") + "具体办法由国务院应急管理部门制定。"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def citing(article: str, name: str) -> dict:
    return BASE | {"事项名称": name, "实施依据": f"《中华人民共和国安全生产法》{article}"}


POWERS = {62: "对未按规定开展监督检查的处罚", 90: "对第九十条情形的处罚", 118: "对第一百一十八条情形的处罚",
          10: "对第十条情形的处罚"}
LABELS = {62: "第六十二条", 90: "第九十条", 118: "第一百一十八条", 10: "第十条"}


def test_a_new_version_queues_the_powers_citing_changed_renumbered_and_repealed_articles(
        scratch_server: ManagedServer, tmp_path: Path) -> None:
    records = [citing(LABELS[n], name) for n, name in POWERS.items()]
    out = kb(scratch_server, "import", str(LAW_2021), str(a_list(tmp_path / f"{DEPT}2024年权责清单.json", "2024", records)))
    assert out.returncode == 0, out.stderr
    new = modified_law(tmp_path / "安全生产法(2025-01-01).md")
    out = kb(scratch_server, "import", "--json", str(new))
    assert out.returncode == 0, out.stderr
    [law] = json.loads(out.stdout)["files"]
    assert (law["status"], law["current"], law["reviews"]) == ("imported", True, 3)

    queue = json.loads(kb(scratch_server, "laws", "impact", "安全生产法", "--json").stdout)
    assert [v["date"] for v in queue["versions"]] == ["2021-06-10", "2025-01-01"]
    items = {r["article"]: r for r in queue["reviews"]}
    assert set(items) == {62, 90, 118}  # 第十条 did not change
    assert {n: (r["change"], r["likely_article"], r["power_name"]) for n, r in items.items()} == {
        62: ("changed", 62, POWERS[62]), 90: ("repealed", None, POWERS[90]), 118: ("renumbered", 120, POWERS[118])}
    assert "具体办法由国务院应急管理部门制定" in items[62]["new_text"] and "具体办法" not in items[62]["old_text"]
    assert items[90]["old_text"] and not items[90]["new_text"]
    assert items[118]["old_text"] == items[118]["new_text"]
    assert all(r["status"] == "open" and r["department"] == DEPT for r in items.values())
    text = kb(scratch_server, "laws", "impact", "安全生产法").stdout
    assert f"{DEPT}「{POWERS[118]}」" in text and "条号变动" in text and "第一百二十条" in text

    # the graph keeps both versions; the Article nodes are the new text's
    g = scratch_server.graph
    assert g.read("MATCH (:Law {key:'安全生产法'})-[:HAS_VERSION]->(v)-[:HAS_TEXT]->(t {number: 90}) "
                  "RETURN v.date AS d") == [{"d": "2021-06-10"}]
    assert not g.read("MATCH (a:Article {key:'安全生产法#90'}) RETURN a")

    # resolving: follow the renumbering, confirm the changed article
    out = kb(scratch_server, "laws", "resolve", items[118]["key"], "--by", "张三", "--article", "第一百二十条")
    assert out.returncode == 0, out.stderr
    out = kb(scratch_server, "laws", "resolve", items[62]["key"], "--by", "李四", "--note", "内容仍适用")
    assert out.returncode == 0, out.stderr
    assert kb(scratch_server, "laws", "resolve", items[90]["key"], "--by", "").returncode != 0
    done = {r["article"]: r for r in json.loads(kb(scratch_server, "laws", "impact", "安全生产法", "--json").stdout)["reviews"]}
    assert (done[118]["status"], done[118]["resolved_by"], done[118]["resolved_article"]) == ("changed", "张三", 120)
    assert (done[62]["status"], done[62]["resolved_by"], done[62]["note"]) == ("confirmed", "李四", "内容仍适用")
    assert done[90]["status"] == "open" and done[118]["resolved_at"]
    rows = g.read("MATCH (p:Power {name: $n})-[c:CITES]->(:Law {key:'安全生产法'}) OPTIONAL MATCH (p)-[:BASED_ON]->(a) "
                  "RETURN c.article AS article, c.article_label AS label, a.key AS based_on", n=POWERS[118])
    assert rows == [{"article": 120, "label": "第一百二十条", "based_on": "安全生产法#120"}]

    # the same text again changes nothing; an older text loaded later is history only
    assert json.loads(kb(scratch_server, "import", "--json", str(new)).stdout)["files"][0]["status"] == "unchanged"
    assert len(json.loads(kb(scratch_server, "laws", "impact", "安全生产法", "--json").stdout)["reviews"]) == 3
