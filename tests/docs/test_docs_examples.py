"""Every example of the documentation site runs, as written.

Fenced blocks are read from docs/**/*.md in the site's navigation order:
- a block titled with a file name (```python title="hello.py"```) is a file the reader
  saves: it is written to the working directory (an `--8<-- "examples/x.py"` include is the
  repository's own file, which is there already); every python block is such a file, and
  each one is run by a `sh` block (`lodestar execute -f`, `lodestar up -f`, `python`);
- `sh` blocks are pasted in order into one bash shell, against a real `lodestar`;
- a `yaml` block titled `lodestar.yaml` or `workspace.yaml` goes through the real parser;
- the set-up commands (`sh title="set-up"`) are the README's two, which its tests run.
"""

from __future__ import annotations

import inspect
import re
import shutil
from pathlib import Path

import pytest
import yaml
from helpers.tutorial_shell import run_shell_blocks, set_up_commands

import control_plane.instance
import user_code_server
from control_plane.instance import load_config
from control_plane.workspace import load_workspace

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
FENCE = re.compile(r"^```(\w+)([^\n]*)\n(.*?)^```", re.MULTILINE | re.DOTALL)
TITLE = re.compile(r'title="([^"]+)"')
INCLUDE = re.compile(r'^--8<-- "([^"]+)"\s*$')
SITE_TIMEOUT_S = 300


def _pages() -> list[Path]:
    """The pages in navigation order (mkdocs.yml), then any page not in it."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text())
    in_nav = re.findall(r"([\w/-]+\.md)", str(config["nav"]))
    return [DOCS / page for page in in_nav if (DOCS / page).exists()] + sorted(
        p for p in DOCS.rglob("*.md") if str(p.relative_to(DOCS)) not in in_nav
    )


def _blocks() -> list[tuple[str, str | None, str, str]]:
    """(language, title, text, page) of every fenced block of the site."""
    found = []
    for page in _pages():
        for language, attrs, text in FENCE.findall(page.read_text()):
            title = TITLE.search(attrs)
            found.append((language, title and title.group(1), text, page.name))
    return found


BLOCKS = _blocks()


def _save_files(workdir: Path) -> None:
    """What a reader has: the repository's examples, and the files the pages name."""
    shutil.copytree(ROOT / "examples", workdir / "examples")
    for _, title, text, _ in BLOCKS:
        if title not in (None, "set-up", "lodestar.yaml") and not INCLUDE.match(text.strip()):
            (workdir / title).write_text(text)


def test_every_python_block_is_a_file_that_a_command_runs():
    commands = "\n".join(text for language, _, text, _ in BLOCKS if language == "sh")
    for language, title, _, page in BLOCKS:
        if language == "python":
            assert title, f"{page}: a python block without a file name (title=...)"
            assert re.search(rf"(-f|python) {re.escape(title)}\b", commands), (
                f"{page}: no command runs {title}"
            )


def test_the_set_up_commands_are_the_readmes():
    set_up = [text for language, title, text, _ in BLOCKS if title == "set-up"]
    assert set_up == set_up_commands()


def test_the_api_reference_lists_every_public_name():
    api = (DOCS / "reference" / "api.md").read_text()
    listed = set(re.findall(r"^::: [\w.]+\.(\w+)$", api, re.MULTILINE))
    assert listed == set(user_code_server.__all__)


CONFIG_FILES = [
    (title, text) for _, title, text, _ in BLOCKS if title in ("lodestar.yaml", "workspace.yaml")
]


@pytest.mark.parametrize(("title", "text"), CONFIG_FILES)
def test_config_files_pass_the_real_parsers(tmp_path, monkeypatch, title, text):
    if "postgres:" in text and "postgres" not in inspect.getsource(control_plane.instance):
        pytest.skip("PostgreSQL storage is not in this build yet")
    for variable in re.findall(r"\{env: (\w+)\}", text):
        monkeypatch.setenv(variable, "set-by-the-deployment")
    _save_files(tmp_path)  # the files a workspace names
    (tmp_path / title).write_text(text)
    if title == "lodestar.yaml":
        load_config(tmp_path)
    else:
        load_workspace(str(tmp_path / title))


def test_the_sites_commands_run_as_written(tmp_path):
    _save_files(tmp_path)
    commands = [text for language, title, text, _ in BLOCKS if language == "sh" and not title]
    done = run_shell_blocks(tmp_path, commands, SITE_TIMEOUT_S)
    assert done.returncode == 0, f"stdout:\n{done.stdout}\nstderr:\n{done.stderr}"
    out = done.stdout
    assert "succeeded 31, failed 0" in out  # the backfill of January
    assert "└── warehouse/users" in out  # the lineage
