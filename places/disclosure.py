"""Which published counts the public must not see: small counts and the cells that would give them away.

A count under 5 is hidden (primary suppression). That alone is not enough when a total is published
beside the other parts: the hidden count is the total minus the rest. So every "line" of cells that
add up to a published total (an area's groups adding up to its residents, a ward's neighbourhoods
adding up to the ward, Walsall's wards adding up to Walsall in a month) that holds a hidden cell
must hold enough of them (secondary, or complementary, suppression) that the subtraction gives only
their sum, from which no single one can be worked out, even knowing that a cell shown as "fewer than
5" is 0 to 4 and one shown as "not shown" is 5 or more (two cells of 4 hidden together would still
give themselves away by a sum of 8). The next smallest cell of the line is hidden first; hiding one
cell can call for another in a line that crosses it, so the lines are checked again until none
changes. Each line is checked on its own; the lines together are not solved as one system.

Pure Python, no database: the callers pass the counts and the lines.
"""

import math

from .selectors import SMALL_NUMBER

__all__ = ["Line", "hidden_cells"]


class Line:
    """Cells whose counts add up to ``total`` (a cell too; it may be ``None`` if the total is not published)."""

    def __init__(self, total, parts):
        self.total = total
        self.parts = list(parts)

    @property
    def cells(self):
        return [*self.parts] if self.total is None else [self.total, *self.parts]


def _bounds(count, threshold):
    """What the public knows of a hidden cell: "Fewer than 5" is 0 to 4, "Not shown" is 5 or more."""
    return (0, threshold - 1) if count < threshold else (threshold, math.inf)


def _safe(line, hidden, counts, threshold):
    """True when no hidden cell of the line can be worked out exactly from the line's shown cells.

    The line says total − Σ parts = 0, so the hidden cells satisfy Σ sign × cell = known. A hidden
    cell is given away when that equation and the other hidden cells' bounds leave it one value.
    """
    signed = [(cell, -1 if cell == line.total else 1) for cell in line.cells if cell in hidden]
    if not signed:
        return True
    known = sum(sign * counts[cell] for cell, sign in signed)
    bounds = {cell: _bounds(counts[cell], threshold) for cell, _sign in signed}
    for cell, sign in signed:
        rest_low = sum(bounds[o][0] if s > 0 else -bounds[o][1] for o, s in signed if o != cell)
        rest_high = sum(bounds[o][1] if s > 0 else -bounds[o][0] for o, s in signed if o != cell)
        # sign × cell = known − rest
        low, high = (known - rest_high, known - rest_low) if sign > 0 else (rest_low - known, rest_high - known)
        low, high = max(low, bounds[cell][0]), min(high, bounds[cell][1])
        if low >= high:
            return False
    return True


def _next_cell(line, hidden, counts):
    """The smallest part still shown (the total only when every part is hidden); None if nothing is left."""
    candidates = sorted((counts[cell], str(cell), cell) for cell in line.parts if cell not in hidden)
    if candidates:
        return candidates[0][2]
    if line.total is not None and line.total not in hidden:
        return line.total
    return None


def hidden_cells(counts, lines, *, threshold=SMALL_NUMBER):
    """The cells to hide from the public: counts under ``threshold`` and their complements.

    ``counts`` maps every cell (any hashable key) to its count; ``lines`` are the ``Line``s of cells
    the public could add up. A cell in no line is hidden only when it is small.
    """
    hidden = {cell for cell, count in counts.items() if count < threshold}
    changed = True
    while changed:
        changed = False
        for line in lines:
            while not _safe(line, hidden, counts, threshold):
                cell = _next_cell(line, hidden, counts)
                if cell is None:
                    break
                hidden.add(cell)
                changed = True
    return hidden
