"""Notebooks: committed without outputs, thin, and runnable with papermill on the seeds."""

import json

import nbformat
import pytest

from helpers.paths import NOTEBOOKS_DIR, SEEDS_DIR

NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_without_outputs(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_thin_notebook_with_one_parameters_cell(path):
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    tagged = [c for c in code if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1 and code[0] is tagged[0]
    for line in tagged[0].source.splitlines():
        assert ": " in line.split("=")[0] and "#" in line, f"untyped or uncommented parameter: {line}"
    for cell in code:
        for forbidden in ("def ", "class ", "try:", "except", "Path(", "os.path", "lambda"):
            assert forbidden not in cell.source, f"{forbidden!r} in {path.name}"


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_on_the_seeds(path, tmp_path):
    import papermill as pm

    out = tmp_path / "out"
    executed = pm.execute_notebook(
        str(path), str(tmp_path / path.name), kernel_name="python3", progress_bar=False,
        parameters={"input_dir": str(SEEDS_DIR), "out_dir": str(out)}, cwd=str(NOTEBOOKS_DIR))
    assert executed.metadata.papermill.parameters["out_dir"] == str(out)
    writes = {"01_clean_articles.ipynb": "articles.csv", "02_extract_contacts.ipynb": "mentions.csv",
              "03_report.ipynb": "events.csv"}
    assert (out / "tables" / writes[path.name]).exists()
    errors = [o for c in executed.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert errors == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_papermill_reads_every_parameter_with_type_and_help(path):
    import papermill as pm

    parameters = pm.inspect_notebook(str(path))
    nb = nbformat.read(path, as_version=4)
    cell = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
    declared = [line.split(":")[0] for line in cell.source.splitlines() if line.strip()]
    assert sorted(parameters) == sorted(declared)
    for name, spec in parameters.items():
        assert spec["inferred_type_name"] != "None" and spec["help"], name
