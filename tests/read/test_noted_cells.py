"""The reader's lazy cells and sources: what a table notes is made only when the checks
ask for it, and asking gives what the eager dict of Sources gave."""


from jixiao.model import CellInfo, Source, Sources
from jixiao.read.grid import Grid, NotedCells
from jixiao.xlsx.sheet import SheetCells


def _grid():
    return Grid(SheetCells("自评表", [(3, 2, "产出指标", "General"), (3, 8, 0.95, "0%")],
                           [], {"H4": ("=H3*2", False)}))


def test_noted_cells_answer_for_the_noted_cells_only():
    grid = _grid()
    cells = NotedCells()
    for place in ((grid, 3, 2), (grid, 3, 8), (grid, 4, 8), (grid, 5, 1)):
        cells.note(place)
    assert not grid._infos  # nothing made yet
    assert cells.get(Source("自评表", "H3")) == CellInfo(0.95, None, "0%", True)
    assert cells[Source("自评表", "H4")] == CellInfo(None, "=H3*2", "General", False)
    assert cells.get(Source("自评表", "A5")) == CellInfo(None)  # noted, empty
    assert len(grid._infos) == 3
    for other in (Source("自评表", "C3"), Source("别的表", "H3"), Source("自评表", "$H$3"),
                  Source("自评表", "h3")):
        assert cells.get(other) is None and other not in cells
    assert list(cells) == [Source("自评表", c) for c in ("B3", "H3", "H4", "A5")]
    assert dict(cells) == {source: grid.info(*{"B3": (3, 2), "H3": (3, 8), "H4": (4, 8),
                                               "A5": (5, 1)}[source.cell]) for source in cells}
    assert repr(cells) == repr(dict(cells))


def test_a_place_in_sources_is_the_grids_source():
    grid = _grid()
    sources = Sources(name=(grid, 3, 2))
    assert sources["name"] is grid.source(3, 2) == Source("自评表", "B3")
