"""`kb bench generate` takes its records from the demo's lists: every list of the folder, nothing else in it (the
folder's kb-import.toml, which says the lists' place, is no list: reading it as one stopped the benchmark)."""
from __future__ import annotations

from importlib import resources

from kb.bench.generate import templates


def test_the_templates_are_the_demo_lists_records_and_the_folder_s_other_files_are_passed_over():
    folder = resources.files("kb").joinpath("demo", "lists")
    assert folder.joinpath("kb-import.toml").is_file()
    found = templates()
    assert len(found) > 1000 and all(t["name"] and t["type"] and t["basis"] and t["duties"] for t in found)
