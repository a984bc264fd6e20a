"""`kb diff` on two versions of one department's list imported into a real Neo4j."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import ManagedServer

pytestmark = pytest.mark.e2e

DEPT = "宁乡市应急管理局"
BASE = {"权力类型": "行政处罚", "实施依据": "【法律】《中华人民共和国安全生产法》第九十七条 生产经营单位有下列行为之一的……",
        "责任事项": "1.立案责任：依法立案。\n2.调查责任：调查取证。", "追责对象范围": "具体承办人", "追责情形": "未依法履职的"}


def a_list(path: Path, version: str, records: list[dict]) -> Path:
    path.write_text(json.dumps({"title": f"{DEPT}{version}年权责清单", "department": DEPT, "jurisdiction": "宁乡市",
                                "records": records}, ensure_ascii=False), encoding="utf-8")
    return path


def kb(srv: ManagedServer, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kb.cli", *args], env=srv.env, capture_output=True, text=True,
                          timeout=300, check=False)


def test_two_versions_show_what_was_added_removed_renamed_and_changed(scratch_server: ManagedServer,
                                                                       tmp_path: Path) -> None:
    v2024 = [BASE | {"事项名称": "对生产经营单位未如实记录安全生产教育和培训情况的处罚"},
             BASE | {"事项名称": "对未按规定设置安全生产管理机构的处罚"},
             BASE | {"事项名称": "已于2025年取消的事项"}]
    v2025 = [BASE | {"事项名称": "对生产经营单位未如实记录安全生产教育和培训情况的处罚",
                     "责任事项": "1.立案责任：依法立案。\n2.调查责任：调查取证并制作笔录。"},
             BASE | {"事项名称": "对未按照规定设置安全生产管理机构的行政处罚"},
             BASE | {"事项名称": "对未建立安全风险分级管控制度的处罚"}]
    files = [a_list(tmp_path / f"{DEPT}2024年权责清单.json", "2024", v2024),
             a_list(tmp_path / f"{DEPT}2025年权责清单.json", "2025", v2025)]
    assert kb(scratch_server, "import", *map(str, files)).returncode == 0
    out = kb(scratch_server, "diff", DEPT, "--json", "--xlsx", str(tmp_path / "diff.xlsx"))
    assert out.returncode == 0, out.stderr
    d = json.loads(out.stdout)
    assert (d["old"], d["new"]) == ("2024", "2025")
    assert d["counts"] == {"added": 1, "removed": 1, "renamed": 1, "changed": 1, "unchanged": 0}
    assert d["added"][0]["name"] == "对未建立安全风险分级管控制度的处罚"
    assert d["removed"][0]["name"] == "已于2025年取消的事项"
    [change] = d["changed"][0]["changes"]
    assert change["title"] == "责任事项（调查）" and change["new"].endswith("调查取证并制作笔录。")
    sheet = openpyxl.load_workbook(tmp_path / "diff.xlsx").active
    assert [c.value for c in sheet[1]] == ["变化", "权力事项", "字段", "原内容", "新内容"] and sheet.max_row == 5
    text = kb(scratch_server, "diff", DEPT, "2024", "2025").stdout
    assert "新增 1，删除 1，更名 1，修改 1" in text and "责任事项（调查）" in text


def test_a_version_that_does_not_exist_is_named(scratch_server: ManagedServer, tmp_path: Path) -> None:
    kb(scratch_server, "import", str(a_list(tmp_path / f"{DEPT}2024年权责清单.json", "2024",
                                            [BASE | {"事项名称": "某事项"}])))
    out = kb(scratch_server, "diff", DEPT, "2023", "2024")
    assert out.returncode == 1 and "没有版本 '2023'" in out.stderr and "2024" in out.stderr


def test_the_browser_shows_the_diff_and_exports_it(scratch_server: ManagedServer, tmp_path: Path) -> None:
    import io
    import secrets

    from webui import create_app

    kb(scratch_server, "import", str(a_list(tmp_path / f"{DEPT}2024年权责清单.json", "2024",
                                            [BASE | {"事项名称": "对甲的处罚"}, BASE | {"事项名称": "对未依法取得许可擅自经营的处罚"}])),
       str(a_list(tmp_path / f"{DEPT}2025年权责清单.json", "2025",
                  [BASE | {"事项名称": "对甲的处罚", "追责情形": "=HYPERLINK(\"http://x\")"}, BASE | {"事项名称": "对违规排放污染物的行政处罚"}])))
    client = create_app({"KB_GRAPH": scratch_server.graph, "TESTING": True, "SECRET_KEY": secrets.token_hex(8)}).test_client()
    page = client.get(f"/departments/{DEPT}").get_data(as_text=True)
    assert 'id="diff-link"' in page
    html = client.get(f"/diff/{DEPT}").get_data(as_text=True)
    assert "2024 → 2025" in html and "对违规排放污染物的行政处罚" in html and "对未依法取得许可擅自经营的处罚" in html and "追责情形" in html
    assert "<del>未依法履职的</del>" in html and "<ins>=HYPERLINK(" in html  # what changed is marked
    data = client.get(f"/diff/{DEPT}.json?old=2024&new=2025").get_json()
    assert data["counts"]["added"] == 1 and data["counts"]["removed"] == 1 and data["counts"]["changed"] == 1
    sheet = openpyxl.load_workbook(io.BytesIO(client.get(f"/diff/{DEPT}.xlsx").data)).active
    cells = [c.value for row in sheet.iter_rows() for c in row]
    assert "'=HYPERLINK(\"http://x\")" in cells  # a formula in a list stays text in the download
    assert client.get("/diff/没有这个部门").status_code == 404
