"""Reads exported files without running them, for escape.test.ts.

Usage: python3 generated_check.py MANIFEST.json
The manifest is a JSON list of {"path", "kind"} with kind "py" or "onnx". Prints one JSON list with, per
file: whether it compiles (py_compile) or loads and passes the checker (onnx), and what it holds.
"""
import ast
import collections
import json
import os
import py_compile
import sys


def describe(node):
    """A statement as TYPE or TYPE:NAME, the way the test compares module layouts."""
    kind = type(node).__name__
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return f"{kind}:{node.name}"
    if isinstance(node, ast.Import):
        return f"{kind}:" + ",".join(alias.name for alias in node.names)
    if isinstance(node, ast.ImportFrom):
        return f"{kind}:{node.module}:" + ",".join(alias.name for alias in node.names)
    if isinstance(node, ast.Assign):
        return f"{kind}:" + ",".join(ast.unparse(target) for target in node.targets)
    if isinstance(node, ast.Expr):
        value = node.value
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            return f"{kind}:str"
        return f"{kind}:{type(value).__name__}"
    return kind


def check_python(path):
    result = {"path": path}
    try:
        py_compile.compile(path, cfile=path + "c", doraise=True)
    except py_compile.PyCompileError as error:
        result["error"] = str(error)
        return result
    with open(path, "rb") as file:
        tree = ast.parse(file.read())
    result["top"] = [describe(node) for node in tree.body]
    result["classes"] = {node.name: [describe(member) for member in node.body] for node in tree.body if isinstance(node, ast.ClassDef)}
    result["classDocs"] = {node.name: ast.get_docstring(node, clean=False) for node in tree.body if isinstance(node, ast.ClassDef)}
    result["histogram"] = dict(collections.Counter(type(node).__name__ for node in ast.walk(tree)))
    result["docstring"] = ast.get_docstring(tree, clean=False)
    constants = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            try:
                constants[node.targets[0].id] = ast.literal_eval(node.value)
            except ValueError:
                pass
    result["constants"] = constants
    return result


def check_onnx(path):
    import onnx

    result = {"path": path}
    try:
        model = onnx.load(path)
        onnx.checker.check_model(model, full_check=True)
    except Exception as error:  # a decode error or any checker error means "invalid"
        result["error"] = str(error)
        return result
    graph = model.graph
    result["docs"] = [model.doc_string] + [node.doc_string for node in graph.node] + [t.doc_string for t in graph.initializer]
    result["names"] = [graph.name] + [node.name for node in graph.node] + [t.name for t in graph.initializer]
    result["metadata"] = {entry.key: entry.value for entry in model.metadata_props}
    return result


def main():
    with open(sys.argv[1], encoding="utf-8") as file:
        manifest = json.load(file)
    checks = {"py": check_python, "onnx": check_onnx}
    print(json.dumps([checks[entry["kind"]](entry["path"]) for entry in manifest]))


if __name__ == "__main__":
    sys.dont_write_bytecode = True
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    main()
