"""The README's sample-file commands, run exactly as written there, on `circularcities examples`."""

import json
import re
import shlex
from pathlib import Path

import pytest

from circularcities.cli import main

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_commands() -> list[str]:
    text = README.read_text(encoding="utf-8")
    block = re.search(r"### Try them on sample files.*?```sh\n(.*?)```", text, re.S)
    assert block, "README has no 'Try them on sample files' block"
    return [line for line in block.group(1).splitlines() if line.startswith("circularcities ")]


def test_the_readme_names_every_command_that_reads_a_file():
    subcommands = {" ".join(shlex.split(c)[1:3]) for c in readme_commands()}
    for wanted in ("examples samples", "match samples/offers.csv", "mfa stock", "mfa check",
                   "route solve", "route plan", "route template"):
        assert any(s.startswith(wanted) for s in subcommands), wanted


def test_every_readme_command_works_on_the_sample_files(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    outputs = {}
    for line in readme_commands():
        argv = shlex.split(line)[1:]
        code = main(argv)
        captured = capsys.readouterr()
        assert code == 0, (line, captured.err)
        outputs[" ".join(argv[:2])] = captured.out

    assert "Wrote 7 files" in outputs["examples samples"]
    match = json.loads(outputs["match samples/offers.csv"])
    assert match["matched_t"] == pytest.approx(710.0)  # 500 concrete + 150 wood + 60 food waste
    assert {m["offer"] for m in match["matches"]} == {"noord-concrete", "utrecht-wood",
                                                      "westpoort-wood", "zuidoost-food"}
    assert all(m["distance_km"] <= 50 for m in match["matches"])

    stock = json.loads(outputs["mfa stock"])
    assert stock["years"][0] == 2016 and len(stock["stock"]) == 10
    assert stock["inflow"][-1] == pytest.approx(55.0)
    # Stock grows while inflow exceeds outflow; it holds what came in minus what left.
    assert stock["stock"][-1] == pytest.approx(sum(stock["inflow"]) - sum(stock["outflow"]), rel=1e-6)

    assert "balances" in outputs["mfa check"]

    solved = json.loads(outputs["route solve"])
    visited = sorted(c for route in solved["routes"] for c in route)
    assert visited == list(range(2, 12))  # every collection point (VRPLIB nodes 2-11) once
    demand = {2: 3, 3: 4, 4: 2, 5: 5, 6: 3, 7: 4, 8: 2, 9: 3, 10: 4, 11: 3}  # from collection.vrp
    assert all(sum(demand[c] for c in route) <= 12 for route in solved["routes"])  # truck capacity
    assert solved["cost"] > 0

    assert "Cheapest plan" in outputs["route plan"]
    assert (tmp_path / "samples" / "plan.xlsx").stat().st_size > 0
    assert (tmp_path / "samples" / "my-scenario.xlsx").stat().st_size > 0


def test_examples_does_not_overwrite_without_force(tmp_path, capsys):
    assert main(["examples", str(tmp_path / "s")]) == 0
    (tmp_path / "s" / "offers.csv").write_text("mine")
    assert main(["examples", str(tmp_path / "s")]) == 1
    assert "--force" in capsys.readouterr().err
    assert (tmp_path / "s" / "offers.csv").read_text() == "mine"
    assert main(["examples", str(tmp_path / "s"), "--force"]) == 0
    assert (tmp_path / "s" / "offers.csv").read_text().startswith("id,material")
