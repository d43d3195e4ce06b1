"""Korean for issue #13 page fixes (helper ux)."""

LANG = "ko"

T = {
    "Sankey diagram of flows": "흐름 생키 다이어그램",
    "Values in the diagram": "다이어그램의 수치",
    "Amount entering and leaving each node": "각 노드의 유입량과 유출량",
    "Node": "노드",
    "In": "유입",
    "Out": "유출",
    "Flows in the diagram, largest first": "다이어그램의 흐름(큰 순서)",
    "From": "출발",
    "To": "도착",
    "What": "내용",
    "Amount": "양",
    "%(n)s flows, in %(unit)s. Each node shows its amount; the table under the diagram gives every flow.":
        "흐름 %(n)s개, 단위 %(unit)s. 각 노드에 양을 표시하고 다이어그램 아래 표에 모든 흐름을 보여 줍니다.",
}
P = {}
