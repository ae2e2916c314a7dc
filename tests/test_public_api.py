import types

import dyads


def test_all_is_sorted_and_complete() -> None:
    assert dyads.__all__ == sorted(dyads.__all__)
    public = {
        name
        for name, value in vars(dyads).items()
        if not name.startswith("_") and not isinstance(value, types.ModuleType)
    }
    public -= {"annotations", "dt", "Iterable", "Iterator", "TYPE_CHECKING", "Any"}
    assert public <= set(dyads.__all__)
    for name in dyads.__all__:
        assert hasattr(dyads, name)
