"""Report parameters: validated before anything runs, with messages that name the parameter."""

import subprocess
import sys

import pytest

from helpers.paths import PROJECT_ROOT
from helpers.report import ReportParams, params_from_cli, validate_params


def test_defaults_are_valid():
    params = validate_params({})
    assert params.formats == ("html",) and params.min_origins == 1 and not params.include_planned


@pytest.mark.parametrize(("values", "named"), [
    pytest.param({"focus_countries": ("XXX",)}, "focus_countries", id="unknown-iso3"),
    pytest.param({"period_start": "2024-13-01"}, "period_start", id="month-13"),
    pytest.param({"period_end": "2024-02-30"}, "period_end", id="february-30"),
    pytest.param({"period_start": "2024-05-01", "period_end": "2024-04-01"}, "period_end", id="end-before-start"),
    pytest.param({"min_origins": 0}, "min_origins", id="min-origins-zero"),
    pytest.param({"min_origins": "2"}, "min_origins", id="min-origins-string"),
    pytest.param({"include_planned": "yes"}, "include_planned", id="planned-not-bool"),
    pytest.param({"formats": ("html", "docx")}, "formats", id="unknown-format"),
    pytest.param({"languages": ("en", "xx")}, "languages", id="unknown-language"),
    pytest.param({"focus": ("MLI",)}, "focus", id="unknown-parameter-name"),
])
def test_bad_parameters_name_the_parameter(values, named):
    with pytest.raises(ValueError, match=f"parameter {named}"):
        validate_params(values)


def test_params_are_frozen():
    params = validate_params({})
    with pytest.raises(Exception):  # noqa: B017 - pydantic raises its own ValidationError subclass
        params.title = "x"  # type: ignore[misc]


def test_cli_strings_map_onto_the_model():
    params = params_from_cli({"focus_countries": "mli, NER", "period_start": "2024-01-01", "include_planned": "yes",
                              "min_origins": "2", "formats": "html,pdf"})
    assert params == ReportParams(focus_countries=("MLI", "NER"), period_start="2024-01-01", include_planned=True,
                                  min_origins=2, formats=("html", "pdf"))


@pytest.mark.parametrize(("args", "named"), [
    pytest.param(["--focus", "XXX"], "focus_countries", id="focus"),
    pytest.param(["--from", "2024-13-01"], "period_start", id="from"),
    pytest.param(["--planned", "maybe"], "include_planned", id="planned"),
])
def test_cli_fails_before_execution(args, named, tmp_path):
    result = subprocess.run([sys.executable, "-m", "helpers", "report", "--out", str(tmp_path), *args],
                            capture_output=True, text=True, cwd=PROJECT_ROOT, check=False)
    assert result.returncode == 2
    assert f"parameter {named}" in result.stderr
    assert not (tmp_path / "tables").exists()  # nothing ran


def test_cli_rejects_unknown_option():
    result = subprocess.run([sys.executable, "-m", "helpers", "report", "--colour", "red"], capture_output=True,
                            text=True, cwd=PROJECT_ROOT, check=False)
    assert result.returncode == 2 and "--colour" in result.stderr


def test_cli_help_lists_every_parameter():
    result = subprocess.run([sys.executable, "-m", "helpers", "report", "--help"], capture_output=True, text=True,
                            cwd=PROJECT_ROOT, check=True)
    for option in ("--input", "--out", "--title", "--from", "--to", "--focus", "--planned", "--min-origins",
                   "--languages", "--formats"):
        assert option in result.stdout


@pytest.mark.parametrize(("assignment", "message"), [
    pytest.param("FOO=1", "unknown parameter(s): FOO", id="unknown-make-variable"),
    pytest.param("FOCUS=XXX", "parameter focus_countries", id="bad-focus"),
    pytest.param("FROM=2024-13-01", "parameter period_start", id="bad-from"),
])
def test_make_report_rejects_bad_parameters(assignment, message, tmp_path):
    result = subprocess.run(["make", "--no-print-directory", "report", assignment, f"OUT={tmp_path}"],
                            capture_output=True, text=True, cwd=PROJECT_ROOT, check=False)
    assert result.returncode != 0
    assert message in result.stderr + result.stdout


def test_notebook_runner_rejects_unknown_parameters(tmp_path):
    from helpers.report import ReportError, execute_notebook

    with pytest.raises(ReportError, match="has no parameter colour"):
        execute_notebook("03_report.ipynb", {"colour": "red"}, tmp_path)


def _tables_for_seeds(tmp_path):
    from helpers.paths import SEEDS_DIR
    from helpers.pipeline import run_tables

    run_tables(SEEDS_DIR, tmp_path)
    return tmp_path


@pytest.mark.parametrize(("values", "expected_countries"), [
    pytest.param({}, {"MLI;RUS", "NER;RUS", "COG;RUS", "BFA;MLI;NER;RUS"}, id="defaults"),
    pytest.param({"focus_countries": ("NER",)}, {"NER;RUS", "BFA;MLI;NER;RUS"}, id="focus-niger"),
    pytest.param({"period_start": "2024-01-01", "period_end": "2024-12-31"}, {"MLI;RUS", "NER;RUS", "COG;RUS"},
                 id="period-2024"),
    pytest.param({"min_origins": 2}, {"MLI;RUS", "COG;RUS"}, id="two-origins"),
    pytest.param({"languages": ("ro",)}, {"MLI;RUS", "BFA;MLI;NER;RUS"}, id="romanian-only"),
])
def test_filters(values, expected_countries, tmp_path):
    from helpers.report import load_data

    out = _tables_for_seeds(tmp_path)
    data = load_data(validate_params({"out_dir": str(out), **values}))
    assert set(data.events["countries"]) == expected_countries
    assert (data.events["status"] == "occurred").all()


def test_planned_is_shown_apart_unless_included(tmp_path):
    from helpers.report import load_data

    out = _tables_for_seeds(tmp_path)
    apart = load_data(validate_params({"out_dir": str(out)}))
    together = load_data(validate_params({"out_dir": str(out), "include_planned": True}))
    assert len(apart.planned) == 1 and "planned" not in set(apart.events["status"])
    assert "planned" in set(together.events["status"])


def test_empty_selection_gives_notes_not_errors(tmp_path):
    from helpers.report import figure, headline, load_data

    out = _tables_for_seeds(tmp_path)
    data = load_data(validate_params({"out_dir": str(out), "focus_countries": ("USA",)}))
    assert data.events.empty
    assert "nothing to chart" in figure("timeline", data).data
    assert "events" in headline(data).data


@pytest.mark.parametrize(("values", "warnings"), [
    pytest.param({}, (), id="defaults-say-nothing"),
    pytest.param({"focus_countries": ("NER",)}, (), id="focus-with-events"),
    pytest.param({"focus_countries": ("USA", "NER")}, ("FOCUS USA: no event in the tables involves USA",),
                 id="one-focus-country-without-events"),
    pytest.param({"focus_countries": ("USA",)}, ("FOCUS USA: no event in the tables involves USA",
                                                "leave none of the 9 events"), id="focus-leaves-nothing"),
    pytest.param({"period_start": "2030-01-01"}, ("leave none of the 9 events",), id="period-leaves-nothing"),
])
def test_parameters_that_select_nothing_are_said_on_the_first_page(values, warnings, tmp_path):
    from helpers.report import heading, load_data

    out = _tables_for_seeds(tmp_path)
    data = load_data(validate_params({"out_dir": str(out), **values}))
    assert len(data.filter_warnings) == len(warnings)
    for line, expected in zip(data.filter_warnings, warnings, strict=True):
        assert expected in line and expected in heading(data).data


@pytest.mark.parametrize("assignment", [
    pytest.param("TITLE=Sahel watch", id="title-with-a-space"),
    pytest.param("INPUT=data/my articles", id="path-with-a-space"),
])
def test_make_accepts_values_with_spaces(assignment):
    # `make -n` expands the recipe without running it: the value reaches the command as one argument
    result = subprocess.run(["make", "--no-print-directory", "-n", "tables" if "INPUT" in assignment else "report",
                             assignment], capture_output=True, text=True, cwd=PROJECT_ROOT, check=False)
    assert "unknown parameter" not in result.stderr, result.stderr
    assert f'"{assignment.split("=", 1)[1]}"' in result.stdout


@pytest.mark.parametrize(("args", "message"), [
    pytest.param(["--input", "/nonexistent"], "error: parameter input_dir: input_dir '/nonexistent' is not a folder",
                 id="missing-input"),
    pytest.param(["--from", "2024-05-01", "--to", "2024-01-01"],
                 "error: parameter period_end: the period ends before it starts", id="to-before-from"),
    pytest.param(["--from", "01/03/2024"], "expected a date written YYYY-MM-DD (got '01/03/2024')", id="date-format"),
])
def test_report_parameter_errors_are_one_line_each(args, message, tmp_path):
    result = subprocess.run([sys.executable, "-m", "helpers", "report", *args, "--out", str(tmp_path)],
                            capture_output=True, text=True, cwd=PROJECT_ROOT, check=False)
    assert result.returncode != 0 and message in result.stderr
    assert "pydantic.dev" not in result.stderr and "'languages'" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_each_report_parameter_is_defined_once_and_make_passes_it():
    """The field (ReportParams) holds the flag and the make variable; the CLI comes from it, and the
    Makefile's report recipe passes every variable to its flag."""
    import argparse
    import re

    from helpers.report import add_report_arguments

    parser = argparse.ArgumentParser()
    add_report_arguments(parser)
    makefile = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\nreport:", 1)[1].split("\n\n", 1)[0]
    known = re.search(r"KNOWN_VARS := (.*)", makefile).group(1).split()
    for name, field in ReportParams.model_fields.items():
        meta = field.json_schema_extra
        assert parser.get_default(name) is not None
        assert f'{meta["cli"]} "$({meta["make"]})"' in recipe, name
        assert meta["make"] in known, name
