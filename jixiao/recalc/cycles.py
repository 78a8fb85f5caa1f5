"""Circular references in a formulas model (the strongly connected parts of its graph),
and the cells that depend on a cell not computed."""

from __future__ import annotations

from typing import Any

from formulas.cell import InvRangesAssembler
from formulas.excel import ExcelModel


def dependencies(model: ExcelModel) -> dict[Any, Any]:
    """The model's graph without the edges that split a range back into its cells
    (InvRangesAssembler): those make every range look circular. formulas' own
    solve_circular leaves them out the same way."""
    nodes = model.dsp.function_nodes
    skip = {key for key, node in nodes.items() if isinstance(node["function"], InvRangesAssembler)}
    return {node: [successor for successor in successors if successor not in skip]
            for node, successors in model.dsp.dmap.succ.items() if node not in skip}


def cycles(graph: dict[Any, dict[Any, Any]]) -> list[list[Any]]:
    """Strongly connected components with a cycle (Tarjan, without recursion)."""
    index: dict[Any, int] = {}
    low: dict[Any, int] = {}
    on_stack: set[Any] = set()
    stack: list[Any] = []
    found: list[list[Any]] = []
    counter = 0
    for start in graph:
        if start in index:
            continue
        work = [(start, iter(graph.get(start, ())))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, successors = work[-1]
            advanced = False
            for successor in successors:
                if successor not in index:
                    index[successor] = low[successor] = counter
                    counter += 1
                    stack.append(successor)
                    on_stack.add(successor)
                    work.append((successor, iter(graph.get(successor, ()))))
                    advanced = True
                    break
                if successor in on_stack:
                    low[node] = min(low[node], index[successor])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1 or node in graph.get(node, ()):
                    found.append(component)
    return found


def downstream(graph: dict[Any, Any], origins: dict[Any, Any]) -> dict[Any, Any]:
    """Every node reached from a node of ``origins`` (node → what it stands for), with
    the origin it was first reached from; the origins themselves left out."""
    reached: dict[Any, Any] = {}
    for origin, label in origins.items():
        work = [origin]
        while work:
            for successor in graph.get(work.pop(), ()):
                if successor not in reached and successor not in origins:
                    reached[successor] = label
                    work.append(successor)
    return reached


__all__ = ["cycles", "dependencies", "downstream"]
