"""CLI commands of the browser (placeholder until the browser lands)."""
import click


def register(main: click.Group) -> None:
    pass
