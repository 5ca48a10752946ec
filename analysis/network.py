"""The cooperation network: units are nodes sized by activity, edges join units party to the same event."""
from __future__ import annotations

import networkx as nx
import pandas as pd

from analysis import findings


def cooperation_graph(t: findings.Tables) -> nx.Graph:
    """Nodes: units party to an event (attribute `events`: how many); edges: shared events (`weight`, `events`)."""
    g = nx.Graph()
    activity = findings.units_activity(t)
    ep = t["event_parties"]
    for row in activity.itertuples():
        if row.n_events > 0:
            g.add_node(row.unit, events=int(row.n_events), articles=int(row.n_articles),
                       province=row.province, country=row.country)
    for row in findings.cooperation_pairs(t).itertuples():
        g.add_edge(row.unit_a, row.unit_b, weight=int(row.n_events), events=row.events)
    for unit in ep["unit"].dropna().unique():
        if unit not in g:
            g.add_node(unit, events=int(ep.loc[ep["unit"] == unit, "event_id"].nunique()), articles=0, province=None, country=None)
    return g


def centrality(g: nx.Graph) -> pd.DataFrame:
    """Units by number of partners (degree) and shared events (weighted degree)."""
    if g.number_of_nodes() == 0:
        return pd.DataFrame(columns=["unit", "partners", "n_events"])
    rows = [{"unit": n, "partners": g.degree(n), "n_events": g.nodes[n].get("events", 0)} for n in g.nodes]
    return pd.DataFrame(rows).sort_values(["partners", "n_events", "unit"], ascending=[False, False, True]).reset_index(drop=True)


def _first_event(g: nx.Graph, node) -> str:
    """The smallest event id among a node's edges: sorting by it keeps the parties of one event together."""
    ids = [e for _, _, d in g.edges(node, data=True) for e in str(d.get("events", "")).split("; ") if e]
    return min(ids) if ids else ""


def layout(g: nx.Graph, seed: int = 7) -> dict:
    """A stable, readable layout: each connected group of units on its own, side by side (largest first).

    Inside a group, nodes sit on a circle (most groups are the parties of one or two agreements);
    a unit linked to every other one of a larger group (a hub) sits in the middle.
    """
    if g.number_of_nodes() == 0:
        return {}
    groups = sorted((sorted(c) for c in nx.connected_components(g)), key=lambda c: (-len(c), c[0]))
    pos, x = {}, 0.0
    for nodes in groups:
        n = len(nodes)
        radius = 0.0 if n == 1 else max(1.0, n / 3.2)
        hubs = [v for v in nodes if g.degree(v) == n - 1]
        centre = hubs[0] if n > 3 and 0 < len(hubs) < n else None
        ring = sorted((v for v in nodes if v != centre), key=lambda v: (_first_event(g, v), v))
        if n > 1:
            placed = nx.circular_layout(ring, scale=radius, center=(x + radius, 0.0))
        else:
            placed = {nodes[0]: (x, 0.0)}
        if centre is not None:
            placed[centre] = (x + radius, 0.0)
        pos.update({k: tuple(v) for k, v in placed.items()})
        x += 2 * radius + 1.6
    return pos
