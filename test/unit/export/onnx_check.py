"""Runs the ONNX checker on exported models, for onnx.test.ts.

Usage: python3 onnx_check.py MODEL.onnx...
Prints one JSON line per model: {"path", "ok", "error", "opset", "ir_version"}.
"""
import json
import sys

import onnx


def main():
    for path in sys.argv[1:]:
        result = {"path": path, "ok": True, "error": None}
        try:
            model = onnx.load(path)
            onnx.checker.check_model(model, full_check=True)
            result["opset"] = [entry.version for entry in model.opset_import if entry.domain in ("", "ai.onnx")][0]
            result["ir_version"] = model.ir_version
        except Exception as error:  # the checker raises several kinds; all mean "invalid"
            result["ok"] = False
            result["error"] = str(error)
        print(json.dumps(result))


if __name__ == "__main__":
    main()
