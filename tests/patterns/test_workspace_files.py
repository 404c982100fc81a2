"""Which files the background index reads: the gitignore subset, excludes, limits, git mode."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from agentls.patterns.analysis import module_name_in
from agentls.patterns.files import FolderScope, compile_rule


def _tree(root: Path, files: list[str]) -> None:
    for rel in files:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x = 1\n")


def _listed(scope: FolderScope, limit: int = 1000) -> list[str]:
    files, _ = scope.list_files(limit, use_git=False)
    return [str(Path(f).relative_to(scope.root)).replace("\\", "/") for f in files]


@pytest.mark.parametrize(("pattern", "rel", "is_dir", "matches"), [
    ("build/", "build", True, True),
    ("build/", "build", False, False),  # folders only
    ("*.gen.py", "a/b/x.gen.py", False, True),  # no slash: a name at any depth
    ("/top.py", "top.py", False, True),
    ("/top.py", "sub/top.py", False, False),  # anchored
    ("docs/*.py", "docs/conf.py", False, True),
    ("docs/*.py", "docs/sub/conf.py", False, False),  # * stays within a component
    ("**/migrations", "app/migrations", True, True),
    ("**/migrations", "migrations", True, True),
    ("a/**/b.py", "a/x/y/b.py", False, True),
    ("a/**/b.py", "a/b.py", False, True),
    ("gen/**", "gen/x/y.py", False, True),
    ("mod?.py", "mod1.py", False, True),
    ("mod[0-2].py", "mod3.py", False, False),
    ("mod[!0-2].py", "mod3.py", False, True),
    ("\\#x.py", "#x.py", False, True),
])
def test_gitignore_patterns(pattern: str, rel: str, is_dir: bool, matches: bool) -> None:
    rule = compile_rule(pattern)
    assert rule is not None
    assert rule.matches(rel, is_dir) is matches


def test_comments_and_blank_lines_are_no_rules() -> None:
    assert compile_rule("# comment") is None
    assert compile_rule("   ") is None
    assert compile_rule("/") is None


def test_walk_skips_hidden_virtualenvs_ignored_and_excluded(tmp_path: Path) -> None:
    _tree(tmp_path, ["a.py", "pkg/b.py", "pkg/gen_c.py", ".hidden/d.py", ".venv/e.py", "venv/f.py",
                     "node_modules/g.py", "pkg/__pycache__/h.py", "build/i.py", "pkg/keep/j.py",
                     "pkg/sub/k.py", "notes.txt", "migrations/0001.py", "app/migrations/0002.py"])
    (tmp_path / ".gitignore").write_text("build/\n*.txt\npkg/gen_*.py\n")
    (tmp_path / "pkg" / ".gitignore").write_text("sub/\n")
    scope = FolderScope(str(tmp_path), exclude=["migrations"])
    assert _listed(scope) == ["a.py", "pkg/b.py", "pkg/keep/j.py"]
    assert scope.contains(str(tmp_path / "pkg" / "b.py"))
    assert not scope.contains(str(tmp_path / "pkg" / "sub" / "k.py"))  # nested .gitignore
    assert not scope.contains(str(tmp_path / "build" / "i.py"))
    assert not scope.contains(str(tmp_path / "app" / "migrations" / "0002.py"))
    assert not scope.contains(str(tmp_path / ".venv" / "e.py"))
    assert not scope.contains(str(tmp_path.parent / "elsewhere.py"))


def test_negation_reincludes_but_not_inside_an_ignored_folder(tmp_path: Path) -> None:
    _tree(tmp_path, ["gen_a.py", "gen_keep.py", "out/keep.py"])
    (tmp_path / ".gitignore").write_text("gen_*.py\n!gen_keep.py\nout/\n!out/keep.py\n")
    assert _listed(FolderScope(str(tmp_path))) == ["gen_keep.py"]


def test_the_limit_stops_the_walk(tmp_path: Path) -> None:
    _tree(tmp_path, [f"m{i}.py" for i in range(10)])
    files, more = FolderScope(str(tmp_path)).list_files(4, use_git=False)
    assert len(files) == 4 and more
    files, more = FolderScope(str(tmp_path)).list_files(10, use_git=False)
    assert len(files) == 10 and not more


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_git_work_tree_uses_git_ls_files(tmp_path: Path) -> None:
    _tree(tmp_path, ["a.py", "ignored/b.py", "untracked.py", "venv/c.py", "gone.py"])
    (tmp_path / ".gitignore").write_text("ignored/\n")
    git = ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@t"]
    if subprocess.run([*git, "init", "-q"], check=False).returncode != 0:
        pytest.skip("git init failed")
    subprocess.run([*git, "add", "a.py", "gone.py", ".gitignore", "venv/c.py"], check=True)
    (tmp_path / "gone.py").unlink()  # tracked, deleted in the work tree
    files, more = FolderScope(str(tmp_path)).list_files(100)
    assert sorted(Path(f).name for f in files) == ["a.py", "untracked.py"] and not more


def test_module_names_are_the_cli_names(tmp_path: Path) -> None:
    _tree(tmp_path, ["app/domain/model.py", "src/lib/__init__.py", "src/lib/core.py"])
    assert module_name_in(str(tmp_path / "app/domain/model.py"), "app/domain/model.py") == "app.domain.model"
    assert module_name_in(str(tmp_path / "src/lib/core.py"), "src/lib/core.py") == "lib.core"
