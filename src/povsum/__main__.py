"""``python -m povsum`` and the ``povsum`` command."""

import gc

from povsum.precompiled import precompiled


def main() -> None:
    # Importing the CLI compiles some 100 patterns (the text modules, pydantic, typer): kept across
    # runs like the rules' (see precompiled).
    with precompiled("cli"):
        from povsum.cli import app
    try:
        app()
    finally:
        # Nothing is left to collect at exit: without this the interpreter's last collections walk
        # every object of the imported packages (0.4 s after an LLM run's openai models).
        gc.freeze()


if __name__ == "__main__":
    main()
