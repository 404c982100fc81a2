from calc.ops import add, scale


def test_add() -> None:
    assert add(2, 3) == 5


def test_scale() -> None:
    assert scale([1, 2], 3) == [3, 6]
