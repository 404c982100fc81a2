"""Split invariance: the roles `agentls patterns` finds should not depend on how a program is cut into files.

Tutorials ported from Java keep one class per file in folders of scripts (no `__init__.py`),
importing siblings by bare name (`from listener import Listener`) and wiring objects together
in `main.py`. For each exhaustive tuning source of the corpus (bench/corpus/repos.json), this
copies its Python files twice into a scratch tree: once as they are, once with every module of a
script folder that holds two or more top-level classes split into one file per class (snake_case
names; each gets the module's imports it uses plus `from <sibling> import <Name>` for the other top-level
names it uses; the module keeps its functions and statements and imports every class back;
code importing those classes from it imports them from their new files, by bare name beside
it, by dotted name elsewhere, as whoever split the program would have). Modules
that do not parse or use `from x import *` are left whole. Both trees are analysed as
patterns_corpus.py does, and the sets of (symbol, pattern, role) at confidence >= 0.5 are
compared: per pattern, how many roles splitting loses and gains (`-v` lists them).
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import shutil
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from patterns_corpus import CORPUS, Source, detections, prepare  # noqa: E402

Role = tuple[str, str, str]  # (symbol, pattern, role)


def snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", name).lower()


def copy_python(src: Source, dest: Path) -> None:
    """The source's included Python files, with the same relative paths."""
    for inc in src.include:
        base = src.root / inc
        files = [base] if base.is_file() else sorted(base.rglob("*.py"))
        for f in files:
            if f.suffix == ".py" and f.is_file():
                target = dest / f.relative_to(src.root)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(f, target)


def _splittable(path: Path) -> ast.Module | None:
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    except (SyntaxError, UnicodeDecodeError, ValueError):
        return None
    if any(isinstance(n, ast.ImportFrom) and any(a.name == "*" for a in n.names) for n in ast.walk(tree)):
        return None
    if sum(isinstance(n, ast.ClassDef) for n in tree.body) < 2:
        return None
    return tree


def _top_names(tree: ast.Module) -> set[str]:
    names: set[str] = set()
    for n in tree.body:
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(n.name)
        elif isinstance(n, (ast.Assign, ast.AnnAssign)):
            for t in n.targets if isinstance(n, ast.Assign) else [n.target]:
                names |= {x.id for x in ast.walk(t) if isinstance(x, ast.Name)}
    return names


def _imports_used(imports: list[ast.stmt], names: set[str]) -> list[ast.stmt]:
    """The module's imports a class uses (and `__future__`'s), as one written alone would have."""
    out: list[ast.stmt] = []
    for n in imports:
        assert isinstance(n, (ast.Import, ast.ImportFrom))
        if isinstance(n, ast.ImportFrom) and n.module == "__future__":
            out.append(n)
            continue
        keep = [a for a in n.names if (a.asname or a.name.split(".")[0]) in names]
        if keep:
            out.append(ast.ImportFrom(n.module, keep, n.level) if isinstance(n, ast.ImportFrom) else ast.Import(keep))
    return out


def split_folder(folder: Path, level: int = 0) -> dict[tuple[str, str], str]:
    """Split the multi-class modules of one folder without `__init__.py` in place:
    {(module, class): the file it moved to}."""
    modules = {
        p.stem: t for p in sorted(folder.glob("*.py")) if p.stem != "__init__" and (t := _splittable(p)) is not None
    }
    taken = {p.stem for p in folder.glob("*.py")}
    home: dict[tuple[str, str], str] = {}  # (module, class) -> the file it moves to
    for stem, tree in modules.items():
        for n in tree.body:
            if isinstance(n, ast.ClassDef):
                file = snake(n.name)
                while file in taken:
                    file += "_cls"
                taken.add(file)
                home[(stem, n.name)] = file
    for stem, tree in modules.items():
        imports = [n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))]
        top = _top_names(tree)
        # A logger or constant needing none of the module's own names is written again in each
        # file that uses it (`logger = logging.getLogger(__name__)`), as one would on splitting.
        own = {
            n.targets[0].id: n
            for n in tree.body
            if isinstance(n, ast.Assign)
            and len(n.targets) == 1
            and isinstance(n.targets[0], ast.Name)
            and not {x.id for x in ast.walk(n.value) if isinstance(x, ast.Name)} & top
        }
        rest: list[ast.stmt] = []
        for n in tree.body:
            if not isinstance(n, ast.ClassDef):
                rest.append(n)
                continue
            names = {x.id for x in ast.walk(n) if isinstance(x, ast.Name)}
            used = names & top - {n.name}
            sibling = [
                ast.ImportFrom(module=home.get((stem, u), stem), names=[ast.alias(u)], level=level)
                for u in sorted(used - set(own))
            ]
            copied = [own[u] for u in sorted(used & set(own))]
            needed = names | {x.id for c in copied for x in ast.walk(c) if isinstance(x, ast.Name)}
            body: list[ast.stmt] = [*_imports_used(imports, needed), *sibling, *copied, n]
            (folder / f"{home[(stem, n.name)]}.py").write_text(ast.unparse(ast.Module(body, [])) + "\n")
            rest.append(ast.ImportFrom(module=home[(stem, n.name)], names=[ast.alias(n.name)], level=level))
        (folder / f"{stem}.py").write_text(ast.unparse(ast.Module(rest, [])) + "\n")
    return home


def _rewrite_importers(root: Path, moved: dict[tuple[str, str], str]) -> None:
    """Code importing a moved class from its old module imports it from its new file: by bare
    name beside it, by the dotted name (or one the package root below the source's root gives) elsewhere."""
    for p in sorted(root.rglob("*.py")):
        try:
            tree = ast.parse(p.read_text(encoding="utf-8"))
        except (SyntaxError, UnicodeDecodeError, ValueError):
            continue
        folder = ".".join(p.parent.relative_to(root).parts)
        changed = False
        body: list[ast.stmt] = []
        package = list(p.parent.relative_to(root).parts)
        for n in tree.body:
            if isinstance(n, ast.ImportFrom) and n.level and len(package) >= n.level - 1:
                # `from .kinds import Sedan` / `from ..garage.kinds import Sedan`: made absolute
                base = package[: len(package) - (n.level - 1)]
                candidates = [".".join([*base, *([n.module] if n.module else [])])]
            elif isinstance(n, ast.ImportFrom) and n.module:
                candidates = [f"{folder}.{n.module}" if folder else n.module, n.module]
                # a package root below the source's root (`project/foundation/foundation/`,
                # `src/`): the one moved module whose dotted path ends with the import
                tail = sorted({k[0] for k in moved if k[0].endswith(f".{n.module}")})
                candidates += tail[:1] if len(tail) == 1 else []
            else:
                candidates = []
            full = next((m for m in candidates if any(k[0] == m for k in moved)), None)
            if isinstance(n, ast.ImportFrom) and full is not None and any((full, a.name) in moved for a in n.names):
                changed = True
                prefix = (n.module or "").rpartition(".")[0]
                stay = [a for a in n.names if (full, a.name) not in moved]
                if stay:
                    body.append(ast.ImportFrom(module=n.module, names=stay, level=n.level))
                for a in n.names:
                    if (full, a.name) in moved:
                        new = moved[(full, a.name)]
                        module = f"{prefix}.{new}" if prefix else new
                        body.append(ast.ImportFrom(module=module, names=[a], level=n.level))
                continue
            body.append(n)
        if changed:
            p.write_text(ast.unparse(ast.Module(body, [])) + "\n")


def split_tree(root: Path, packages: bool = False) -> int:
    """Split the folders without `__init__.py` (and with `packages`, the packages too, their
    files importing each other relatively); the number of modules split."""
    moved: dict[tuple[str, str], str] = {}  # (dotted old module, class) -> its new file's stem
    for folder in sorted({p.parent for p in root.rglob("*.py")}):
        package = (folder / "__init__.py").exists()
        if packages or not package:
            dotted = ".".join(folder.relative_to(root).parts)
            for (stem, cls), file in split_folder(folder, 1 if package else 0).items():
                moved[(f"{dotted}.{stem}" if dotted else stem, cls)] = file
    _rewrite_importers(root, moved)
    return len({m for m, _ in moved})


def roles(src: Source, root: Path) -> set[Role]:
    """The roles found in a copy holding only the source's included files: an included file
    stands for its folder, where a rewrite may have put what it held (a split module's classes
    in files of their own beside it)."""
    include = list(dict.fromkeys(inc if (root / inc).is_dir() else str(Path(inc).parent) for inc in src.include))
    here = Source(src.name, src.split, src.scope, root, include)
    return {(str(d["symbol"]), str(d["pattern"]), str(d["role"])) for d in detections(here, 0.5)}


# What a rewrite of a copy of a source tells the comparison: a line about what it changed,
# and the (before, after) role sets as they should be compared (a renamed symbol mapped
# back, the roles of symbols the rewrite removed or added set aside).
Rewrite = Callable[[Path], tuple[str, Callable[[set[Role], set[Role]], tuple[set[Role], set[Role]]]]]


def compare_rewritten(rewrite: Rewrite, only: str | None, mirrors: str, verbose: bool) -> None:
    """Each exhaustive tuning source analysed as it is and as ``rewrite`` leaves a copy of it;
    per pattern the roles (confidence >= 0.5) kept, lost and gained, and with ``verbose`` each
    one lost or gained. The invariance benches (split, names, protocols) share this."""
    lost: Counter[str] = Counter()
    gained: Counter[str] = Counter()
    kept: Counter[str] = Counter()
    listing: list[str] = []
    for entry in json.loads((CORPUS / "repos.json").read_text()):
        if entry["split"] != "tuning" or entry.get("scope") == "precision":
            continue
        if only and entry["name"] != only:
            continue
        src = prepare(entry, Path(mirrors))
        with tempfile.TemporaryDirectory(dir=ROOT / "bench" / ".work") as tmp:
            whole, changed = Path(tmp) / "whole", Path(tmp) / "rewritten"
            copy_python(src, whole)
            copy_python(src, changed)
            what, adjust = rewrite(changed)
            before, after = adjust(roles(src, whole), roles(src, changed))
        print(f"{src.name}: {what}, {len(before - after)} roles lost, {len(after - before)} gained")
        for sym, pat, role in sorted(before - after):
            lost[pat] += 1
            listing.append(f"  - {src.name}: {pat} {role} {sym}")
        for sym, pat, role in sorted(after - before):
            gained[pat] += 1
            listing.append(f"  + {src.name}: {pat} {role} {sym}")
        for _, pat, _ in before & after:
            kept[pat] += 1
    print(f"\n{'pattern':24} {'kept':>5} {'lost':>5} {'gained':>6}")
    for pat in sorted(set(lost) | set(gained) | set(kept), key=lambda p: (-lost[p], p)):
        print(f"{pat:24} {kept[pat]:5} {lost[pat]:5} {gained[pat]:6}")
    print(f"{'total':24} {sum(kept.values()):5} {sum(lost.values()):5} {sum(gained.values()):6}")
    if verbose:
        print("\n".join(listing))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--verbose", "-v", action="store_true")
    parser.add_argument("--only", help="one source by name")
    parser.add_argument("--packages", action="store_true", help="split the modules of packages too")
    parser.add_argument("--mirrors", default="/work/.mirror")
    args = parser.parse_args()

    def split(root: Path) -> tuple[str, Callable[[set[Role], set[Role]], tuple[set[Role], set[Role]]]]:
        return f"{split_tree(root, args.packages)} modules split", lambda b, a: (b, a)

    compare_rewritten(split, args.only, args.mirrors, args.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
