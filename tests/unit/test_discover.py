"""Which files a run reads from its folders, and in which order."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from povsum.runner import LOCK_NAME, ArticleResult, PathList, Tally, discover, renamed_stems

FILES = ("a.txt", "a/x.txt", "a-b/y.md", "B.TXT", "b/c/d.html", ".h/z.txt", "b/.z.txt", "q.json", "a b/e.txt")
OUTPUTS = (f"o/{LOCK_NAME}", "o/k.txt", f"n/o2/{LOCK_NAME}", "n/o2/r.txt", "n/keep.txt", "out/w.txt")


def tree(root: Path) -> None:
    for rel in (*FILES, *OUTPUTS):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    os.symlink(root / "a", root / "link_dir")  # a link to a folder is not followed
    os.symlink(root / "a.txt", root / "link_a.txt")  # a link to a file is read
    os.symlink(root / "o" / "k.txt", root / "link_out.txt")  # ...unless it points into an output
    os.symlink(root / "missing.txt", root / "broken.txt")  # a broken link is skipped, and said


def test_text_files_in_path_order_without_hidden_ones_or_output_folders(tmp_path: Path) -> None:
    root = tmp_path / "in"
    tree(root)
    found = discover([root], root / "out")
    assert [str(p.relative_to(root)) for p in found.files] == [
        "B.TXT",
        "a/x.txt",
        "a b/e.txt",
        "a-b/y.md",
        "a.txt",
        "b/c/d.html",
        "link_a.txt",
        "n/keep.txt",
    ]
    assert list(found.files) == sorted(found.files)  # as Path orders them, name by name
    assert found.skipped == [root / "broken.txt", root / "link_dir", root / "q.json"] and not found.problems
    assert found.files[1:3] == [root / "a" / "x.txt", root / "a b" / "e.txt"]


def _a_files_name(name: str) -> bool:
    """Whether ``name`` can name a file: os.fsencode takes the surrogates of undecodable bytes
    (\udc80-\udcff), never another lone surrogate ("\ud800" comes from no file system)."""
    try:
        os.fsencode(name)
    except UnicodeEncodeError:
        return False
    return True


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.lists(
            st.text(st.characters(blacklist_characters="/\0"), min_size=1).filter(_a_files_name),
            min_size=1,
            max_size=4,
        )
    )
)
def test_the_path_list_gives_back_every_path_it_was_given(parts: list[list[str]]) -> None:
    """Names of any characters (surrogates for undecodable bytes too), folders shared or not."""
    paths = [Path(*p) for p in parts]
    kept = PathList()
    for path in paths:
        kept.append(str(path))
    assert list(kept) == paths and len(kept) == len(paths)
    assert kept[1:] == paths[1:] and (not paths or kept[-1] == paths[-1])


def test_only_the_output_names_that_are_not_their_files_stem_are_kept() -> None:
    long = "长" * 100  # written for the test: a stem whose .json name exceeds 255 bytes
    files = [Path("a/x.txt"), Path("b/x.txt"), Path("y.txt"), Path(f"{long}.txt")]
    renamed = renamed_stems(files)
    assert sorted(renamed) == [0, 1, 3] and renamed[0] != renamed[1]
    tally = Tally(files, renamed)
    assert [tally.stem(i) for i in range(4)] == [renamed[0], renamed[1], "y", renamed[3]]
    tally.add(2, ArticleResult(files[2], "y-2", error="x"))  # a clash at write time renamed it
    tally.add(0, ArticleResult(files[0], "x", error="x"))
    assert tally.stem(2) == "y-2" and tally.renamed.get(0) is None and tally.stem(0) == "x"
