"""The compose stack: valid with whichever Compose is installed, every setting reaching the
containers, Flower behind a profile and a password, images that run as a non-root user."""
import inspect
import re
import shutil
import subprocess

import pytest
import yaml

from services.common.settings import Settings
from tests.conftest import ROOT


def compose_command() -> list[str] | None:
    """`docker compose` (v2) when its plugin answers, else `docker-compose` (v1), else None."""
    if shutil.which("docker") and subprocess.run(["docker", "compose", "version"],
                                                 capture_output=True).returncode == 0:
        return ["docker", "compose"]
    return ["docker-compose"] if shutil.which("docker-compose") else None


def setting_names() -> set[str]:
    """Every variable Settings reads, and every one the README's settings table lists."""
    from_code = set(re.findall(r'"([A-Z][A-Z0-9_]{2,})"', inspect.getsource(Settings.from_env)))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Settings", 1)[1].split("\n## ", 1)[0]
    from_readme = set(re.findall(r"^\| `([A-Z][A-Z0-9_]+)` \|", table, re.MULTILINE))
    assert from_readme, "the README's settings table was not found"
    return from_code | from_readme


@pytest.fixture(scope="module")
def config() -> dict:
    command = compose_command()
    if command is None:
        pytest.skip("neither `docker compose` nor `docker-compose` is installed (`make test` "
                    "installs docker-compose as root)")
    out = subprocess.run([*command, "-f", str(ROOT / "docker-compose.yml"), "--profile", "monitoring",
                          "config"], cwd=ROOT, capture_output=True, text=True, check=True,
                         env={"PATH": "/usr/bin:/bin:/usr/local/bin", "FLOWER_BASIC_AUTH": "ops:secret"})
    return yaml.safe_load(out.stdout)


def test_workers_scale_and_share_the_api_s_redis(config):
    worker = config["services"]["worker"]
    # `--scale worker=N` needs a worker with no fixed name or published port.
    assert "container_name" not in worker and "ports" not in worker
    assert worker["environment"]["REDIS_URL"] == config["services"]["api"]["environment"]["REDIS_URL"]
    assert "noeviction" in config["services"]["redis"]["command"]


def test_every_setting_reaches_the_api_and_the_workers(config):
    names = setting_names()
    assert {"REDIS_URL", "WEBHOOK_SECRET", "MAX_QUEUED_JOBS"} <= names
    for service in ("api", "worker"):
        missing = names - set(config["services"][service]["environment"])
        assert not missing, f"{service} lacks {sorted(missing)}"


def test_env_example_documents_every_setting():
    text = (ROOT / ".env.example").read_text(encoding="utf-8")
    documented = set(re.findall(r"^([A-Z][A-Z0-9_]+)=", text, re.MULTILINE))
    assert setting_names() - {"REDIS_URL"} <= documented  # compose fixes REDIS_URL itself
    assert "FLOWER_BASIC_AUTH" in documented


def test_flower_is_monitoring_only_with_basic_auth_from_the_environment(config):
    flower = config["services"]["flower"]
    assert flower["environment"]["FLOWER_BASIC_AUTH"] == "ops:secret"
    assert _targets(flower) == [5555]
    raw = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    assert raw["services"]["flower"]["profiles"] == ["monitoring"]
    assert all("profiles" not in raw["services"][s] for s in ("redis", "api", "worker"))


def _targets(service: dict) -> list[int]:
    """Container ports: v2 writes {"target": 5555, ...}, v1 "127.0.0.1:5555:5555/tcp"."""
    return [int(p["target"]) if isinstance(p, dict) else int(p.split("/")[0].rsplit(":", 1)[-1])
            for p in service.get("ports", [])]


def test_every_image_runs_as_a_non_root_user():
    stages = re.split(r"^FROM ", (ROOT / "Dockerfile").read_text(encoding="utf-8"), flags=re.MULTILINE)[1:]
    targets = {s.split()[2]: s for s in stages if " AS " in s.split("\n", 1)[0]}
    for name in ("api", "worker", "flower"):
        users = re.findall(r"^USER (\S+)", targets[name], re.MULTILINE)
        assert users and users[-1] not in ("root", "0"), name
