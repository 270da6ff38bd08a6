"""Which files a run reads from its folders, and in which order."""

from __future__ import annotations

import os
from pathlib import Path

from povsum.runner import LOCK_NAME, discover

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
    assert found.skipped == [root / "q.json"] and not found.problems
    assert found.files[1:3] == [root / "a" / "x.txt", root / "a b" / "e.txt"]
