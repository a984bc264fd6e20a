"""CLI commands of the analyses (placeholder until the analyses land)."""
import click


def register(main: click.Group) -> None:
    pass
