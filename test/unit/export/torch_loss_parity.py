"""Runs the loss of an exported PyTorch module's training snippet, for lossParity.test.ts.

Usage: python3 torch_loss_parity.py MANIFEST.json
The manifest lists cases {id, module, class, weights, inputs, targets}. For each, the script reads the
commented lines `loss_fn = ...` and `loss = loss_fn(..., t)` from the module, evaluates them in float64 on
the inputs and targets, and prints (JSON) the loss and the gradient of every nn.Linear's weight and bias.
"""
import importlib.util
import json
import re
import sys

import torch
from torch import nn

LOSS_FN = re.compile(r"^#\s+loss_fn = (.*?)(?:  # .*)?$", re.M)
LOSS_CALL = re.compile(r"^#\s+loss = loss_fn\((.*), t\)$", re.M)


def load_module(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_case(case):
    module = load_module(case["module"], "nn_loss_" + case["id"])
    with open(case["module"], encoding="utf-8") as file:
        source = file.read()
    construct = LOSS_FN.search(source).group(1)
    reads = LOSS_CALL.search(source).group(1)
    model = getattr(module, case["class"])().to(torch.float64)
    model.load_weights(case["weights"])
    model.eval()
    x = torch.tensor(case["inputs"], dtype=torch.float64)
    t = torch.tensor(case["targets"], dtype=torch.float64)
    scope = {"torch": torch, "nn": nn, "model": model, "x": x}
    loss_fn = eval(construct, scope)
    loss = loss_fn(eval(reads, scope), t)
    loss.backward()
    grads = []
    for layer in model.modules():
        if isinstance(layer, nn.Linear):
            grads.append({"W": layer.weight.grad.flatten().tolist(), "b": layer.bias.grad.tolist()})
    return {"construct": construct, "reads": reads, "loss": loss.item(), "grads": grads}


def main():
    torch.set_num_threads(1)
    with open(sys.argv[1], encoding="utf-8") as file:
        manifest = json.load(file)
    json.dump({case["id"]: run_case(case) for case in manifest["cases"]}, sys.stdout)


if __name__ == "__main__":
    main()
