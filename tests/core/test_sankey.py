"""The one rule for Sankey diagrams: every node and every band readable without hovering."""

from circularcities.core.sankey import fmt_amount, readout


def test_nodes_carry_their_throughput_and_links_their_amount_largest_first():
    out = readout(["A", "B", "C"], [0, 1, 0], [1, 2, 2], [100.0, 60.0, 2.5], "t", ["glass", "glass", "paper"])
    assert out["node_amounts"] == ["102 t", "100 t", "62.5 t"]
    assert out["link_amounts"] == ["100 t", "60.0 t", "2.5 t"]
    assert [(r["from"], r["to"], r["what"], r["amount"]) for r in out["link_rows"]] == [
        ("A", "B", "glass", "100 t"), ("B", "C", "glass", "60.0 t"), ("A", "C", "paper", "2.5 t")]
    assert out["node_rows"][1] == {"name": "B", "in": "100 t", "out": "60.0 t"}
    assert out["node_rows"][0]["in"] == "–"


def test_units_are_never_added_and_unreported_flows_say_so():
    out = readout(["Plant", "Mill"], [0, 0, 1], [1, 1, 0], [10.0, 500.0, None], ["t", "MWh", "t"],
                  missing="not reported")
    assert out["node_amounts"][0] == "500 MWh · 10.0 t"
    assert out["link_amounts"][2] == "not reported"
    assert out["link_rows"][-1]["amount"] == "not reported"


def test_amounts_keep_meaningful_precision():
    assert [fmt_amount(v) for v in (1534520.0, 12.34, 0.0421, 0)] == ["1,534,520", "12.3", "0.042", "0"]
