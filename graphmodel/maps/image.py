"""A map as a static image (SVG or PNG) for committee papers, drawn without a browser.

The same nodes, positions, shapes, colours, line patterns and shown names as
the interactive map, drawn by matplotlib with fixed settings (no dates, a fixed
hash salt for SVG ids, one font), so the same map gives the same file.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

from graphmodel.maps import folded, labels, routing, styling
from graphmodel.maps.pyvis_page import node_look
from graphmodel.maps.scene import Map
from graphmodel.problems import UsageError

if TYPE_CHECKING:   # (matplotlib loads when an image is drawn)
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.typing import LineStyleType, RcKeyType

__all__ = ["write_image", "save_figure", "legend_labels", "IMAGE_SIZE"]

IMAGE_SIZE = (1600, 900)
"""Width and height in pixels of a PNG (an SVG has the same proportions)."""
_DPI = 100
_MARKERS = {"dot": "o", "square": "s", "diamond": "D", "hexagon": "h", "triangle": "^",
            "triangleDown": "v", "star": "*"}
_FONT = "DejaVu Sans"   # ships with matplotlib: the same glyphs (and the warning sign) anywhere


def _settings() -> dict[RcKeyType, object]:
    return {"svg.hashsalt": "graphmodel", "svg.fonttype": "path", "font.family": _FONT,
            "path.simplify": False}


def _dashes(pattern: tuple[int, ...]) -> LineStyleType:
    return (0, tuple(pattern)) if pattern else "solid"


def _draw_edges(ax: Axes, m: Map, at: dict[str, tuple[float, float]]) -> None:
    from matplotlib.patches import FancyArrowPatch
    from matplotlib.path import Path as Drawn

    lines = {n.key: n.label.count("\n") + 1 for n in m.nodes if n.shape == "box"}
    for e in m.edges:
        s = e.look
        if e.curve:   # bent clear of a name: the very curve the page draws
            ax.add_patch(FancyArrowPatch(
                path=Drawn(routing.points(at[e.source], at[e.target], routing.Curve(*e.curve))),
                arrowstyle="-|>" if s.arrow else "-", mutation_scale=10, color=s.color,
                linewidth=(e.width or s.width) * 0.8, linestyle=_dashes(s.dashes), zorder=1))
            continue
        # an org chart's line runs across from the child, then up to the bottom of its box
        shape = ("angle,angleA=0,angleB=90,rad=0" if e.elbow
                 else "arc3,rad=0.2" if s.curved else "arc3")
        ax.add_patch(FancyArrowPatch(
            at[e.source], at[e.target], arrowstyle="-|>" if s.arrow else "-",
            mutation_scale=10, color=s.color, linewidth=(e.width or s.width) * 0.8,
            linestyle=_dashes(s.dashes), shrinkA=6,
            shrinkB=5 + 5.5 * lines[e.target] if e.target in lines else 8, zorder=1,
            connectionstyle=shape))


def _draw_nodes(ax: Axes, m: Map) -> None:
    for n in m.nodes:
        look = node_look(styling.node_style(n.family), styling.STATUS_STYLES.get(n.status or ""),
                         n.flagged)
        if n.shape == "box":   # an org chart: the name inside a box of the kind's colour
            ax.text(n.x, n.y, n.label, ha="center", va="center", fontsize=8, zorder=3,
                    color=styling.text_on(look["fill"]),
                    bbox={"boxstyle": "round,pad=0.3", "fc": look["fill"], "ec": look["border"],
                          "lw": min(look["width"], 3)})
            continue
        shape = "square" if n.shape == "square" else look["shape"]   # a folded map's small one
        ax.scatter([n.x], [n.y], s=(n.size * 1.1) ** 2, marker=_MARKERS.get(shape, "o"),
                   c=look["fill"], edgecolors=look["border"], linewidths=min(look["width"], 3),
                   zorder=2)
        if n.font == labels.MAJOR:   # beneath its shape, or above it where the map says
            ax.text(n.x, n.y - n.size - 4 if n.above else n.y + n.size + 4, n.label,
                    ha="center", va="bottom" if n.above else "top", fontsize=9,
                    color=styling.INK, zorder=3,
                    bbox={"boxstyle": "square,pad=0.05", "fc": "white", "ec": "none",
                          "alpha": 0.8})


def _captions(ax: Axes, m: Map) -> None:
    for x, y, text in m.captions:
        ax.text(x, y, text, ha="left", va="center", fontsize=9, fontweight="bold",
                color=styling.INK, zorder=3)


def _legend_handles(m: Map) -> list[Artist]:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles: list[Artist] = []
    boxes = {n.family for n in m.nodes if n.shape == "box"}   # an org chart's named boxes
    for key in sorted({n.family for n in m.nodes}, key=list(styling.FAMILIES).index):
        s = styling.node_style(key)
        if key in boxes:   # a box of the kind's colour, as the chart draws it
            handles.append(Patch(facecolor=s.fill, edgecolor=s.border, label=s.label))
            continue
        handles.append(Line2D([], [], linestyle="none", marker=_MARKERS.get(s.shape, "o"),
                              markerfacecolor=s.fill, markeredgecolor=s.border, markersize=9,
                              label=s.label))
    for key in sorted({n.status for n in m.nodes if n.status},
                      key=list(styling.STATUS_STYLES).index):
        s = styling.STATUS_STYLES[key]
        handles.append(Line2D([], [], linestyle="none", marker="s", markerfacecolor=s.fill,
                              markeredgecolor=s.border, markersize=9,
                              label=s.label.replace("the organisation", m.organisation)))
    if any(n.shape == "square" and not n.label for n in m.nodes):   # a folded map's
        handles.append(Line2D([], [], linestyle="none", marker="s",
                              markerfacecolor=styling.PALE, markeredgecolor=styling.INK,
                              markersize=7, label=f"{folded.SMALL_SQUARE}\n(the interactive "
                                                  "map names it)"))
    if any(n.flagged for n in m.nodes):
        f = styling.FLAGGED
        flag = "Subject of a warning or error (\u26a0 before its name)"
        handles.append(Patch(facecolor=f.fill, edgecolor=f.border, linewidth=2.5, label=flag)
                       if boxes else
                       Line2D([], [], linestyle="none", marker="o", markerfacecolor=f.fill,
                              markeredgecolor=f.border, markeredgewidth=2.5, markersize=9,
                              label=flag))
    for line in styling.edge_looks((e.relationship, e.variant) for e in m.edges):
        handles.append(Line2D([], [], color=line.color, linewidth=line.width,
                              linestyle=_dashes(line.dashes), label=line.label))
    return handles


def legend_labels(m: Map) -> list[str]:
    """What the image's legend says, line by line."""
    return [str(h.get_label()) for h in _legend_handles(m)]


def _legend(ax: Axes, m: Map) -> None:
    ax.legend(handles=_legend_handles(m), loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8,
              frameon=False, title="Legend", title_fontsize=9, alignment="left")


def _figure(m: Map) -> Figure:
    from matplotlib.figure import Figure

    fig = Figure(figsize=(IMAGE_SIZE[0] / _DPI, IMAGE_SIZE[1] / _DPI), dpi=_DPI)
    fig.suptitle(m.title, x=0.02, ha="left", fontsize=14, fontweight="bold")
    fig.text(0.02, 0.925, m.summary, fontsize=10, color="#4d4d4d")
    ax = fig.add_axes((0.02, 0.03, 0.68, 0.86))
    ax.set_axis_off()
    if m.sparse:
        ax.text(0.0, 0.9, m.sparse, fontsize=13, wrap=True, va="top", transform=ax.transAxes)
        return fig
    _draw_edges(ax, m, {n.key: (n.x, n.y) for n in m.nodes})
    _draw_nodes(ax, m)
    _captions(ax, m)
    xs, ys = [n.x for n in m.nodes] or [0.0], [n.y for n in m.nodes] or [0.0]
    ax.set_xlim(min(xs + [x + 50 for x, _, _ in m.captions]) - 60, max(xs) + 60)
    ax.set_ylim(max(ys) + 80, min(ys) - 40)          # the page's y runs downwards
    _legend(ax, m)
    return fig


def write_image(m: Map, path: str | Path) -> Path:
    """Write a map as an SVG or PNG image (by the path's suffix)."""
    return save_figure(lambda: _figure(m), path)


def save_figure(draw: Callable[[], "Figure"], path: str | Path) -> Path:
    """Write the figure ``draw`` makes as an SVG or PNG (by the path's suffix), with the
    images' settings: no dates, fixed SVG ids, one font shipped with matplotlib, so the
    same drawing always gives the same file."""
    import matplotlib

    path = Path(path)
    kind = path.suffix.lower().lstrip(".")
    if kind not in ("svg", "png"):
        raise UsageError(f"{path}: an image is written as .svg or .png, not .{kind}")
    path.parent.mkdir(parents=True, exist_ok=True)
    with matplotlib.rc_context(_settings()):
        fig = draw()
        meta = {"Date": None} if kind == "svg" else {"Software": None}
        fig.savefig(path, format=kind, metadata=meta)
    return path
