"""Runs several exported train.py files in one Python process (torch imports once), for the trainer tests.

python run_trainers.py MANIFEST.json: the manifest lists {"dir": ..., "args": [...]}; prints one JSON object
per entry, {"dir", "lines"} with the JSON lines train.py printed, or {"dir", "error"}.
"""
import contextlib
import io
import json
import runpy
import sys
import traceback

results = []
with open(sys.argv[1], encoding="utf-8") as file:
    manifest = json.load(file)
for entry in manifest:
    sys.modules.pop("model", None)
    sys.argv = ["train.py", *entry["args"]]
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            try:
                runpy.run_path(entry["dir"] + "/train.py", run_name="__main__")
            except SystemExit as exit_:
                if exit_.code not in (0, None, 1):
                    raise
        results.append({"dir": entry["dir"], "lines": [json.loads(line) for line in out.getvalue().splitlines() if line.startswith("{")]})
    except Exception:
        results.append({"dir": entry["dir"], "error": traceback.format_exc()})
    sys.path = [p for p in sys.path if p != entry["dir"]]
print(json.dumps(results))
