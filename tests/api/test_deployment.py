"""The deployment files and the import boundaries DESIGN.md promises."""
import json
import subprocess
import sys

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
