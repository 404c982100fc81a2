"""A small module for `agentls review --verify`: one suggestion keeps its tests green, one breaks them."""


def add(a, b):
    return a + b


def scale(values, factor):
    result = []
    for value in values:
        result.append(value * factor)
    return result
