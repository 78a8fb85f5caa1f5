"""``model.Sources``: a place stored by a reader is made into its Source only when read,
and every way of reading the mapping gives Sources, as a plain dict of them would."""

import copy
import pickle

from jixiao.model import Source, Sources


class _Sheet:
    """Stands for a reader's grid: ``source(row, column)`` makes the Source."""

    name = "表"

    def __init__(self):
        self.made = 0

    def source(self, row, column):
        self.made += 1
        return Source(self.name, f"{'ABCDEFGH'[column - 1]}{row}")


def _sources():
    sheet = _Sheet()
    sources = Sources()
    sources["target"] = (sheet, 5, 3)
    sources["weight"] = Source("表", "G5")
    return sheet, sources


def test_a_place_is_made_when_first_read_and_once():
    sheet, sources = _sources()
    assert "target" in sources and len(sources) == 2 and sheet.made == 0
    assert sources["target"] == Source("表", "C5")
    assert sources.get("target") is sources["target"] and sheet.made == 1
    assert sources.get("missing") is None and sources.get("missing", 1) == 1


def test_every_way_of_reading_gives_sources():
    expected = {"target": Source("表", "C5"), "weight": Source("表", "G5")}
    for read in (lambda s: dict(s), lambda s: {**s}, lambda s: dict(s.items()),
                 lambda s: dict(zip(s, s.values(), strict=True)), lambda s: s.copy(),
                 copy.copy, copy.deepcopy, lambda s: pickle.loads(pickle.dumps(s))):
        assert dict(read(_sources()[1])) == expected
        assert all(type(value) is Source for value in dict.values(read(_sources()[1])))
    _, sources = _sources()
    assert sources == expected and not sources != expected and sources != {}
    assert repr(sources) == repr(expected)
    _, sources = _sources()
    assert sources.pop("target") == Source("表", "C5") and list(sources) == ["weight"]
    _, sources = _sources()
    assert sources.setdefault("target", None) == Source("表", "C5")
    assert sources.setdefault("name", (_Sheet(), 1, 1)) == Source("表", "A1")
