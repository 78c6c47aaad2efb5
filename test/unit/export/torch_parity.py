"""Runs NN Studio's exported PyTorch modules on given inputs, for pytorch.test.ts.

Usage: python3 torch_parity.py MANIFEST.json
The manifest lists cases {id, module, class, weights, inputs}; the output (stdout, JSON) maps each id to
its outputs in float32 and float64.
"""
import importlib.util
import json
import sys

import torch


def load_module(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main():
    torch.set_num_threads(1)
    with open(sys.argv[1], encoding="utf-8") as file:
        manifest = json.load(file)
    results = {}
    for case in manifest["cases"]:
        module = load_module(case["module"], "nn_export_" + case["id"])
        model_class = getattr(module, case["class"])
        outputs = {}
        for name, dtype in (("float32", torch.float32), ("float64", torch.float64)):
            model = model_class().to(dtype)
            model.load_weights(case["weights"])
            model.eval()
            with torch.no_grad():
                outputs[name] = model(torch.tensor(case["inputs"], dtype=dtype)).tolist()
        results[case["id"]] = outputs
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
