"""The apps depend on each other one way, as the README's layout says: each imports only
from the apps before it in LAYERS."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Each app, with the apps it may import from.
LAYERS = {
    "core": set(),
    "audit": {"core"},
    "accounts": {"core", "audit"},
    "cases": {"core", "audit", "accounts"},
    "reports": {"core", "audit", "accounts", "cases"},
    "webhooks": {"core", "audit", "accounts", "cases", "reports"},
    "exchange": {"core", "audit", "accounts", "cases"},
    "msmt": {"core", "audit", "accounts", "cases", "reports", "webhooks", "exchange"},
}
EXCEPTIONS = {
    # The audit trail listens for changes to organisations, which decide what members read.
    ("audit/signals.py", "cases"),
    # The trail names its actors' type, the accounts' user model (for its types only: at
    # run time it is Django's get_user_model()).
    ("audit/signals.py", "accounts"),
    ("audit/trail.py", "accounts"),
    # Who may see what is decided in one module, reports included (it names the report
    # model by its label at run time, and imports it for its types only).
    ("cases/visibility.py", "reports"),
}


def imported_apps(path: Path) -> set[str]:
    apps = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        apps |= {name.split(".")[0] for name in names} & set(LAYERS)
    return apps


def modules():
    for app in LAYERS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in path.parts:
                yield app, path


@pytest.mark.parametrize(
    ("app", "path"), list(modules()), ids=lambda value: str(value).removeprefix(f"{ROOT}/")
)
def test_an_app_imports_only_from_the_apps_it_builds_on(app, path):
    module = str(path.relative_to(ROOT))
    imported = imported_apps(path) - {app}
    wrong = {other for other in imported - LAYERS[app] if (module, other) not in EXCEPTIONS}
    assert not wrong, f"{module} imports from {', '.join(sorted(wrong))}"


def test_the_check_sees_imports_inside_functions(tmp_path):
    module = tmp_path / "module.py"
    module.write_text("def f():\n    from reports import demo\n")
    assert imported_apps(module) == {"reports"}
