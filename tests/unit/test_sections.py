"""The sections of plans the figure and measure rules share, on passages written for these tests."""

from __future__ import annotations

from povsum.document import Document
from povsum.extractors.rules.sections import plan_sections
from povsum.sentences import split_sentences


def _sections(text: str) -> tuple[Document, list[tuple[str, bool]]]:
    document = Document.from_text(text)
    found = plan_sections(document, split_sentences(document.text))
    return document, [(document.text[s.start : s.end].strip(), s.heading) for s in found.sections]


def test_a_plan_sentence_opens_the_rest_of_its_paragraph_and_a_heading_the_rest_of_the_report() -> None:
    # Written for the test.
    text = (
        "全年完成危房改造300户。下一步,将新建公路20公里。同时加强培训。\n2019年建成大棚40个。\n"
        "三、下一步工作\n一是发展产业。"
    )
    document, found = _sections(text)
    assert found == [
        ("下一步,将新建公路20公里。同时加强培训。", False),
        ("三、下一步工作\n一是发展产业。", True),
    ]
    assert plan_sections(document, split_sentences(document.text)).at(0) is None


def test_a_label_of_targets_opens_plans_and_a_way_of_working_does_not() -> None:
    # Written for the test: "二、目标任务" is a heading; "坚持…的工作思路," names how work was done.
    _, found = _sections("坚持“一村一品”的工作思路,建成茶园2万亩。\n二、目标任务\n新增就业3000人。")
    assert found == [("二、目标任务\n新增就业3000人。", True)]


def test_a_label_of_what_was_done_ends_the_plans() -> None:
    # Written for the test (round 3's f3_099 form): the targets, then the year's results.
    _, found = _sections("兴文县2020年目标任务:完成剩余26个贫困村出列。2019年完成情况:减贫1.42万人。")
    assert found == [("兴文县2020年目标任务:完成剩余26个贫困村出列。", False)]
