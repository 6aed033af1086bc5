"""pyproject.toml, requirements.lock and environment.yml describe the same pinned set."""

import re
import sys

import yaml

from helpers.paths import PROJECT_ROOT

sys.path.insert(0, str(PROJECT_ROOT / "scripts"))
import sync_environment


def test_every_direct_dependency_is_locked():
    pins = sync_environment.locked_versions()
    missing = [n for n in sync_environment.direct_dependencies() if n not in pins]
    assert missing == []


def test_lock_pins_every_line_exactly():
    lines = [x for x in (PROJECT_ROOT / "requirements.lock").read_text().splitlines() if x and not x.startswith("#")]
    assert lines and all(re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[^=\s]+", x) for x in lines)


def test_environment_yml_matches_pyproject_and_lock():
    assert (PROJECT_ROOT / "environment.yml").read_text() == sync_environment.render()


def test_environment_yml_is_a_valid_conda_environment():
    env = yaml.safe_load((PROJECT_ROOT / "environment.yml").read_text())
    assert env["name"] and "conda-forge" in env["channels"]
    assert "python=3.11" in env["dependencies"]
    pip_section = next(d for d in env["dependencies"] if isinstance(d, dict))["pip"]
    pins = sync_environment.locked_versions()
    for line in pip_section:
        name, version = line.split("==")
        assert pins[name] == version


def test_python_is_pinned_to_3_11():
    text = (PROJECT_ROOT / "pyproject.toml").read_text()
    assert 'requires-python = ">=3.11,<3.12"' in text
    assert sys.version_info[:2] == (3, 11)
