"""Republication clusters on statements as outlets really carry them.

Real behaviour these fixtures stand for (our own texts):
- an outlet republishes a statement verbatim under its own headline, often
  with an editor's intro ("The following statement was issued on ...");
- a Korean outlet puts a Korean lead paragraph above the English text;
- a wire copy re-breaks the paragraphs (two joined, one split) and appends a
  signature block and a contact line;
- an aggregator drops the last paragraph;
- the issuer publishes a *second* statement on the same subject, sharing much
  of the vocabulary but not the sentences;
- one site's template wraps every article in the same intro and footer lines.
"""

from __future__ import annotations

from archive.clusters import changes, cluster_id, cluster_keys, shingles, tokens

FLOOD = [
    "The Office of the River Basin Ombudsman has completed its inquiry into the handling of the "
    "September flood warnings in the lower valley districts.",
    "Our investigators reviewed more than four hundred messages sent by the regional water authority "
    "between the first alert and the evacuation order, and spoke with residents of eleven villages.",
    "We found that the second warning reached mobile phones nearly three hours after the gauges at "
    "Millford Bridge had passed the danger mark, because the list of subscribers had not been updated "
    "since the spring.",
    "Residents who depend on landline telephones received no warning at all, and the sirens in two "
    "villages had been switched off for maintenance without any notice to the public.",
    "The Ombudsman recommends that the authority test its warning chain every quarter, publish the "
    "results, and give families who lost property a simple route to claim compensation before the end "
    "of the year.",
]

FLOOD_FOLLOW_UP = [
    "The Office of the River Basin Ombudsman today published the response of the regional water "
    "authority to its recommendations on flood warnings in the lower valley.",
    "The authority accepts that subscriber lists must be checked each month and says it has already "
    "restored the sirens in the affected villages.",
    "It does not accept a quarterly public test of the warning chain, citing the cost of "
    "coordinating the telephone operators, and proposes an annual exercise instead.",
    "The Ombudsman regrets this position and will report again in six months on whether residents "
    "of the lower valley districts are receiving timely warnings.",
]

SCHOOL_MEALS = [
    "The Ministry of Education announces that free school meals will be extended to all primary "
    "pupils in rural districts from the start of the spring term.",
    "Head teachers will receive guidance on menus prepared with the national nutrition council, and "
    "local farms will be invited to supply fresh vegetables under three-year contracts.",
    "The programme is funded from the rural development budget and will be reviewed by an independent "
    "panel after its first full year.",
]

TEMPLATE_INTRO = "Harbour Daily brings you the latest from the region."
TEMPLATE_FOOTER = "Copyright Harbour Daily. Send your tips to our newsroom; we read every message."


def _text(paragraphs: list[str]) -> str:
    return "\n".join(paragraphs)


def republications() -> dict[str, str]:
    rebroken = [FLOOD[0] + " " + FLOOD[1], *FLOOD[2].split(", because "), FLOOD[3], FLOOD[4]]
    intro = "The following statement was issued on Tuesday by the Ombudsman's office."
    korean = "하천 유역 옴부즈만 사무소가 9월 홍수 경보 처리에 대한 조사 결과를 발표했다."
    signature = ["Signed, Director of Investigations", "Press office: +00 0000 0000"]
    return {
        "issuer": _text(FLOOD),
        "outlet-intro": _text([intro, *FLOOD]),
        "korean-lead": _text([korean, *FLOOD]),
        "wire-rebroken": _text([*rebroken, *signature]),
        "aggregator-cut": _text(FLOOD[:-1]),
        "follow-up": _text(FLOOD_FOLLOW_UP),
        "follow-up-outlet": _text(["Read the Ombudsman's update below.", *FLOOD_FOLLOW_UP]),
        "meals-site": _text([TEMPLATE_INTRO, *SCHOOL_MEALS, TEMPLATE_FOOTER]),
        "flood-site": _text([TEMPLATE_INTRO, *FLOOD_FOLLOW_UP[:2], TEMPLATE_FOOTER]),
    }


def _groups(assignment: dict[str, str]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for key, group in assignment.items():
        groups.setdefault(group, set()).add(key)
    return {frozenset(members) for members in groups.values()}


def test_republications_cluster_and_different_statements_do_not() -> None:
    texts = republications()
    found = _groups(cluster_keys(texts.items()))
    assert frozenset({"issuer", "outlet-intro", "korean-lead", "wire-rebroken", "aggregator-cut"}) in found
    assert frozenset({"follow-up", "follow-up-outlet"}) in found
    assert frozenset({"meals-site"}) in found  # same template as flood-site, different article
    assert frozenset({"flood-site"}) in found  # half of the follow-up under a template: not a copy
    assert len(found) == 4


def test_clusters_do_not_depend_on_input_order() -> None:
    texts = list(republications().items())
    assert _groups(cluster_keys(texts)) == _groups(cluster_keys(list(reversed(texts))))


def test_empty_texts_are_left_out() -> None:
    assert cluster_keys([("a", ""), ("b", "   \n"), ("c", "One statement.")]) == {"c": "c"}


def test_cjk_text_is_shingled_by_character() -> None:
    assert tokens("香港政府今日发表声明 Statement 2026") == [
        "香", "港", "政", "府", "今", "日", "发", "表", "声", "明", "statement", "2026",
    ]
    assert len(shingles("香港政府今日发表声明")) == 6


def test_changes_name_what_a_republication_added_and_left_out() -> None:
    texts = republications()
    wire = changes(texts["issuer"], texts["wire-rebroken"])
    assert wire.added == ("Signed, Director of Investigations", "Press office: +00 0000 0000")
    assert wire.removed == ()  # re-broken paragraphs are not changes
    cut = changes(texts["issuer"], texts["aggregator-cut"])
    assert cut.added == () and cut.removed == (FLOOD[-1],)
    korean = changes(texts["issuer"], texts["korean-lead"])
    assert len(korean.added) == 1 and korean.added[0].startswith("하천")


def test_cluster_id_is_stable_and_named_after_the_origin_text() -> None:
    assert cluster_id("abc") == cluster_id("abc") != cluster_id("abd")
    assert cluster_id("abc").startswith("c") and len(cluster_id("abc")) == 13
