"""``python -m povsum`` and the ``povsum`` command."""

from povsum.precompiled import precompiled


def main() -> None:
    # Importing the CLI compiles some 100 patterns (the text modules, pydantic, typer): kept across
    # runs like the rules' (see precompiled).
    with precompiled("cli"):
        from povsum.cli import app
    app()


if __name__ == "__main__":
    main()
