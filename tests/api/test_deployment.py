"""The deployment files and the import boundaries DESIGN.md promises."""
import json
import shutil
import subprocess
import sys

import pytest
import yaml

from tests.documents import ROOT


def test_api_imports_no_worker_or_stage_code():
    # The API image installs none of the stage libraries, so the API must not import them.
    code = ("import sys; from services.api import create_app; create_app(); "
            "import json; print(json.dumps(sorted(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True, env={"PATH": "", "REDIS_URL": "redis://127.0.0.1:1/0"})
    modules = json.loads(out.stdout)
    banned = ("workers", "trafilatura", "ftfy", "pypdfium2", "docx", "lxml", "charset_normalizer")
    assert [m for m in modules if m.split(".")[0] in banned] == []


def test_stages_import_nothing_of_the_glue():
    code = ("import sys, workers.stages.cleaning, workers.stages.quotes, workers.stages.summary; "
            "import json; print(json.dumps(sorted(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    modules = json.loads(out.stdout)
    assert [m for m in modules if m.split(".")[0] in ("celery", "flask", "redis", "services")] == []


@pytest.mark.skipif(shutil.which("docker-compose") is None, reason="`make test` installs docker-compose")
def test_compose_file_is_valid_and_workers_scale():
    out = subprocess.run(["docker-compose", "-f", str(ROOT / "docker-compose.yml"), "config"],
                         cwd=ROOT, capture_output=True, text=True, check=True).stdout
    config = yaml.safe_load(out)
    worker = config["services"]["worker"]
    # `--scale worker=N` needs a worker with no fixed name or published port.
    assert "container_name" not in worker and "ports" not in worker
    assert worker["environment"]["REDIS_URL"] == config["services"]["api"]["environment"]["REDIS_URL"]
    assert "noeviction" in config["services"]["redis"]["command"]
