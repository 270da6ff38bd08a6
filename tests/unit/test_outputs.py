"""An output that cannot be written is an OutputError naming the folder, never an OSError."""

from __future__ import annotations

from pathlib import Path

import pytest

from povsum.errors import OutputError
from povsum.outputs import write_atomic
from povsum.panel import PanelBuilder, write_panel
from povsum.schema import export_schemas

# A folder that exists and that no one, root included, may create files in.
UNWRITABLE = Path("/proc")


def test_an_atomic_write_into_an_unwritable_folder_names_the_folder() -> None:
    with pytest.raises(OutputError, match=r"^/proc: cannot write here \("):
        write_atomic(UNWRITABLE / "panel.csv", "x")


@pytest.mark.parametrize("write", [lambda root: write_panel(root, PanelBuilder().build()), export_schemas])
def test_the_panel_and_the_schemas_refuse_an_unusable_folder_with_an_output_error(
    tmp_path: Path, write: object
) -> None:
    a_file = tmp_path / "afile"
    a_file.write_text("x")
    with pytest.raises(OutputError, match=f"^{a_file}: is a file, not a folder"):
        write(a_file)  # type: ignore[operator]
    with pytest.raises(OutputError, match=r"^/proc: cannot write here"):
        write(UNWRITABLE)  # type: ignore[operator]
    assert a_file.read_text() == "x"
